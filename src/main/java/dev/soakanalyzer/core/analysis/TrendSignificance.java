package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.Trend;
import dev.soakanalyzer.core.model.TrendResult;
import org.apache.commons.math3.special.Beta;

/**
 * Two-sided p-value of an OLS slope that stays calibrated when consecutive windows are AR(1)
 * correlated (measured: at most 1% false positives at alpha 0.01 for phi 0, 0.5, 0.8 and n from 8
 * to 1000; see docs/SIGNAL.md). The slope is plain OLS; only its standard error and reference
 * distribution change:
 *
 * <ol>
 *   <li>phi from the lag-1 autocorrelation r of the OLS residuals, corrected for its small-sample
 *       bias (detrended residuals understate phi by about (3 + 4 phi) / n) and then shifted up by 4
 *       / n, clamped to [0, 0.97]: erring high costs power, erring low costs calibration;
 *   <li>the exact finite-sample variance of the OLS slope under that AR(1): sigma^2 x'Rx / Sxx^2,
 *       with sigma^2 = RSS / tr(MR) (the residual variance is itself biased low under AR(1));
 *   <li>a t reference on {@link Autocorrelation#degreesOfFreedom(int, double, double)} degrees of
 *       freedom, the phi-uncertainty term weighted by phi (a phi clamped at 0 already errs high).
 * </ol>
 */
public final class TrendSignificance {
  /** The level at which a trend is called significant (and marked with {@code *}). */
  public static final double ALPHA = TrendResult.ALPHA;

  /**
   * Weight of the phi-uncertainty term of the degrees of freedom: paid in proportion to phi, so
   * independent windows keep most of a plain t-test's power (measured, docs/SIGNAL.md).
   */
  static final double PHI_WEIGHT = 2.5;

  /**
   * From 40 to 99 windows phi is shifted up by only 1 / n (not 4 / n) and its uncertainty weighted
   * 6 phi: measured, that keeps phi = 0.8 at 1% and gains a fifth of the power on independent
   * windows. Shorter series need the larger shift; longer ones lose more to the heavier weight at
   * phi = 0.5 than they gain.
   */
  static final int MID_FROM = 40;

  static final int MID_TO = 100;

  static final double MID_PHI_WEIGHT = 6.0;

  private static boolean mid(int n) {
    return n >= MID_FROM && n < MID_TO;
  }

  private TrendSignificance() {}

  /**
   * @param x window indices (or bucket ordinals), ascending
   * @param y values at those points
   * @return the p-value, NaN when fewer than 3 points or no residual variance to judge by
   */
  public static double pValue(double[] x, double[] y, int n) {
    return slopeTest(x, y, n).p();
  }

  /**
   * The slope's t statistic (slope over its AR(1)-corrected standard error) and its p-value. The t
   * alone is what {@code bench signal --ceilings} refers to a critical value simulated at the true
   * phi, to measure what estimating phi costs.
   *
   * @param t NaN where p is; infinite when the fit is exact
   */
  public record SlopeTest(double t, double p) {
    static final SlopeTest NONE = new SlopeTest(Double.NaN, Double.NaN);
  }

  /** As {@link #pValue}, with the t statistic beside it. */
  public static SlopeTest slopeTest(double[] x, double[] y, int n) {
    if (n < 3 || Trend.isFlatSeries(y, n)) {
      return SlopeTest.NONE;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double[] xc = new double[n];
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      xc[i] = x[i] - mx;
      sxx += xc[i] * xc[i];
      sxy += xc[i] * (y[i] - my);
    }
    if (!(sxx > 0)) {
      return SlopeTest.NONE;
    }
    double slope = sxy / sxx;
    double[] e = new double[n];
    double rss = 0;
    for (int i = 0; i < n; i++) {
      e[i] = y[i] - my - slope * xc[i];
      rss += e[i] * e[i];
    }
    if (!(rss > 0) || !Double.isFinite(rss)) {
      return rss == 0 && slope != 0
          ? new SlopeTest(Math.copySign(Double.POSITIVE_INFINITY, slope), 0.0)
          : SlopeTest.NONE;
    }
    double r = Autocorrelation.lag1(e, n);
    double phi = conservativePhi(r, n);
    double[] rx = new double[n];
    double[] r1 = new double[n];
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    Autocorrelation.correlate(xc, n, phi, rx, e);
    Autocorrelation.correlate(ones, n, phi, r1, e);
    double xRx = 0;
    double oneR1 = 0;
    for (int i = 0; i < n; i++) {
      xRx += xc[i] * rx[i];
      oneR1 += r1[i];
    }
    double trMR = n - oneR1 / n - xRx / sxx;
    if (!(trMR > 0)) {
      return SlopeTest.NONE;
    }
    double sigma2 = rss / trMR;
    double se = Math.sqrt(sigma2 * xRx) / sxx;
    double t = slope / se;
    double df = Autocorrelation.degreesOfFreedom(n, phi, mid(n) ? MID_PHI_WEIGHT : PHI_WEIGHT);
    return new SlopeTest(t, Beta.regularizedBeta(df / (df + t * t), df / 2.0, 0.5));
  }

  static double conservativePhi(double r, int n) {
    double corrected = r + (3.0 + 4.0 * Math.max(r, 0.0)) / n;
    return Autocorrelation.clamp(corrected + (mid(n) ? 1.0 : 4.0) / n);
  }
}
