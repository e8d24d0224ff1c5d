package dev.soakanalyzer.core.model;

/**
 * OLS trend of one metric.
 *
 * @param slope raw slope per window (or per bucket), NaN when fewer than 2 points
 * @param normalizedSlope slope divided by the range of the values, 0 when flat or too short
 * @param pValue two-sided significance of the slope, corrected for autocorrelation between windows
 *     (see {@code TrendSignificance}), NaN when it cannot be computed
 */
public record TrendResult(Trend trend, double slope, double normalizedSlope, double pValue) {
  public static final TrendResult NONE = new TrendResult(Trend.FLAT, Double.NaN, 0.0, Double.NaN);

  /** The level below which a p-value makes the trend significant (marked {@code *}). */
  public static final double ALPHA = 0.01;

  /** True when the slope is significant at {@link #ALPHA}; never for NaN. */
  public boolean significant() {
    return pValue < ALPHA;
  }
}
