package dev.soakanalyzer.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How an export ended. {@code failure} is null when everything was written.
 *
 * @param message one line, safe to print (never a password)
 * @param symbols number of per-symbol hashes written
 * @param eventsStreamed stream entries added by this export (already-streamed events excluded)
 * @param elapsed wall time of the export, for logs and the benchmark
 */
public record ExportResult(
    RedisFailure failure, String message, int symbols, int eventsStreamed, Duration elapsed) {

  public ExportResult {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  public boolean exported() {
    return failure == null;
  }

  /** Redis was down or unreachable: the caller degrades (warn, exit 0). */
  public boolean skippedUnreachable() {
    return failure == RedisFailure.UNREACHABLE;
  }
}
