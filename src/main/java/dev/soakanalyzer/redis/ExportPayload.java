package dev.soakanalyzer.redis;

import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one export writes: the parts of SOAK_SUMMARY.json and VIOLATIONS.json the Redis keys need.
 * Built by {@link ExportPayloadReader} from the two files, or directly by a caller that already has
 * the analysis in memory.
 */
public record ExportPayload(Summary summary, List<Violation> violations, HistoryRecord run) {

  public ExportPayload {
    Objects.requireNonNull(summary, "summary");
    violations = List.copyOf(violations);
    Objects.requireNonNull(run, "run");
  }

  /**
   * A payload whose history record holds what {@code summary} knows: the verdict, the counts and
   * each cell's status ({@link ExportPayloadReader} adds the statistics, ref, sha and run id).
   */
  public ExportPayload(Summary summary, List<Violation> violations) {
    this(summary, violations, HistoryRecords.fromSummary(summary, null));
  }

  /** Every symbol to export: the summary's, then any that only appear in the violations. */
  public List<String> symbols() {
    var all = new java.util.LinkedHashSet<>(summary.symbols().keySet());
    violations.forEach(v -> all.add(v.symbol()));
    return List.copyOf(all);
  }

  /**
   * SOAK_SUMMARY.json as the exporter sees it.
   *
   * @param generatedAt {@code generated_at_utc}, verbatim
   * @param symbols symbol -> metric key -> cell, in file order
   */
  public record Summary(
      String generatedAt,
      int windows,
      Level verdict,
      int critCount,
      int warnCount,
      int okCount,
      RunMeta meta,
      Map<String, Map<String, Cell>> symbols) {

    public Summary {
      Objects.requireNonNull(generatedAt, "generatedAt");
      Objects.requireNonNull(verdict, "verdict");
      meta = meta == null ? RunMeta.NONE : meta;
      var copy = new LinkedHashMap<String, Map<String, Cell>>();
      symbols.forEach(
          (s, cells) ->
              copy.put(s, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells))));
      symbols = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /**
   * One symbol x metric cell of the summary.
   *
   * @param last the last value, or null when the metric has no data
   */
  public record Cell(Double last, CellStatus status) {
    public Cell {
      Objects.requireNonNull(status, "status");
    }
  }
}
