package dev.soakanalyzer.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A series of exports of one growing soak run, for the failover and history tests: run {@code i}
 * (0-based) has {@code 10 + i} windows and violation events at windows 0..i, so each export streams
 * exactly one new event and appends one history record.
 */
final class RunSeries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunSeries() {}

  /** Run {@code i} with BTCUSDT edge_bps median {@code median}. */
  static ExportPayload run(int i, double median) {
    return run(i, median, "main");
  }

  static ExportPayload run(int i, double median, String ref) {
    ObjectNode root = summary(i, median, ref);
    try {
      ExportPayload.Summary s = ExportPayloadReader.readSummary(Path.of("SOAK_SUMMARY.json"), root);
      List<Violation> events = new ArrayList<>();
      for (int w = 0; w <= i; w++) {
        events.add(new Violation("BTCUSDT", "edge_bps", Level.WARN, w, 2.0, 2.5, null));
      }
      return new ExportPayload(s, events, HistoryRecords.fromSummary(s, root));
    } catch (InvalidExportInputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  static ObjectNode summary(int i, double median, String ref) {
    ObjectNode root = JSON.createObjectNode();
    root.put("generated_at_utc", java.time.LocalDate.of(2026, 12, 1).plusDays(i) + "T10:00:00Z");
    root.put("windows", 10 + i);
    ObjectNode overall = root.putObject("overall");
    overall.put("verdict", "WARN").put("crit_count", 0).put("warn_count", i + 1).put("ok_count", 1);
    ObjectNode meta = root.putObject("meta");
    meta.put("commit_range", "base000.." + sha(i)).put("profile", "steady").put("source", "soak");
    meta.put("ref", ref).put("sha", sha(i)).put("run_id", "run-" + i);
    ObjectNode cell = root.putObject("symbols").putObject("BTCUSDT").putObject("edge_bps");
    cell.put("median", median).put("mean", median).put("n", 10 + i).put("sd", 0.1);
    cell.put("lag1", 0.2).put("last", median).put("status", "WARN");
    return root;
  }

  static String sha(int i) {
    return String.format("%07x", 0xabc0000 + i) + "0123456789abcdef0123456789abcdef0";
  }
}
