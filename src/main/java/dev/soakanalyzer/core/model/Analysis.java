package dev.soakanalyzer.core.model;

import java.time.Instant;
import java.util.List;

/**
 * The complete result of one analysis; every report is rendered from this alone.
 *
 * @param windows distinct window indices among the analysed symbols
 * @param violations all violation events in {@link Violation#SEVERITY_ORDER}
 * @param thresholds the thresholds in force (defaults and per-symbol overrides)
 * @param comparison this run compared with a baseline run, or null when none was asked for (one
 *     asked for but unusable is a comparison without a baseline)
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
    ThresholdSet thresholds,
    Comparison comparison) {

  public Analysis {
    symbols = List.copyOf(symbols);
    violations = List.copyOf(violations);
  }

  /** Without a baseline. */
  public Analysis(
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
    this(
        generatedAt,
        windows,
        minWindowsRequired,
        timeBuckets,
        catalog,
        symbols,
        violations,
        counts,
        meta,
        quality,
        thresholds,
        null);
  }

  /** The same analysis compared with a baseline (null: none). */
  public Analysis withComparison(Comparison c) {
    return new Analysis(
        generatedAt,
        windows,
        minWindowsRequired,
        timeBuckets,
        catalog,
        symbols,
        violations,
        counts,
        meta,
        quality,
        thresholds,
        c);
  }

  /** The same analysis with other run metadata. */
  public Analysis withMeta(RunMeta m) {
    return new Analysis(
        generatedAt,
        windows,
        minWindowsRequired,
        timeBuckets,
        catalog,
        symbols,
        violations,
        counts,
        m,
        quality,
        thresholds,
        comparison);
  }

  /** Compared with a baseline that was found. */
  public boolean compared() {
    return comparison != null && comparison.hasBaseline();
  }

  /** Cells REGRESSED against the baseline; 0 without one. */
  public long regressions() {
    return comparison == null ? 0 : comparison.count(ComparisonStatus.REGRESSED);
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
