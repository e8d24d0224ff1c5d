package dev.soakanalyzer.app;

import dev.soakanalyzer.state.ExportStatusFile;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one export ended, for every entry point to report in its own words.
 *
 * @param reason machine-friendly reason: {@code ok}, {@code redis_unavailable}, {@code
 *     auth_refused}, ..., {@code export_failed} for unreadable reports
 * @param message one line, safe to print (never a password)
 * @param recorded the status written to last_export_status.json, empty when none was written
 */
public record ExportOutcome(
    Kind kind,
    String reason,
    String message,
    Duration elapsed,
    Optional<ExportStatusFile.Status> recorded) {

  /** The closed set of endings. */
  public enum Kind {
    EXPORTED,
    /** Redis could not be reached: degrade, count the streak. */
    UNREACHABLE,
    /** Redis answered with an error (auth, wrong type, TLS, server), with its real reason. */
    FAILED,
    /** A report is missing or malformed: nothing reached Redis. */
    INVALID_INPUT
  }

  public static final String INVALID_INPUT_REASON = "export_failed";

  public ExportOutcome {
    Objects.requireNonNull(kind, "kind");
    if (reason == null || message == null || elapsed == null || recorded == null) {
      throw new NullPointerException("reason, message, elapsed and recorded are required");
    }
  }

  /** Exported, nothing recorded: for fakes. */
  public static ExportOutcome exported(String message) {
    return new ExportOutcome(
        Kind.EXPORTED, ExportStatusFile.OK_REASON, message, Duration.ZERO, Optional.empty());
  }

  public static ExportOutcome invalidInput(String message) {
    return new ExportOutcome(
        Kind.INVALID_INPUT, INVALID_INPUT_REASON, message, Duration.ZERO, Optional.empty());
  }
}
