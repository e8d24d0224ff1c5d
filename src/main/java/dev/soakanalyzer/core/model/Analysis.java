package dev.soakanalyzer.core.model;

import java.time.Instant;
import java.util.List;

/**
 * The complete result of one analysis; every report is rendered from this alone.
 *
 * @param windows distinct window indices among the analysed symbols
 * @param violations all violation events in {@link Violation#SEVERITY_ORDER}
 * @param thresholds the thresholds in force (defaults and per-symbol overrides)
 */
public record Analysis(
    Instant generatedAt,
    int windows,
    int minWindowsRequired,
    int timeBuckets,
    MetricCatalog catalog,
    List<SymbolAnalysis> symbols,
    List<Violation> violations,
    CellCounts counts,
    RunMeta meta,
    DataQuality quality,
    ThresholdSet thresholds) {

  public Analysis {
    symbols = List.copyOf(symbols);
    violations = List.copyOf(violations);
  }

  public Level verdict() {
    return counts.verdict();
  }

  public boolean insufficientWindows() {
    return windows < minWindowsRequired;
  }

  public long violationEvents(Level level) {
    return violations.stream().filter(v -> v.level() == level).count();
  }
}
