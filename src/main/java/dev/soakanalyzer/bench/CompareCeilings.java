package dev.soakanalyzer.bench;

import dev.soakanalyzer.core.analysis.MeanComparison;
import dev.soakanalyzer.core.model.SampleStats;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How far the baseline comparison's power could go at all: tests that are given what no real test
 * has, measured on the same pairs of AR(1) runs as {@link CompareBenchmark}. Where the calibrated
 * test falls short of the oracle, these say whether any test that has to estimate phi from the two
 * runs could close the gap.
 *
 * <ul>
 *   <li><b>idealised</b>: the calibrated test's own p-value, rejecting below the 1% quantile of
 *       that p-value under the null at the <i>true</i> phi (simulated): exactly 1% at every phi,
 *       which a real test cannot be, since it would have to know phi to pick its threshold;
 *   <li><b>phi known</b>: told the true phi, it estimates only sigma (pooled sample variance,
 *       corrected for AR(1)) and uses the exact variance of each mean, its threshold simulated at
 *       the true phi: what is lost by estimating sigma alone;
 *   <li><b>pooled phi</b>: {@link MeanComparison#pooledPhiPValue}, one phi from both runs, at its
 *       own (t) threshold; beside it, how often it flags two runs with the same level but different
 *       phi ({@link #differentPhiFalse}).
 * </ul>
 */
public final class CompareCeilings {
  private CompareCeilings() {}

  /** Power (shares in [0, 1]) of each test for a 10% lower level, both runs of n windows. */
  public record PowerRow(
      int n,
      double phi,
      double oracle,
      double calibrated,
      double idealised,
      double phiKnown,
      double pooledPhi) {}

  /** False-regression shares of two runs at the same level whose phi differ. */
  public record MixedRow(
      int nCurrent,
      double phiCurrent,
      int nBaseline,
      double phiBaseline,
      double calibrated,
      double pooledPhi) {}

  public static PowerRow power(int n, double phi, double sd, int trials, long seed) {
    double[] a = new double[n];
    double[] b = new double[n];
    double[] nullPlugIn = new double[trials];
    double[] nullT = new double[trials];
    SplittableRandom h0 = CompareBenchmark.random(seed, n, n, phi, 3);
    for (int t = 0; t < trials; t++) {
      CompareBenchmark.ar1(h0, phi, sd, a);
      CompareBenchmark.ar1(h0, phi, sd, b);
      SampleStats sa = MeanComparison.stats(a);
      SampleStats sb = MeanComparison.stats(b);
      nullPlugIn[t] = Math.abs(MeanComparison.plugInT(sa, sb));
      nullT[t] = Math.abs(phiKnownT(sa, sb, phi));
    }
    Arrays.sort(nullPlugIn);
    Arrays.sort(nullT);
    int k = (int) Math.floor(CompareBenchmark.ALPHA * trials);
    double plugInThreshold = nullPlugIn[trials - 1 - k];
    double tThreshold = nullT[trials - 1 - k];
    int cal = 0;
    int ideal = 0;
    int known = 0;
    int pooled = 0;
    double shift = -CompareBenchmark.LEVEL * CompareBenchmark.SHIFT_PCT / 100;
    SplittableRandom h1 = CompareBenchmark.random(seed, n, n, phi, 4);
    for (int t = 0; t < trials; t++) {
      CompareBenchmark.ar1(h1, phi, sd, a);
      CompareBenchmark.ar1(h1, phi, sd, b);
      for (int i = 0; i < n; i++) {
        a[i] += shift;
      }
      SampleStats sa = MeanComparison.stats(a);
      SampleStats sb = MeanComparison.stats(b);
      cal += MeanComparison.pValue(sa, sb) < CompareBenchmark.ALPHA ? 1 : 0;
      ideal += Math.abs(MeanComparison.plugInT(sa, sb)) > plugInThreshold ? 1 : 0;
      known += Math.abs(phiKnownT(sa, sb, phi)) > tThreshold ? 1 : 0;
      pooled += MeanComparison.pooledPhiPValue(sa, sb) < CompareBenchmark.ALPHA ? 1 : 0;
    }
    double d = trials;
    return new PowerRow(
        n,
        phi,
        CompareBenchmark.oraclePower(n, n, phi, sd, Math.abs(shift)),
        cal / d,
        ideal / d,
        known / d,
        pooled / d);
  }

  /** Two runs from processes with the same level and noise sd 0.3 but different phi. */
  public static MixedRow differentPhiFalse(
      int na, double phiA, int nb, double phiB, int trials, long seed) {
    double[] a = new double[na];
    double[] b = new double[nb];
    int cal = 0;
    int pooled = 0;
    SplittableRandom r = CompareBenchmark.random(seed, na, nb, phiA * 10 + phiB, 5);
    for (int t = 0; t < trials; t++) {
      CompareBenchmark.ar1(r, phiA, CompareBenchmark.SD, a);
      CompareBenchmark.ar1(r, phiB, CompareBenchmark.SD, b);
      SampleStats sa = MeanComparison.stats(a);
      SampleStats sb = MeanComparison.stats(b);
      cal += MeanComparison.pValue(sa, sb) < CompareBenchmark.ALPHA ? 1 : 0;
      pooled += MeanComparison.pooledPhiPValue(sa, sb) < CompareBenchmark.ALPHA ? 1 : 0;
    }
    return new MixedRow(na, phiA, nb, phiB, cal / (double) trials, pooled / (double) trials);
  }

  /**
   * t of the difference of means for a test told the true phi: sigma^2 from the pooled sample
   * variance, E[sum (x - mean)^2] = sigma^2 (n - 1'R1/n) on each side, and the exact variance of
   * each AR(1) mean.
   */
  static double phiKnownT(SampleStats a, SampleStats b, double phi) {
    double fa = CompareBenchmark.factor(a.n(), phi);
    double fb = CompareBenchmark.factor(b.n(), phi);
    double ss = (a.n() - 1) * a.sd() * a.sd() + (b.n() - 1) * b.sd() * b.sd();
    double sigma2 = ss / (a.n() - fa + b.n() - fb);
    return (a.mean() - b.mean()) / Math.sqrt(sigma2 * (fa / a.n() + fb / b.n()));
  }
}
