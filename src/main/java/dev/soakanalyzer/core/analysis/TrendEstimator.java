package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.Trend;
import dev.soakanalyzer.core.model.TrendResult;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * OLS trend with the guide's rule: slope normalized by the range of the values; {@code ↑} above
 * +0.01, {@code ↓} below -0.01, else {@code ≈}; its p-value from {@link TrendSignificance}.
 */
public final class TrendEstimator {
  /** 1% of the metric's range per window (or per bucket). */
  public static final double THRESHOLD = 0.01;

  private TrendEstimator() {}

  /**
   * @param x window indices (or bucket ordinals), ascending
   * @param y values at those points, all finite
   */
  public static TrendResult estimate(double[] x, double[] y, int n) {
    if (n < 2) {
      return TrendResult.NONE;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    SimpleRegression regression = new SimpleRegression(true);
    for (int i = 0; i < n; i++) {
      regression.addData(x[i], y[i]);
      min = Math.min(min, y[i]);
      max = Math.max(max, y[i]);
    }
    double slope = regression.getSlope();
    double range = max - min;
    if (Trend.isFlatSeries(y, n) || !(range > 0) || !Double.isFinite(slope)) {
      return new TrendResult(Trend.FLAT, Double.isFinite(slope) ? slope : 0.0, 0.0, Double.NaN);
    }
    double normalized = slope / range;
    Trend trend =
        normalized > THRESHOLD ? Trend.UP : normalized < -THRESHOLD ? Trend.DOWN : Trend.FLAT;
    double p = TrendSignificance.pValue(x, y, n);
    return new TrendResult(trend, slope, normalized, p);
  }
}
