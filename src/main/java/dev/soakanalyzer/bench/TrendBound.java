package dev.soakanalyzer.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An upper bound on the power of ANY trend test that, like this project's, rejects when the OLS
 * slope's |t| exceeds a critical value that depends on the residuals' lag-1 autocorrelation r (and
 * n): the shipped test is one (its standard error is the OLS one times a function of r), and so is
 * every table of critical values by estimated phi. The critical value c(r) is searched per bin of r
 * to maximise power at one (n, phi) subject to at most 1% false trends at every true phi of a grid
 * from 0 to 0.97 (Lagrange weights on those constraints, projected subgradient steps), then scored
 * on fresh series. Fitted and scored on simulated series, the bound is if anything optimistic for a
 * real test, which needs one rule for every n and a margin under 1%.
 */
public final class TrendBound {
  /** The true phi under the null at which the false-trend rate must hold. */
  static final double[] NULL_PHIS = {
    0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85,
    0.9, 0.95, 0.97
  };

  static final double BIN_WIDTH = 0.04;
  static final int ITERATIONS = 800;

  private TrendBound() {}

  /**
   * @param fittedPower power of the best c(r) on the series it was fitted to
   * @param power its power on fresh series
   * @param worstFalse its highest false-trend rate over the null grid, on fresh series
   */
  public record Result(
      int n, double phi, double alpha, double fittedPower, double power, double worstFalse) {}

  /** The bound at (n, phi) for the drift of docs/SIGNAL.md, false rates held to {@code alpha}. */
  public static Result at(int n, double phi, double alpha, int trials, long seed) {
    double[][][] fitNull = new double[NULL_PHIS.length][][];
    double[][][] freshNull = new double[NULL_PHIS.length][][];
    for (int j = 0; j < NULL_PHIS.length; j++) {
      fitNull[j] = series(n, NULL_PHIS[j], 0.0, trials, seed, 10 + j);
      freshNull[j] = series(n, NULL_PHIS[j], 0.0, trials, seed, 100 + j);
    }
    double[][] fitAlt = series(n, phi, SignalBenchmark.DRIFT, trials, seed, 1);
    double[][] freshAlt = series(n, phi, SignalBenchmark.DRIFT, trials, seed, 2);
    double[] c = search(fitNull, fitAlt, alpha, trials);
    double worst = 0;
    for (double[][] s : freshNull) {
      worst = Math.max(worst, rejected(s, c));
    }
    return new Result(n, phi, alpha, rejected(fitAlt, c), rejected(freshAlt, c), worst);
  }

  /** The most powerful feasible c(r) met over the iterations (infinite where nothing rejects). */
  private static double[] search(double[][][] nulls, double[][] alt, double alpha, int trials) {
    int bins = bin(1.0) + 1;
    // Per bin, every series by |t| descending, tagged -1 (alternative) or its null's index.
    List<List<double[]>> byBin = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      byBin.add(new ArrayList<>());
    }
    for (double[] s : alt) {
      byBin.get(bin(s[0])).add(new double[] {s[1], -1});
    }
    for (int j = 0; j < nulls.length; j++) {
      for (double[] s : nulls[j]) {
        byBin.get(bin(s[0])).add(new double[] {s[1], j});
      }
    }
    double[][][] sorted = new double[bins][][];
    for (int b = 0; b < bins; b++) {
      byBin.get(b).sort((p, q) -> Double.compare(q[0], p[0]));
      sorted[b] = byBin.get(b).toArray(new double[0][]);
    }
    double[] lambda = new double[nulls.length];
    Arrays.fill(lambda, 0.2);
    double[] c = new double[bins];
    double[] best = new double[bins];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    double bestPower = -1;
    for (int it = 0; it < ITERATIONS; it++) {
      // For fixed weights the best threshold of each bin maximises (alternatives - weighted
      // nulls) above it: one pass down the bin's sorted |t|.
      for (int b = 0; b < bins; b++) {
        double gain = 0;
        double top = 0;
        double cut = Double.POSITIVE_INFINITY;
        for (double[] p : sorted[b]) {
          gain += p[1] < 0 ? 1.0 : -lambda[(int) p[1]];
          if (gain > top) {
            top = gain;
            cut = p[0] - 1e-12;
          }
        }
        c[b] = cut;
      }
      double worst = 0;
      double step = 1.0 / Math.sqrt(it + 1);
      for (int j = 0; j < nulls.length; j++) {
        double size = rejected(nulls[j], c);
        worst = Math.max(worst, size);
        lambda[j] = Math.max(0, lambda[j] + step * (size - alpha) * 100);
      }
      double power = rejected(alt, c);
      if (worst <= alpha && power > bestPower) {
        bestPower = power;
        best = c.clone();
      }
    }
    return best;
  }

  private static double rejected(double[][] series, double[] c) {
    int k = 0;
    for (double[] s : series) {
      if (s[1] > c[bin(s[0])]) {
        k++;
      }
    }
    return k / (double) series.length;
  }

  private static int bin(double r) {
    return (int) Math.floor((Math.max(-1, Math.min(1, r)) + 1) / BIN_WIDTH);
  }

  /** {r, |t| of the OLS slope} of each simulated series. */
  private static double[][] series(
      int n, double phi, double drift, int trials, long seed, int experiment) {
    SplittableRandom random = SignalBenchmark.random(seed, n, phi, 7000 + experiment);
    double[] y = new double[n];
    double[][] out = new double[trials][];
    for (int t = 0; t < trials; t++) {
      SignalBenchmark.ar1(random, phi, y, n, drift);
      out[t] = olsT(y, n);
    }
    return out;
  }

  /** {lag-1 autocorrelation of the residuals, |t| of the slope} of y against 0..n-1. */
  static double[] olsT(double[] y, int n) {
    double mx = (n - 1) / 2.0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      my += y[i];
    }
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (i - mx) * (i - mx);
      sxy += (i - mx) * (y[i] - my);
    }
    double slope = sxy / sxx;
    double rss = 0;
    double lagged = 0;
    double previous = 0;
    for (int i = 0; i < n; i++) {
      double e = y[i] - my - slope * (i - mx);
      rss += e * e;
      if (i > 0) {
        lagged += e * previous;
      }
      previous = e;
    }
    return new double[] {lagged / rss, Math.abs(slope / Math.sqrt(rss / (n - 2) / sxx))};
  }
}
