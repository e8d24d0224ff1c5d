package dev.soakanalyzer.core.model;

/**
 * The sufficient statistics of one cell's windows that a later run needs to compare with it: what
 * SOAK_SUMMARY.json keeps per cell, so a summary alone is a complete baseline.
 *
 * @param n windows with a value
 * @param mean their mean
 * @param sd their sample standard deviation (n - 1), NaN when unknown (a summary of an older
 *     version) or fewer than 2 values
 * @param lag1 lag-1 autocorrelation of the values about their mean, NaN when unknown
 * @param median their median
 */
public record SampleStats(int n, double mean, double sd, double lag1, double median) {

  public SampleStats {
    if (n < 0) {
      throw new IllegalArgumentException("n must be 0 or more, not " + n);
    }
  }

  /** Only the medians of an older summary (no n, mean, sd or lag1). */
  public static SampleStats medianOnly(double median) {
    return new SampleStats(0, Double.NaN, Double.NaN, Double.NaN, median);
  }

  /** Enough to test the difference of means: 3 or more values, a finite sd and lag1. */
  public boolean testable() {
    return n >= 3 && Double.isFinite(mean) && Double.isFinite(sd) && Double.isFinite(lag1);
  }
}
