package dev.soakanalyzer.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the history record of one export from SOAK_SUMMARY.json (docs/REDIS.md). */
final class HistoryRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HistoryRecords() {}

  /**
   * The run's record: {@code root} is the whole SOAK_SUMMARY.json when at hand (its cells'
   * statistics and {@code meta.ref/sha/run_id/pr} are copied), else null (status only).
   */
  static HistoryRecord fromSummary(ExportPayload.Summary summary, JsonNode root) {
    JsonNode meta = root == null ? null : root.get("meta");
    String sha = text(meta, "sha");
    if (sha == null && summary.meta().commitRange() != null) {
      String[] range = summary.meta().commitRange().split("\\.\\.");
      sha = range[range.length - 1].isBlank() ? null : range[range.length - 1].strip();
    }
    String runId = text(meta, "run_id");
    ObjectNode stats = JSON.createObjectNode();
    JsonNode symbols = root == null ? null : root.get("symbols");
    summary
        .symbols()
        .forEach(
            (symbol, cells) -> {
              ObjectNode sym = stats.putObject(symbol);
              cells.forEach(
                  (metric, cell) -> {
                    ObjectNode out = sym.putObject(metric);
                    JsonNode in = symbols == null ? null : symbols.path(symbol).path(metric);
                    if (in != null && in.isObject()) {
                      for (String field : new String[] {"median", "mean", "n", "sd", "lag1"}) {
                        JsonNode v = in.get(field);
                        if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                          out.set(field, v);
                        }
                      }
                    }
                    out.put("status", cell.status().name());
                  });
            });
    return new HistoryRecord(
            null,
            runId != null ? runId : summary.generatedAt(),
            summary.generatedAt(),
            text(meta, "ref"),
            sha,
            text(meta, "pr"),
            summary.verdict(),
            summary.windows(),
            summary.critCount(),
            summary.warnCount(),
            stats.toString(),
            "")
        .signed();
  }

  /** A text or integral field of {@code node}; blank, other types and absence are null. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || !(v.isTextual() || v.isIntegralNumber()) || v.asText().isBlank()) {
      return null;
    }
    return v.asText().strip();
  }
}
