package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.SampleStats;
import org.apache.commons.math3.special.Beta;

/**
 * Two-sided p-value of the difference of two runs' means that stays calibrated when consecutive
 * windows are AR(1) correlated (measured: at most 1% of same-process pairs flagged at alpha 0.01
 * for phi 0 to 0.8 and n 24 to 1000 each, lengths unequal; see docs/COMPARE.md). It needs only each
 * run's {@link SampleStats}, so the baseline may be a SOAK_SUMMARY.json alone. A Welch test whose
 * parts are corrected for autocorrelation, side by side:
 *
 * <ol>
 *   <li>phi from the lag-1 autocorrelation r about the mean, corrected for its small-sample bias (r
 *       understates phi by about (1 + 3 phi) / n) and shifted up by {@value #PHI_SHIFT} / n,
 *       clamped to [0, 0.97]: erring high costs power, erring low costs calibration;
 *   <li>the marginal variance from the sample variance (which under AR(1) is biased low), and the
 *       exact variance of an AR(1) mean at that phi;
 *   <li>a t reference on Welch-Satterthwaite degrees of freedom, each side's from {@link
 *       Autocorrelation#degreesOfFreedom}, which counts the uncertainty of phi as well.
 * </ol>
 */
public final class MeanComparison {
  /** The level at which a change is called significant. */
  public static final double ALPHA = 0.01;

  /** The upward shift of the bias-corrected phi, in units of 1/n (chosen by measurement). */
  static final double PHI_SHIFT = 6.0;

  private MeanComparison() {}

  /** The statistics of {@code values} (finite values in window order). */
  public static SampleStats stats(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new SampleStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = Stats.mean(values);
    double[] e = new double[n];
    double ss = 0;
    for (int i = 0; i < n; i++) {
      e[i] = values[i] - mean;
      ss += e[i] * e[i];
    }
    double sd = n >= 2 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
    double lag1 = n >= 2 ? Autocorrelation.lag1(e, n) : Double.NaN;
    return new SampleStats(n, mean, sd, lag1, Stats.median(values));
  }

  /**
   * @return the two-sided p-value of mean(current) = mean(baseline); NaN when either side is not
   *     {@link SampleStats#testable()}
   */
  public static double pValue(SampleStats current, SampleStats baseline) {
    return pValue(current, baseline, PHI_SHIFT, true);
  }

  /**
   * The same test with phi taken at face value (bias-corrected, not shifted) and degrees of freedom
   * n_eff - 1 that ignore phi's own uncertainty: the plug-in candidate docs/COMPARE.md measures.
   */
  public static double plugInPValue(SampleStats current, SampleStats baseline) {
    return pValue(current, baseline, 0.0, false);
  }

  /**
   * The plug-in candidate's t statistic (each run's bias-corrected phi, unshifted): what the
   * benchmark's idealised test thresholds at the true phi. NaN when either side is not testable.
   */
  public static double plugInT(SampleStats current, SampleStats baseline) {
    if (!current.testable() || !baseline.testable()) {
      return Double.NaN;
    }
    double[] sa = side(current, phi(current.lag1(), current.n(), 0.0), false);
    double[] sb = side(baseline, phi(baseline.lag1(), baseline.n(), 0.0), false);
    return (current.mean() - baseline.mean()) / Math.sqrt(sa[0] + sb[0]);
  }

  /**
   * The same test with one phi for both runs, pooled from both (weighted by length, shifted up by
   * {@value #PHI_SHIFT} / (n_a + n_b)): valid only if the two runs share their autocorrelation. A
   * rejected candidate docs/COMPARE.md measures: it gains power at n = 48 but flags runs that
   * differ in phi and not in level.
   */
  public static double pooledPhiPValue(SampleStats current, SampleStats baseline) {
    if (!current.testable() || !baseline.testable()) {
      return Double.NaN;
    }
    int n = current.n() + baseline.n();
    double r =
        (current.n() * phi(current.lag1(), current.n(), 0.0)
                + baseline.n() * phi(baseline.lag1(), baseline.n(), 0.0))
            / n;
    double phi = Autocorrelation.clamp(r + PHI_SHIFT / n);
    return pValue(current, baseline, side(current, phi, true), side(baseline, phi, true));
  }

  private static double pValue(SampleStats a, SampleStats b, double shift, boolean phiUncertainty) {
    if (!a.testable() || !b.testable()) {
      return Double.NaN;
    }
    return pValue(
        a,
        b,
        side(a, phi(a.lag1(), a.n(), shift), phiUncertainty),
        side(b, phi(b.lag1(), b.n(), shift), phiUncertainty));
  }

  private static double pValue(SampleStats a, SampleStats b, double[] sa, double[] sb) {
    double va = sa[0];
    double vb = sb[0];
    double diff = a.mean() - b.mean();
    double v = va + vb;
    if (!(v > 0)) {
      // Two flat runs: a different level is certain, the same level is no change.
      return diff == 0 ? 1.0 : 0.0;
    }
    double t = diff / Math.sqrt(v);
    double den = (va > 0 ? va * va / sa[1] : 0) + (vb > 0 ? vb * vb / sb[1] : 0);
    double df = Math.max(v * v / den, 1.0);
    return Beta.regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
  }

  /** {variance of the mean, degrees of freedom} of one side. */
  private static double[] side(SampleStats s, double phi, boolean phiUncertainty) {
    int n = s.n();
    double sigma2 = Autocorrelation.marginalVariance(s.sd() * s.sd(), n, phi);
    double varMean = sigma2 * Autocorrelation.meanVarianceFactor(n, phi) / n;
    double df =
        phiUncertainty
            ? Autocorrelation.degreesOfFreedom(n, phi)
            : Math.max(Autocorrelation.effectiveSize(n, phi) - 1.0, 1.0);
    return new double[] {varMean, df};
  }

  static double phi(double r, int n, double shift) {
    double corrected = r + (1.0 + 3.0 * Math.max(r, 0.0)) / n;
    return Autocorrelation.clamp(corrected + shift / n);
  }
}
