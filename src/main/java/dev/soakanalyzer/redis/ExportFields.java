package dev.soakanalyzer.redis;

import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.Violation;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of the exported hashes and stream events (docs/REDIS.md). */
final class ExportFields {
  private ExportFields() {}

  static Map<String, String> summaryFields(ExportPayload payload, String updatedAt) {
    ExportPayload.Summary s = payload.summary();
    Map<String, String> f = new LinkedHashMap<>();
    f.put("verdict", s.verdict().name());
    f.put("windows", Integer.toString(s.windows()));
    f.put("symbols", Integer.toString(s.symbols().size()));
    f.put("crit_count", Integer.toString(s.critCount()));
    f.put("warn_count", Integer.toString(s.warnCount()));
    f.put("ok_count", Integer.toString(s.okCount()));
    f.put("generated_at", s.generatedAt());
    f.put("updated_at", updatedAt);
    putIfKnown(f, "commit_range", s.meta().commitRange());
    putIfKnown(f, "profile", s.meta().profile());
    putIfKnown(f, "source", s.meta().source());
    return f;
  }

  static Map<String, String> symbolFields(
      Map<String, ExportPayload.Cell> cells, List<Violation> events, String updatedAt) {
    Map<String, String> f = new LinkedHashMap<>();
    long crit = events.stream().filter(v -> v.level() == Level.CRIT).count();
    f.put("crit_count", Long.toString(crit));
    f.put("warn_count", Long.toString(events.size() - crit));
    Level verdict = Level.OK;
    if (cells != null) {
      for (var cell : cells.entrySet()) {
        if (cell.getValue().last() != null) {
          f.put(lastField(cell.getKey()), number(cell.getValue().last()));
        }
        CellStatus status = cell.getValue().status();
        if (status.level() != null) {
          verdict = Level.worst(verdict, status.level());
        }
      }
    }
    for (Violation v : events) {
      verdict = Level.worst(verdict, v.level()); // a symbol known only from VIOLATIONS.json
    }
    f.put("verdict", verdict.name());
    f.put("updated_at", updatedAt);
    return f;
  }

  /** The guide's field for the four standard metrics, {@code last_<metric>} for custom ones. */
  static String lastField(String metric) {
    return MetricCatalog.STANDARD.find(metric).map(MetricDef::redisField).orElse("last_" + metric);
  }

  static Map<String, String> eventFields(Violation v, String ts) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("symbol", v.symbol());
    f.put("metric", v.metric());
    f.put("level", v.level().name());
    f.put("window_index", Integer.toString(v.windowIndex()));
    f.put("value", number(v.value()));
    f.put("threshold", number(v.threshold()));
    putIfKnown(f, "note", v.note());
    f.put("ts", ts);
    return f;
  }

  /** Shortest plain decimal form: 320.0 -> "320", 2.45 -> "2.45". */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static void putIfKnown(Map<String, String> fields, String name, String value) {
    if (value != null && !value.isEmpty()) {
      fields.put(name, value);
    }
  }
}
