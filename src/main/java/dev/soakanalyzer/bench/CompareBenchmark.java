package dev.soakanalyzer.bench;

import dev.soakanalyzer.core.analysis.MeanComparison;
import dev.soakanalyzer.core.model.SampleStats;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Monte-Carlo evidence for the baseline comparison: pairs of runs of AR(1) noise of marginal sd
 * {@value #SD} around {@value #LEVEL} (the noise of docs/SIGNAL.md; another sd can be given);
 * "false" is the share of pairs from the same process flagged at p &lt; {@value #ALPHA}, "power"
 * the share flagged when the current run's level is {@value #SHIFT_PCT}% lower. Each side is
 * reduced to its {@link SampleStats} first, as a SOAK_SUMMARY.json baseline is. Every cell has its
 * own seed derived from (seed, lengths, phi, experiment), so the table is identical run to run.
 */
public final class CompareBenchmark {
  public static final double ALPHA = 0.01;
  static final double LEVEL = 3.0;
  static final double SD = 0.3;
  static final double SHIFT_PCT = 10.0;

  private CompareBenchmark() {}

  /**
   * One (current n, baseline n, phi) row: shares in [0, 1]; power columns are NaN for a row that
   * only measures false regressions.
   */
  public record Row(
      int nCurrent,
      int nBaseline,
      double phi,
      double falseNaive,
      double falsePlugIn,
      double falseCalibrated,
      double powerNaive,
      double powerCalibrated,
      double powerOracle) {}

  public static List<Row> falseTable(int[][] lengths, double[] phis, int trials, long seed) {
    List<Row> rows = new ArrayList<>();
    for (int[] pair : lengths) {
      for (double phi : phis) {
        rows.add(row(pair[0], pair[1], phi, trials, seed, false));
      }
    }
    return rows;
  }

  /** The false rates and, when {@code withPower}, the power for a 10% lower level. */
  public static Row row(int na, int nb, double phi, int trials, long seed, boolean withPower) {
    return row(na, nb, phi, SD, trials, seed, withPower);
  }

  /** As above, with noise of marginal sd {@code sd}. */
  public static Row row(
      int na, int nb, double phi, double sd, int trials, long seed, boolean withPower) {
    double[] a = new double[na];
    double[] b = new double[nb];
    int naive = 0;
    int plugIn = 0;
    int cal = 0;
    SplittableRandom r = random(seed, na, nb, phi, 1);
    for (int t = 0; t < trials; t++) {
      ar1(r, phi, sd, a);
      ar1(r, phi, sd, b);
      SampleStats sa = MeanComparison.stats(a);
      SampleStats sb = MeanComparison.stats(b);
      naive += naiveWelch(sa, sb) < ALPHA ? 1 : 0;
      plugIn += MeanComparison.plugInPValue(sa, sb) < ALPHA ? 1 : 0;
      cal += MeanComparison.pValue(sa, sb) < ALPHA ? 1 : 0;
    }
    double d = trials;
    double powNaive = Double.NaN;
    double powCal = Double.NaN;
    double oracle = Double.NaN;
    if (withPower) {
      int pn = 0;
      int pc = 0;
      double shift = -LEVEL * SHIFT_PCT / 100;
      SplittableRandom p = random(seed, na, nb, phi, 2);
      for (int t = 0; t < trials; t++) {
        ar1(p, phi, sd, a);
        ar1(p, phi, sd, b);
        for (int i = 0; i < na; i++) {
          a[i] += shift;
        }
        SampleStats sa = MeanComparison.stats(a);
        SampleStats sb = MeanComparison.stats(b);
        pn += naiveWelch(sa, sb) < ALPHA ? 1 : 0;
        pc += MeanComparison.pValue(sa, sb) < ALPHA ? 1 : 0;
      }
      powNaive = pn / d;
      powCal = pc / d;
      oracle = oraclePower(na, nb, phi, sd, Math.abs(shift));
    }
    return new Row(na, nb, phi, naive / d, plugIn / d, cal / d, powNaive, powCal, oracle);
  }

  /**
   * Power of the z-test that knows phi and sigma (the exact variance of each AR(1) mean, a normal
   * reference): what no test that estimates them from the data can beat.
   */
  public static double oraclePower(int na, int nb, double phi, double sd, double shift) {
    double v = sd * sd * (factor(na, phi) / na + factor(nb, phi) / nb);
    NormalDistribution z = new NormalDistribution(null, 0, 1);
    double c = z.inverseCumulativeProbability(1 - ALPHA / 2);
    double m = shift / Math.sqrt(v);
    return (1 - z.cumulativeProbability(c - m)) + z.cumulativeProbability(-c - m);
  }

  /**
   * The benchmark's AR(1) noise ({@link SignalBenchmark#ar1}) rescaled to marginal sd {@code sd}.
   */
  static void ar1(SplittableRandom r, double phi, double sd, double[] y) {
    SignalBenchmark.ar1(r, phi, y, y.length, 0.0);
    if (sd != SD) {
      for (int i = 0; i < y.length; i++) {
        y[i] = LEVEL + (y[i] - LEVEL) * sd / SD;
      }
    }
  }

  /** 1'R1 / n of an AR(1) correlation matrix, summed directly (the oracle's own arithmetic). */
  static double factor(int n, double phi) {
    double s = n;
    double p = 1;
    for (int k = 1; k < n; k++) {
      p *= phi;
      s += 2 * (n - k) * p;
    }
    return s / n;
  }

  /** Welch's t-test as if the windows were independent: what a plain tool does. */
  static double naiveWelch(SampleStats a, SampleStats b) {
    double va = a.sd() * a.sd() / a.n();
    double vb = b.sd() * b.sd() / b.n();
    double v = va + vb;
    if (!(v > 0)) {
      return a.mean() == b.mean() ? 1.0 : 0.0;
    }
    double t = (a.mean() - b.mean()) / Math.sqrt(v);
    double df = v * v / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
    return Beta.regularizedBeta(df / (df + t * t), df / 2.0, 0.5);
  }

  static SplittableRandom random(long seed, int na, int nb, double phi, int experiment) {
    long mixed = seed;
    mixed = mixed * 1_000_003L + na;
    mixed = mixed * 1_000_003L + nb;
    mixed = mixed * 1_000_003L + Math.round(phi * 1000);
    mixed = mixed * 1_000_003L + experiment;
    return new SplittableRandom(mixed);
  }
}
