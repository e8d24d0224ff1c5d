package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.ChangePoint;
import dev.soakanalyzer.core.model.Trend;
import dev.soakanalyzer.core.model.TrendResult;
import java.util.Arrays;

/**
 * The most significant single shift of level (at-most-one-change CUSUM), calibrated for AR(1)
 * correlated windows (measured: at most about 1% false change points on trendless AR(1) noise with
 * phi up to 0.8, n from 8 to 1000; see docs/SIGNAL.md).
 *
 * <ul>
 *   <li>Where: the least-squares split, the k maximising |S_k| / sqrt(k (n-k) / n) with S_k the
 *       cumulative sum of deviations from the mean.
 *   <li>How sure: max_k |S_k| / sqrt(n * lrv) against the Kolmogorov distribution (the supremum of
 *       a Brownian bridge). The long-run variance lrv = s^2 (1+phi)/(1-phi) comes from the
 *       residuals around the fitted step; their lag-1 autocorrelation understates phi by about (3.5
 *       + 9 phi) / n (the split is chosen to fit the noise), which is undone, then phi is shifted
 *       up by 3 / n. The uncertainty of lrv is integrated out (the statistic is treated as
 *       studentized, lrv ~ chi^2 on {@link Autocorrelation#degreesOfFreedom} df).
 * </ul>
 *
 * Series shorter than {@link #MIN_POINTS} never report a change: at those lengths a wandering AR(1)
 * series and a step cannot be told apart.
 */
public final class ChangePointDetector {
  public static final double ALPHA = TrendResult.ALPHA;
  static final int MIN_POINTS = 13;

  /**
   * Gauss-Hermite rule (24 points) for E[f(Z)], Z standard normal: nodes scaled by sqrt 2, weights
   * by 1/sqrt pi. Its outer nodes reach 6.5 sd, which the far tail of the variance needs.
   *
   * <p>The numbers are commons-math3's {@code HermiteRuleFactory().getRule(24)}, scaled as above,
   * written out: computing the rule costs a cold JVM 20-35 ms of interpreted Newton iterations on
   * every run. ChangePointDetectorTest checks the table against the library, bit for bit.
   */
  static final double[] NODES = {
    -8.507803519195257, -7.437890666021663, -6.541675005098636, -5.732747175251201,
    -4.978041374639121, -4.260383605019905, -3.569306764073561, -2.897728643223313,
    -2.2404678516917524, -1.59348042981642, -0.9534219229321093, -0.3173700966294523,
    0.3173700966294523, 0.9534219229321093, 1.59348042981642, 2.2404678516917524,
    2.897728643223313, 3.569306764073561, 4.260383605019905, 4.978041374639121,
    5.732747175251201, 6.541675005098636, 7.437890666021663, 8.507803519195257,
  };

  static final double[] WEIGHTS = {
    9.390193689042147E-17, 3.714974152762413E-13, 1.7186649279648367E-10, 2.2674616734806627E-8,
    1.2176597454425821E-6, 3.2095005652745975E-5, 4.647187187793948E-4, 0.003976608929181325,
    0.02112634440896755, 0.0720693640171784, 0.16145951286700005, 0.24087011554664026,
    0.24087011554664026, 0.16145951286700005, 0.0720693640171784, 0.02112634440896755,
    0.003976608929181325, 4.647187187793948E-4, 3.2095005652745975E-5, 1.2176597454425821E-6,
    2.2674616734806627E-8, 1.7186649279648367E-10, 3.714974152762413E-13, 9.390193689042147E-17,
  };

  private ChangePointDetector() {}

  /**
   * @param windows window index of each value, ascending
   * @param values the values, all finite
   * @return the change point when significant at {@link #ALPHA}, else null; its plot index is the
   *     position among {@code values}
   */
  public static ChangePoint detect(int[] windows, double[] values, int n) {
    if (n < MIN_POINTS || Trend.isFlatSeries(values, n)) {
      return null;
    }
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += values[i];
    }
    mean /= n;
    double s = 0;
    double maxAbs = 0;
    double bestWeighted = -1;
    int split = -1;
    double leftSum = 0;
    for (int k = 1; k < n; k++) {
      s += values[k - 1] - mean;
      leftSum += values[k - 1];
      double abs = Math.abs(s);
      maxAbs = Math.max(maxAbs, abs);
      double weighted = abs / Math.sqrt((double) k * (n - k) / n);
      if (weighted > bestWeighted) {
        bestWeighted = weighted;
        split = k;
      }
    }
    if (!(maxAbs > 0)) {
      return null;
    }
    double p = pValue(values, n, split, maxAbs);
    if (!(p < ALPHA)) {
      return null;
    }
    return new ChangePoint(
        windows[split],
        Stats.median(Arrays.copyOfRange(values, 0, split)),
        Stats.median(Arrays.copyOfRange(values, split, n)),
        p,
        split);
  }

  private static double pValue(double[] values, int n, int split, double maxAbs) {
    double left = 0;
    for (int i = 0; i < split; i++) {
      left += values[i];
    }
    double right = 0;
    for (int i = split; i < n; i++) {
      right += values[i];
    }
    left /= split;
    right /= n - split;
    double[] e = new double[n];
    double rss = 0;
    for (int i = 0; i < n; i++) {
      e[i] = values[i] - (i < split ? left : right);
      rss += e[i] * e[i];
    }
    if (!(rss > 0) || !Double.isFinite(rss)) {
      return rss == 0 ? 0.0 : 1.0;
    }
    double phi = conservativePhi(Autocorrelation.lag1(e, n), n);
    double lrv = rss / (n - 2) * (1 + phi) / (1 - phi);
    double z = maxAbs / Math.sqrt(lrv * n);
    return studentizedKolmogorov(z, Autocorrelation.degreesOfFreedom(n, phi));
  }

  static double conservativePhi(double r, int n) {
    double shrink = 1 - 9.0 / n;
    double corrected = (r + 3.5 / n) / shrink;
    return Autocorrelation.clamp(corrected + 3.0 / n);
  }

  /** P(K > z sqrt(V)) for V ~ chi^2_df / df, K Kolmogorov-distributed. */
  static double studentizedKolmogorov(double z, double df) {
    double a = 2.0 / (9.0 * df);
    double p = 0;
    for (int i = 0; i < NODES.length; i++) {
      // Wilson-Hilferty: chi^2_df / df ~ (1 - a + sqrt(a) Z)^3
      double c = 1 - a + Math.sqrt(a) * NODES[i];
      double v = c > 0 ? c * c * c : 0.0;
      p += WEIGHTS[i] * kolmogorovTail(z * Math.sqrt(v));
    }
    return Math.max(0.0, Math.min(1.0, p));
  }

  /** P(sup |Brownian bridge| > x) = 2 sum (-1)^(k-1) exp(-2 k^2 x^2). */
  static double kolmogorovTail(double x) {
    if (x < 0.3) {
      return 1.0;
    }
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      double term = Math.exp(-2.0 * k * k * x * x);
      sum += (k % 2 == 1) ? term : -term;
      if (term < 1e-17) {
        break;
      }
    }
    return Math.max(0.0, Math.min(1.0, 2 * sum));
  }
}
