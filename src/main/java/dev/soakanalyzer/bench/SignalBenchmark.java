package dev.soakanalyzer.bench;

import dev.soakanalyzer.core.analysis.ChangePointDetector;
import dev.soakanalyzer.core.analysis.TrendEstimator;
import dev.soakanalyzer.core.model.ChangePoint;
import dev.soakanalyzer.core.model.Trend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Monte-Carlo evidence for the trend test and the change-point detector: noise of sd 0.3 around
 * 3.0, stationary AR(1) with coefficient phi; "false" is the share of trendless series flagged at p
 * < 0.01, "power" the share flagged when a -0.3 drift runs across the soak. Every cell has its own
 * seed derived from (seed, n, phi, experiment), so the table is identical run to run and a cell
 * does not change when the grid around it does.
 */
public final class SignalBenchmark {
  public static final double ALPHA = 0.01;
  static final double LEVEL = 3.0;
  static final double SD = 0.3;
  static final double DRIFT = -0.3;

  /** Random streams of a cell, one per experiment (see {@link #random}). */
  static final int DRIFT_STREAM = 2;

  static final int STEP_STREAM = 4;

  static final int DIP_STREAM = 5;

  private SignalBenchmark() {}

  /** One (n, phi) row: shares in [0, 1]. */
  public record TrendRow(
      int n,
      double phi,
      double falseArrow,
      double falseOls,
      double falseCalibrated,
      double powerOls,
      double powerCalibrated,
      double falseChangePoint) {}

  /**
   * A step of {@code step} sd at the middle of {@code n} windows of independent noise. Coverage:
   * share of the found shifts whose window range holds the true window; width: mean windows in it.
   */
  public record StepRow(
      int n,
      double step,
      double found,
      double foundWithin2,
      double oracleFound,
      double oracleWithin2,
      double rangeCoverage,
      double rangeWidth) {}

  /**
   * A dip of {@code depth} sd over windows [from, to) of n: both edges found within +-2 windows
   * (among all reported shifts), next to the oracle that knows sigma and that there are two edges
   * (the least-squares pair). Coverage: share of the edges found whose range holds the true edge.
   */
  public record DipRow(
      int n,
      int from,
      int to,
      double depth,
      double anyShift,
      double bothWithin2,
      double oracleBothWithin2,
      double rangeCoverage) {}

  public static List<TrendRow> trendTable(int[] ns, double[] phis, int trials, long seed) {
    List<TrendRow> rows = new ArrayList<>();
    for (int n : ns) {
      for (double phi : phis) {
        rows.add(trendRow(n, phi, trials, seed));
      }
    }
    return rows;
  }

  public static TrendRow trendRow(int n, double phi, int trials, long seed) {
    double[] x = new double[n];
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      w[i] = i;
    }
    double[] y = new double[n];
    int arrow = 0;
    int ols = 0;
    int cal = 0;
    int cp = 0;
    SplittableRandom nullRandom = random(seed, n, phi, 1);
    for (int t = 0; t < trials; t++) {
      ar1(nullRandom, phi, y, n, 0.0);
      var trend = TrendEstimator.estimate(x, y, n);
      arrow += trend.trend() != Trend.FLAT ? 1 : 0;
      ols += olsPValue(x, y, n) < ALPHA ? 1 : 0;
      cal += trend.significant() ? 1 : 0;
      cp += ChangePointDetector.detect(w, y, n) != null ? 1 : 0;
    }
    int powOls = 0;
    int powCal = 0;
    SplittableRandom driftRandom = random(seed, n, phi, DRIFT_STREAM);
    for (int t = 0; t < trials; t++) {
      ar1(driftRandom, phi, y, n, DRIFT);
      powOls += olsPValue(x, y, n) < ALPHA ? 1 : 0;
      powCal += TrendEstimator.estimate(x, y, n).significant() ? 1 : 0;
    }
    double d = trials;
    return new TrendRow(n, phi, arrow / d, ols / d, cal / d, powOls / d, powCal / d, cp / d);
  }

  /**
   * Detection of a step of {@code step} sd starting at window n/2 of independent noise, next to an
   * oracle that knows the noise is independent with sd 1 (the same CUSUM, its 1% critical value
   * simulated): the ceiling any detector that must also stay calibrated under autocorrelation is
   * under.
   */
  public static StepRow stepRow(int n, double step, int trials, long seed) {
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = i;
    }
    double[] y = new double[n];
    double[] nullMax = new double[trials];
    SplittableRandom nullRandom = random(seed, n, 0.0, 3);
    for (int t = 0; t < trials; t++) {
      ar1(nullRandom, 0.0, y, n, 0.0);
      nullMax[t] = cusum(y, n)[0];
    }
    Arrays.sort(nullMax);
    double critical = nullMax[(int) Math.ceil((1 - ALPHA) * trials) - 1];
    int found = 0;
    int within = 0;
    int covered = 0;
    long width = 0;
    int oracleFound = 0;
    int oracleWithin = 0;
    int truth = n / 2;
    SplittableRandom r = random(seed, n, 0.0, STEP_STREAM);
    for (int t = 0; t < trials; t++) {
      stepSeries(r, y, n, step);
      ChangePoint cp = ChangePointDetector.detect(w, y, n);
      if (cp != null) {
        found++;
        within += Math.abs(cp.windowIndex() - truth) <= 2 ? 1 : 0;
        covered += cp.windowLo() <= truth && truth <= cp.windowHi() ? 1 : 0;
        width += cp.windowHi() - cp.windowLo() + 1;
      }
      double[] c = cusum(y, n);
      if (c[0] > critical) {
        oracleFound++;
        oracleWithin += Math.abs((int) c[1] - truth) <= 2 ? 1 : 0;
      }
    }
    double d = trials;
    double f = Math.max(found, 1);
    return new StepRow(
        n, step, found / d, within / d, oracleFound / d, oracleWithin / d, covered / f, width / f);
  }

  /** A dip of {@code depth} sd over windows [from, to) of n windows of independent noise. */
  public static DipRow dipRow(int n, int from, int to, double depth, int trials, long seed) {
    int[] w = new int[n];
    for (int i = 0; i < n; i++) {
      w[i] = i;
    }
    double[] y = new double[n];
    int any = 0;
    int both = 0;
    int oracle = 0;
    int edges = 0;
    int covered = 0;
    SplittableRandom r = random(seed, n, 0.0, DIP_STREAM);
    for (int t = 0; t < trials; t++) {
      dipSeries(r, y, n, from, to, depth);
      List<ChangePoint> shifts = ChangePointDetector.detectAll(w, y, n);
      any += shifts.isEmpty() ? 0 : 1;
      boolean first = false;
      boolean second = false;
      for (ChangePoint cp : shifts) {
        first |= Math.abs(cp.windowIndex() - from) <= 2;
        second |= Math.abs(cp.windowIndex() - to) <= 2;
        for (int edge : new int[] {from, to}) {
          if (Math.abs(cp.windowIndex() - edge) <= 2) {
            edges++;
            covered += cp.windowLo() <= edge && edge <= cp.windowHi() ? 1 : 0;
          }
        }
      }
      both += first && second ? 1 : 0;
      int[] pair = twoSplits(y, n);
      oracle += Math.abs(pair[0] - from) <= 2 && Math.abs(pair[1] - to) <= 2 ? 1 : 0;
    }
    double d = trials;
    return new DipRow(
        n, from, to, depth, any / d, both / d, oracle / d, covered / (double) Math.max(edges, 1));
  }

  /**
   * Independent noise with a step of {@code step} sd from window n / 2 on ({@link #STEP_STREAM}).
   */
  static void stepSeries(SplittableRandom r, double[] y, int n, double step) {
    ar1(r, 0.0, y, n, 0.0);
    for (int i = n / 2; i < n; i++) {
      y[i] += step * SD;
    }
  }

  /** Independent noise, {@code depth} sd lower over windows [from, to) ({@link #DIP_STREAM}). */
  static void dipSeries(SplittableRandom r, double[] y, int n, int from, int to, double depth) {
    ar1(r, 0.0, y, n, 0.0);
    for (int i = from; i < to; i++) {
      y[i] -= depth * SD;
    }
  }

  /** The least-squares pair of splits (three levels), O(n^2): the oracle's edges. */
  private static int[] twoSplits(double[] y, int n) {
    double[] cs = new double[n + 1];
    for (int i = 0; i < n; i++) {
      cs[i + 1] = cs[i] + y[i];
    }
    double best = Double.NEGATIVE_INFINITY;
    int[] pair = {1, 2};
    for (int i = 1; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        double a = cs[i];
        double b = cs[j] - cs[i];
        double c = cs[n] - cs[j];
        double fit = a * a / i + b * b / (j - i) + c * c / (n - j);
        if (fit > best) {
          best = fit;
          pair = new int[] {i, j};
        }
      }
    }
    return pair;
  }

  /** {max |S_k| / (sd sqrt n), least-squares split}. */
  private static double[] cusum(double[] y, int n) {
    double mean = Arrays.stream(y, 0, n).average().orElse(0);
    double s = 0;
    double max = 0;
    double best = -1;
    int split = 1;
    for (int k = 1; k < n; k++) {
      s += y[k - 1] - mean;
      max = Math.max(max, Math.abs(s));
      double wgt = Math.abs(s) / Math.sqrt((double) k * (n - k) / n);
      if (wgt > best) {
        best = wgt;
        split = k;
      }
    }
    return new double[] {max / (SD * Math.sqrt(n)), split};
  }

  /**
   * Power of the test that knows phi and sigma, for the drift above: the GLS slope (Prais-Winsten
   * weights for the known phi) against its exact standard error, normal reference. No test that has
   * to estimate phi and sigma can beat it.
   */
  public static double oracleTrendPower(int n, double phi) {
    double[] a = praisWinstenGram(n, phi);
    double innovationVar = SD * SD * (1 - phi * phi);
    double se = Math.sqrt(innovationVar * a[0] / (a[0] * a[2] - a[1] * a[1]));
    double slope = DRIFT / (n - 1);
    NormalDistribution z = new NormalDistribution(null, 0, 1);
    double c = z.inverseCumulativeProbability(1 - ALPHA / 2);
    double m = Math.abs(slope) / se;
    return (1 - z.cumulativeProbability(c - m)) + z.cumulativeProbability(-c - m);
  }

  /**
   * X'R^-1 X for X = (1, x), x = 0 .. n-1, through the Prais-Winsten transform of a known AR(1):
   * {a11, a12, a22}, in units of the innovation variance.
   */
  static double[] praisWinstenGram(int n, double phi) {
    double head = Math.sqrt(1 - phi * phi);
    double a11 = head * head;
    double a12 = 0;
    double a22 = 0;
    for (int i = 1; i < n; i++) {
      double c1 = 1 - phi;
      double c2 = i - phi * (i - 1);
      a11 += c1 * c1;
      a12 += c1 * c2;
      a22 += c2 * c2;
    }
    return new double[] {a11, a12, a22};
  }

  static double olsPValue(double[] x, double[] y, int n) {
    SimpleRegression r = new SimpleRegression(true);
    for (int i = 0; i < n; i++) {
      r.addData(x[i], y[i]);
    }
    double p = r.getSignificance();
    return Double.isNaN(p) ? 1.0 : p;
  }

  /** Stationary AR(1) around {@link #LEVEL} with marginal sd {@link #SD}, plus a linear drift. */
  static void ar1(SplittableRandom r, double phi, double[] y, int n, double drift) {
    double innovation = SD * Math.sqrt(1 - phi * phi);
    double e = SD * r.nextGaussian();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        e = phi * e + innovation * r.nextGaussian();
      }
      y[i] = LEVEL + e + (n > 1 ? drift * i / (n - 1) : 0.0);
    }
  }

  static SplittableRandom random(long seed, int n, double phi, int experiment) {
    long mixed = seed;
    mixed = mixed * 1_000_003L + n;
    mixed = mixed * 1_000_003L + Math.round(phi * 1000);
    mixed = mixed * 1_000_003L + experiment;
    return new SplittableRandom(mixed);
  }
}
