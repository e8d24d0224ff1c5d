package dev.soakanalyzer.core.analysis;

import java.util.function.DoubleUnaryOperator;

/**
 * Tail probabilities of the two Brownian-bridge functionals the change-point test uses, and their
 * studentized versions (the long-run variance that scales them is itself estimated): the supremum
 * of |bridge| (Kolmogorov, one shift) and its range, max minus min (Kuiper, a shift and its
 * return).
 */
final class BridgeTails {
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

  private BridgeTails() {}

  /** P(K > z sqrt(V)) for V ~ chi^2_df / df, K Kolmogorov-distributed. */
  static double studentizedKolmogorov(double z, double df) {
    return studentized(BridgeTails::kolmogorovTail, z, df);
  }

  /** P(R > z sqrt(V)) for V ~ chi^2_df / df, R the range of a Brownian bridge (Kuiper). */
  static double studentizedKuiper(double z, double df) {
    return studentized(BridgeTails::kuiperTail, z, df);
  }

  private static double studentized(DoubleUnaryOperator tail, double z, double df) {
    double a = 2.0 / (9.0 * df);
    double p = 0;
    for (int i = 0; i < NODES.length; i++) {
      // Wilson-Hilferty: chi^2_df / df ~ (1 - a + sqrt(a) Z)^3
      double c = 1 - a + Math.sqrt(a) * NODES[i];
      double v = c > 0 ? c * c * c : 0.0;
      p += WEIGHTS[i] * tail.applyAsDouble(z * Math.sqrt(v));
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

  /** P(max - min of a Brownian bridge > x) = 2 sum (4 k^2 x^2 - 1) exp(-2 k^2 x^2). */
  static double kuiperTail(double x) {
    if (x < 0.4) {
      return 1.0;
    }
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      double e = Math.exp(-2.0 * k * k * x * x);
      sum += (4.0 * k * k * x * x - 1) * e;
      if (e < 1e-17) {
        break;
      }
    }
    return Math.max(0.0, Math.min(1.0, 2 * sum));
  }
}
