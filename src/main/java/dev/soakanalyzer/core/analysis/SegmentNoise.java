package dev.soakanalyzer.core.analysis;

/**
 * The noise around a piecewise-constant fit: its long-run variance lrv = s^2 (1 + phi) / (1 - phi)
 * and the degrees of freedom that estimate has. Estimated under the alternative (around the fitted
 * steps), so a shift of level is not mistaken for autocorrelation.
 *
 * <p>The residuals' lag-1 autocorrelation r understates phi: on trendless AR(1) series with the
 * steps fitted to the noise, n (phi - E r) is about 4.5 + 10.5 phi at n = 24, 5.6 + 11 phi at 48
 * and 7.3 + 10.5 phi at 200 (measured), so phi = (r + (2 + ln n) / n) / (1 - 11 / n), shifted up by
 * 1 / n. On a short whole series (under {@link #SHORT} windows) that estimate is too noisy to keep
 * the first test calibrated at phi 0.8, and the older, more conservative correction is used there.
 *
 * @param lrv long-run variance (0 when the fit is exact)
 * @param df degrees of freedom of lrv
 */
record SegmentNoise(double lrv, double df) {
  /** Whole series shorter than this take the conservative correction. */
  static final int SHORT = 40;

  /** Weight of the phi-uncertainty term of the degrees of freedom (see Autocorrelation). */
  static final double PHI_WEIGHT = 5.0;

  /** The conservative correction's weight (as the trend test's). */
  static final double SHORT_PHI_WEIGHT = 2.5;

  /**
   * @param steps absolute positions where a new level starts, ascending, inside (from, to)
   * @param conservative the first test of a short whole series (see above)
   */
  static SegmentNoise around(double[] values, int from, int to, int[] steps, boolean conservative) {
    int n = to - from;
    double[] e = new double[n];
    double rss = 0;
    int start = from;
    for (int j = 0; j <= steps.length; j++) {
      int end = j < steps.length ? steps[j] : to;
      double mean = end > start ? Stats.mean(values, start, end) : 0.0;
      for (int i = start; i < end; i++) {
        double d = values[i] - mean;
        e[i - from] = d;
        rss += d * d;
      }
      start = end;
    }
    int segments = steps.length + 1;
    double r = Autocorrelation.lag1(e, n);
    boolean shortSeries = conservative && n < SHORT;
    double phi = shortSeries ? shortPhi(r, n, segments) : phi(r, n);
    double s2 = rss / Math.max(n - segments, 1);
    double df =
        Autocorrelation.degreesOfFreedom(n, phi, shortSeries ? SHORT_PHI_WEIGHT : PHI_WEIGHT);
    return new SegmentNoise(s2 * (1 + phi) / (1 - phi), df);
  }

  /** phi from the residuals' lag-1 autocorrelation r, bias undone, clamped to [0, 0.97]. */
  static double phi(double r, int n) {
    double corrected = (r + (2 + Math.log(n)) / n) / (1 - 11.0 / n);
    return Autocorrelation.clamp(corrected + 1.0 / n);
  }

  /** The conservative correction: 3.5 / n per fitted segment, shrink 9 / n. */
  static double shortPhi(double r, int n, int segments) {
    double corrected = (r + 3.5 * segments / n) / (1 - 9.0 / n);
    return Autocorrelation.clamp(corrected + 1.0 / n);
  }
}
