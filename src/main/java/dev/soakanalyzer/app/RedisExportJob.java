package dev.soakanalyzer.app;

import dev.soakanalyzer.redis.ExportOptions;
import dev.soakanalyzer.redis.ExportPayload;
import dev.soakanalyzer.redis.ExportPayloadReader;
import dev.soakanalyzer.redis.ExportResult;
import dev.soakanalyzer.redis.InvalidExportInputException;
import dev.soakanalyzer.redis.RedisExporter;
import dev.soakanalyzer.state.ExportStatusFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redis export, one use case for {@code export-redis}, the runner and the action: read and
 * validate the two reports, export them, and record the attempt in last_export_status.json. A
 * report that cannot be read never reaches Redis and records nothing.
 */
public final class RedisExportJob implements SummaryExport {
  private final RedisExporter exporter;
  private final ExportOptions options;
  private final ExportStatusFile status;
  private final Clock clock;
  private final Console console;

  public RedisExportJob(
      RedisExporter exporter,
      ExportOptions options,
      ExportStatusFile status,
      Clock clock,
      Console console) {
    this.exporter = Objects.requireNonNull(exporter, "exporter");
    this.options = Objects.requireNonNull(options, "options");
    this.status = Objects.requireNonNull(status, "status");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.console = Objects.requireNonNull(console, "console");
  }

  public ExportStatusFile statusFile() {
    return status;
  }

  @Override
  public ExportOutcome export(Path summaryFile, Path violationsFile) {
    ExportPayload payload;
    try {
      payload = new ExportPayloadReader().read(summaryFile, violationsFile);
    } catch (InvalidExportInputException e) {
      return ExportOutcome.invalidInput(e.getMessage());
    }
    ExportResult r = exporter.export(payload, options);
    Optional<ExportStatusFile.Status> recorded = record(r);
    if (r.exported()) {
      return new ExportOutcome(
          ExportOutcome.Kind.EXPORTED,
          ExportStatusFile.OK_REASON,
          r.message(),
          r.elapsed(),
          recorded);
    }
    return new ExportOutcome(
        r.skippedUnreachable() ? ExportOutcome.Kind.UNREACHABLE : ExportOutcome.Kind.FAILED,
        r.failure().reasonCode(),
        r.message(),
        r.elapsed(),
        recorded);
  }

  private Optional<ExportStatusFile.Status> record(ExportResult r) {
    int previous = status.consecutiveFailures();
    ExportStatusFile.Status s =
        r.exported()
            ? ExportStatusFile.Status.exported(clock.instant())
            : ExportStatusFile.Status.skipped(
                clock.instant(),
                r.failure().reasonCode(),
                r.skippedUnreachable() ? previous + 1 : previous);
    try {
      status.write(s);
      return Optional.of(s);
    } catch (IOException e) {
      console.warn("cannot write " + status.file() + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
