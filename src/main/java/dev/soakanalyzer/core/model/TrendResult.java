package dev.soakanalyzer.core.model;

/**
 * OLS trend of one metric.
 *
 * @param slope raw slope per window (or per bucket), NaN when fewer than 2 points
 * @param normalizedSlope slope divided by the range of the values, 0 when flat or too short
 * @param pValue significance of the slope, NaN when it cannot be computed
 */
public record TrendResult(Trend trend, double slope, double normalizedSlope, double pValue) {
  public static final TrendResult NONE = new TrendResult(Trend.FLAT, Double.NaN, 0.0, Double.NaN);
}
