package dev.soakanalyzer.core.model;

/**
 * One cell compared with the baseline.
 *
 * @param metricKey the metric's key (a GONE cell's metric may be unknown to this run's catalog)
 * @param current this run's statistics, or null for GONE
 * @param baseline the baseline's statistics, or null for NEW
 * @param changePct (current mean - baseline mean) / |baseline mean| x 100 (medians when the
 *     baseline has no mean), NaN when not defined
 * @param pValue of the two-sample test of the means, NaN when not tested
 */
public record CellComparison(
    String symbol,
    String metricKey,
    SampleStats current,
    SampleStats baseline,
    double changePct,
    double pValue,
    ComparisonStatus status) {

  /** Significant at {@link Comparison#ALPHA}. */
  public boolean significant() {
    return pValue < Comparison.ALPHA;
  }
}
