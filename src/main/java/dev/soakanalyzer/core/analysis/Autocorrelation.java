package dev.soakanalyzer.core.analysis;

/**
 * AR(1) arithmetic shared by the trend test and the change-point detector: a conservative
 * autocorrelation from fit residuals, products with the AR(1) correlation matrix in O(n), and the
 * degrees of freedom a variance corrected by that estimate still has. Soak metrics drift slowly, so
 * consecutive windows are correlated; a test that assumes they are not is overconfident.
 */
final class Autocorrelation {
  /** Above this the series is indistinguishable from a random walk at the lengths soaks have. */
  static final double MAX_PHI = 0.97;

  private Autocorrelation() {}

  /** Lag-1 autocorrelation of residuals: sum e[t]e[t-1] / sum e[t]^2; 0 when they are all 0. */
  static double lag1(double[] e, int n) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      den += e[i] * e[i];
      if (i > 0) {
        num += e[i] * e[i - 1];
      }
    }
    return den > 0 ? num / den : 0.0;
  }

  static double clamp(double phi) {
    return Math.max(0.0, Math.min(MAX_PHI, phi));
  }

  /**
   * Writes R v into {@code out}, R[i][j] = phi^|i-j|: a forward and a backward AR(1) filter, O(n)
   * instead of the O(n^2) product.
   */
  static void correlate(double[] v, int n, double phi, double[] out, double[] scratch) {
    double f = 0;
    for (int i = 0; i < n; i++) {
      f = v[i] + phi * f;
      scratch[i] = f;
    }
    double b = 0;
    for (int i = n - 1; i >= 0; i--) {
      b = v[i] + phi * b;
      out[i] = scratch[i] + b - v[i];
    }
  }

  /** Windows worth of independent information in n AR(1) windows, at least 3. */
  static double effectiveSize(int n, double phi) {
    return Math.max(n * (1 - phi) / (1 + phi), 3.0);
  }

  /**
   * Degrees of freedom of a variance estimate that is scaled by an estimated phi: those of the
   * residual variance (n_eff - 2) combined with the delta-method variance of log((1+phi)/(1-phi)),
   * about 4 / ((1 - phi^2) n), as 2/df adds up. Without the second term the test is liberal exactly
   * where phi is high and n small.
   */
  static double degreesOfFreedom(int n, double phi) {
    double residual = Math.max(effectiveSize(n, phi) - 2.0, 1.0);
    double phiTerm = 2.0 / Math.max((1 - phi * phi) * n, 1e-9);
    return Math.max(1.0 / (1.0 / residual + phiTerm), 1.0);
  }

  /**
   * As {@link #degreesOfFreedom(int, double)}, with the phi-uncertainty term weighted by {@code
   * weight * phi}: where the estimate is near 0 it is clamped there (a variance scaled by a phi
   * that cannot go below 0 errs high), so that term is paid only as phi grows. Measured weights are
   * in the callers.
   */
  static double degreesOfFreedom(int n, double phi, double weight) {
    double residual = Math.max(effectiveSize(n, phi) - 2.0, 1.0);
    double phiTerm = weight * phi * 2.0 / Math.max((1 - phi * phi) * n, 1e-9);
    return Math.max(1.0 / (1.0 / residual + phiTerm), 1.0);
  }

  /**
   * n Var(mean) / sigma^2 of n stationary AR(1) values, 1'R1 / n: about (1 + phi) / (1 - phi) for
   * long series, less for short ones. Exact, so a short high-phi run is not over-corrected.
   */
  static double meanVarianceFactor(int n, double phi) {
    if (n <= 1 || phi == 0) {
      return 1.0;
    }
    double q = 1 - phi;
    return (1 + phi) / q - 2 * phi * (1 - Math.pow(phi, n)) / (n * q * q);
  }

  /**
   * Marginal variance sigma^2 from the sample variance of n AR(1) values: the deviations from the
   * sample mean understate it, E[sum (x - mean)^2] = sigma^2 (n - 1'R1 / n).
   */
  static double marginalVariance(double sampleVariance, int n, double phi) {
    double dof = n - meanVarianceFactor(n, phi);
    return dof > 0 ? sampleVariance * (n - 1) / dof : Double.NaN;
  }
}
