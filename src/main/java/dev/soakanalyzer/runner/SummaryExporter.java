package dev.soakanalyzer.runner;

import java.nio.file.Path;

/** Exports the analysed summary and violations (Redis); the runner's view of export-redis. */
@FunctionalInterface
public interface SummaryExporter {

  Outcome export(Path summaryFile, Path violationsFile);

  /** How the export went. */
  enum Result {
    OK,
    /** Redis could not be reached: degrade, count the streak. */
    UNREACHABLE,
    /** Any other failure, with its real reason. */
    FAILED
  }

  /**
   * @param reason short machine-friendly reason ({@code redis_unavailable}), empty on success
   * @param detail one human line for the warning, never holding a password
   */
  record Outcome(Result result, String reason, String detail) {
    public static final Outcome OK = new Outcome(Result.OK, "", "");

    public static Outcome unreachable(String detail) {
      return new Outcome(Result.UNREACHABLE, "redis_unavailable", detail);
    }

    public static Outcome failed(String detail) {
      return new Outcome(Result.FAILED, "export_failed", detail);
    }
  }
}
