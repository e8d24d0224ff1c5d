package dev.soakanalyzer.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to analyse and how: validated once at the edge (CLI, action inputs), then trusted.
 *
 * @param symbols symbols to keep, empty for all
 * @param defaultSymbol row name for portfolio-level windows without a symbol (default {@code ALL})
 */
public record AnalysisSettings(
    MetricCatalog catalog,
    ThresholdSet thresholds,
    int minWindows,
    int timeBuckets,
    List<String> symbols,
    String defaultSymbol) {

  public static final String DEFAULT_SYMBOL = "ALL";

  public static AnalysisSettings defaults() {
    return new AnalysisSettings(
        MetricCatalog.STANDARD, ThresholdSet.STANDARD, 24, 1, List.of(), DEFAULT_SYMBOL);
  }

  public AnalysisSettings {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(thresholds, "thresholds");
    symbols = List.copyOf(symbols);
    defaultSymbol =
        defaultSymbol == null || defaultSymbol.isBlank() ? DEFAULT_SYMBOL : defaultSymbol;
    List<String> problems = problems(catalog, thresholds, minWindows, timeBuckets);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
  }

  /** Every problem of these values at once, one sentence each. */
  public static List<String> problems(
      MetricCatalog catalog, ThresholdSet thresholds, int minWindows, int timeBuckets) {
    List<String> problems = new ArrayList<>(thresholds.problems(catalog));
    if (minWindows < 0) {
      problems.add("--min-windows must be 0 or more, not " + minWindows);
    }
    if (timeBuckets < 1) {
      problems.add("--time-buckets must be 1 or more, not " + timeBuckets);
    }
    return problems;
  }

  public AnalysisSettings withThresholds(ThresholdSet t) {
    return new AnalysisSettings(catalog, t, minWindows, timeBuckets, symbols, defaultSymbol);
  }
}
