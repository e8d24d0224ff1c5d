package dev.soakanalyzer.core.analysis;

/**
 * The noise around a piecewise-constant fit: its long-run variance lrv = s^2 (1 + phi) / (1 - phi)
 * and the degrees of freedom that estimate has. Estimated under the alternative (around the fitted
 * steps), so a shift of level is not mistaken for autocorrelation. The residuals' lag-1
 * autocorrelation understates phi, more so the more steps were fitted to the noise; the correction
 * below was measured on trendless AR(1) series (docs/SIGNAL.md).
 *
 * @param lrv long-run variance (0 when the fit is exact)
 * @param df degrees of freedom of lrv
 */
record SegmentNoise(double lrv, double df) {
  /** Residual lag-1 autocorrelation understates phi by about BIAS_PER_SEGMENT * segments / n. */
  static final double BIAS_PER_SEGMENT = 3.5;

  /** ... and shrinks towards 0 by about (1 - SHRINK_LENGTH / n). */
  static final double SHRINK_LENGTH = 9.0;

  /** Erring high costs power, erring low calibration: phi is shifted up by SHIFT / n. */
  static final double SHIFT = 1.0;

  /** Weight of the phi-uncertainty term of the degrees of freedom (see Autocorrelation). */
  static final double PHI_WEIGHT = 2.5;

  /**
   * @param steps absolute positions where a new level starts, ascending, inside (from, to)
   */
  static SegmentNoise around(double[] values, int from, int to, int[] steps) {
    int n = to - from;
    double[] e = new double[n];
    double rss = 0;
    int start = from;
    for (int j = 0; j <= steps.length; j++) {
      int end = j < steps.length ? steps[j] : to;
      double mean = 0;
      for (int i = start; i < end; i++) {
        mean += values[i];
      }
      mean /= Math.max(end - start, 1);
      for (int i = start; i < end; i++) {
        double d = values[i] - mean;
        e[i - from] = d;
        rss += d * d;
      }
      start = end;
    }
    int segments = steps.length + 1;
    double phi = phi(Autocorrelation.lag1(e, n), n, segments);
    double s2 = rss / Math.max(n - segments, 1);
    return new SegmentNoise(
        s2 * (1 + phi) / (1 - phi), Autocorrelation.degreesOfFreedom(n, phi, PHI_WEIGHT));
  }

  /** phi from the residuals' lag-1 autocorrelation r, bias undone, clamped to [0, 0.97]. */
  static double phi(double r, int n, int segments) {
    double corrected = (r + BIAS_PER_SEGMENT * segments / n) / (1 - SHRINK_LENGTH / n);
    return Autocorrelation.clamp(corrected + SHIFT / n);
  }
}
