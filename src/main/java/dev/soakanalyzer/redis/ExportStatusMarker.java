package dev.soakanalyzer.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code artifacts/state/last_export_status.json}: the local record of the last export, written
 * after every attempt so operators and the runner can see a degraded Redis without Redis.
 *
 * <pre>{"ts":"2025-10-26T12:34:56Z","summary":"SKIP","violations":"SKIP",
 *  "reason":"redis_unavailable","consecutive_failures":3}</pre>
 *
 * {@code summary}/{@code violations} are {@code OK} or {@code SKIP} (one export is one transaction,
 * so they always agree); {@code reason} is {@code ok} or a {@link RedisFailure#reasonCode()}.
 * {@code consecutive_failures} counts exports in a row skipped because Redis was unreachable: it
 * grows only for that reason, is kept as is for other failures and resets to 0 on success. The
 * runner's Redis-down alert reads it from {@link Status#consecutiveFailures()}.
 */
public final class ExportStatusMarker {
  public static final String FILE_NAME = "last_export_status.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Clock clock;

  public ExportStatusMarker(Path stateDir, Clock clock) {
    this.file = Objects.requireNonNull(stateDir, "stateDir").resolve(FILE_NAME);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Path file() {
    return file;
  }

  /** The marker content. */
  public record Status(
      String ts, String summary, String violations, String reason, int consecutiveFailures) {}

  /** Records {@code result} atomically and returns what was written. */
  public Status record(ExportResult result) throws IOException {
    int previous = read().map(Status::consecutiveFailures).orElse(0);
    String ts =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    Status status;
    if (result.exported()) {
      status = new Status(ts, "OK", "OK", "ok", 0);
    } else {
      int failures = result.skippedUnreachable() ? previous + 1 : previous;
      status = new Status(ts, "SKIP", "SKIP", result.failure().reasonCode(), failures);
    }
    write(status);
    return status;
  }

  /** The last status, or empty when there is none or it cannot be read. */
  public Optional<Status> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        return Optional.empty();
      }
      return Optional.of(
          new Status(
              n.path("ts").asText(null),
              n.path("summary").asText(null),
              n.path("violations").asText(null),
              n.path("reason").asText(null),
              Math.max(0, n.path("consecutive_failures").asInt(0))));
    } catch (IOException e) {
      return Optional.empty(); // a corrupt marker only loses the count, never the export
    }
  }

  private void write(Status s) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("ts", s.ts());
    n.put("summary", s.summary());
    n.put("violations", s.violations());
    n.put("reason", s.reason());
    n.put("consecutive_failures", s.consecutiveFailures());
    String text;
    try {
      text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    AtomicFiles.write(file, text);
  }
}
