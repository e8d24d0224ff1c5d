package dev.soakanalyzer.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code <state-dir>/last_export_status.json}: the local record of the last export, so operators
 * and the runner see a degraded Redis without Redis. The one reader and the one writer of the file.
 *
 * <pre>{"ts":"2025-10-26T12:34:56Z","summary":"SKIP","violations":"SKIP",
 *  "reason":"redis_unavailable","consecutive_failures":3}</pre>
 *
 * {@code summary}/{@code violations} are {@code OK} or {@code SKIP} (one export is one transaction,
 * so they always agree); {@code reason} is {@code ok} or why the export was skipped. {@code
 * consecutive_failures} counts exports in a row skipped because Redis was unreachable: it grows
 * only for that reason, is kept as is for other failures and resets to 0 on success. The runner's
 * Redis-down alert starts from it after a restart.
 */
public final class ExportStatusFile {
  public static final String FILE_NAME = "last_export_status.json";
  public static final String OK_REASON = "ok";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public ExportStatusFile(Path stateDir) {
    this.file = Objects.requireNonNull(stateDir, "stateDir").resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** The file's content; {@code ts} in whole seconds. */
  public record Status(
      Instant ts, String summary, String violations, String reason, int consecutiveFailures) {
    public Status {
      Objects.requireNonNull(ts, "ts");
      ts = ts.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Both reports exported; the unreachable streak ends. */
    public static Status exported(Instant ts) {
      return new Status(ts, "OK", "OK", OK_REASON, 0);
    }

    /** Nothing exported, for {@code reason}. */
    public static Status skipped(Instant ts, String reason, int consecutiveFailures) {
      return new Status(ts, "SKIP", "SKIP", reason, consecutiveFailures);
    }
  }

  /** The last status, or empty when there is none or it cannot be read or parsed. */
  public Optional<Status> read() {
    return node()
        .flatMap(
            n -> {
              try {
                return Optional.of(
                    new Status(
                        Instant.parse(n.path("ts").asText()),
                        n.path("summary").asText(null),
                        n.path("violations").asText(null),
                        n.path("reason").asText(null),
                        consecutiveFailures(n)));
              } catch (RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  /** Consecutive unreachable-skips recorded last, 0 when unknown. */
  public int consecutiveFailures() {
    return node().map(ExportStatusFile::consecutiveFailures).orElse(0);
  }

  /** A count no real run reaches (a skip a minute for two years): larger values are capped. */
  static final int MAX_COUNT = 1_000_000;

  /**
   * The file is input, not truth: a count that is not a whole number, or is negative, is 0; a huge
   * one (2147483647) is capped, so adding one never overflows into a negative count that would keep
   * the Redis-down alert from firing.
   */
  private static int consecutiveFailures(JsonNode n) {
    JsonNode c = n.path("consecutive_failures");
    if (!c.isIntegralNumber()) {
      return 0;
    }
    if (c.canConvertToLong()) {
      long v = c.asLong();
      return v < 0 ? 0 : (int) Math.min(v, MAX_COUNT);
    }
    return c.bigIntegerValue().signum() < 0 ? 0 : MAX_COUNT;
  }

  private Optional<JsonNode> node() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // a corrupt status only loses the count, never the export
    }
  }

  /** Writes {@code status} atomically. */
  public void write(Status s) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("ts", s.ts().toString());
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
