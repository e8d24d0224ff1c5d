package dev.soakanalyzer.bench;

import dev.soakanalyzer.core.analysis.ChangePointDetector;
import dev.soakanalyzer.core.analysis.TrendSignificance;
import dev.soakanalyzer.core.model.ChangePoint;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How close any real test can get to the oracles of {@link SignalBenchmark}, for the cells where
 * the project's tests miss 0.85x of them. Both oracles know phi and sigma; a real test estimates
 * them and must hold 1% at every phi. Two tests in between:
 *
 * <ul>
 *   <li><b>idealised</b>: the project's own statistic (the trend's t, the change-point test's
 *       p-value), its critical value simulated on null series at the <b>true</b> phi and n, so it
 *       is exactly 1% at every phi. No real test can do that: it would have to know phi to pick its
 *       critical value. For change points the detector then runs as it is, binary segmentation and
 *       placement included, with every test at that simulated level.
 *   <li><b>phi known, sigma estimated</b> (trend only): the GLS slope for the true phi
 *       (Prais-Winsten transform), its standard error from the transformed residuals, critical
 *       value simulated at the true phi. What is left between it and the oracle is the estimation
 *       of sigma; between the idealised test and it, the estimation of phi.
 * </ul>
 *
 * The alternatives are the series {@link SignalBenchmark} draws for the same cell and seed, so the
 * project's numbers here equal its table's at the same trial count; the null series for the
 * critical values have streams of their own.
 */
public final class SignalCeilings {
  static final int TREND_NULL_STREAM = 6;

  static final int SHIFT_NULL_STREAM = 7;

  /** The unmet trend cells: {n, phi}. */
  static final double[][] TREND_CELLS = {{48, 0.0}, {48, 0.5}, {200, 0.5}};

  static final int SHIFT_N = 48;

  static final int DIP_FROM = 16;

  static final int DIP_TO = 32;

  private SignalCeilings() {}

  /** Powers (shares in [0, 1]) of the four trend tests against the -0.3 drift. */
  public record TrendCeiling(
      int n, double phi, double oracle, double project, double idealised, double knownPhi) {}

  /**
   * Shares in [0, 1] of series placed right (the step within +-2 windows, or both dip edges);
   * {@code threshold}: the p-value below which the first test rejects exactly 1% of null series.
   */
  public record ShiftCeiling(
      String label, int n, double oracle, double project, double idealised, double threshold) {}

  public static List<TrendCeiling> trend(int trials, long seed) {
    return Arrays.stream(TREND_CELLS).map(c -> trend((int) c[0], c[1], trials, seed)).toList();
  }

  public static TrendCeiling trend(int n, double phi, int trials, long seed) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    double[] gram = SignalBenchmark.praisWinstenGram(n, phi);
    double[] y = new double[n];
    double[] nullT = new double[trials];
    double[] nullGls = new double[trials];
    SplittableRandom nullRandom = SignalBenchmark.random(seed, n, phi, TREND_NULL_STREAM);
    for (int t = 0; t < trials; t++) {
      SignalBenchmark.ar1(nullRandom, phi, y, n, 0.0);
      nullT[t] = absT(TrendSignificance.slopeTest(x, y, n).t());
      nullGls[t] = absT(glsT(y, n, phi, gram));
    }
    double criticalT = upperQuantile(nullT);
    double criticalGls = upperQuantile(nullGls);
    int project = 0;
    int idealised = 0;
    int known = 0;
    SplittableRandom r = SignalBenchmark.random(seed, n, phi, SignalBenchmark.DRIFT_STREAM);
    for (int t = 0; t < trials; t++) {
      SignalBenchmark.ar1(r, phi, y, n, SignalBenchmark.DRIFT);
      TrendSignificance.SlopeTest test = TrendSignificance.slopeTest(x, y, n);
      project += test.p() < SignalBenchmark.ALPHA ? 1 : 0;
      idealised += absT(test.t()) > criticalT ? 1 : 0;
      known += absT(glsT(y, n, phi, gram)) > criticalGls ? 1 : 0;
    }
    double d = trials;
    return new TrendCeiling(
        n, phi, SignalBenchmark.oracleTrendPower(n, phi), project / d, idealised / d, known / d);
  }

  /**
   * The 1-sd step at window 24 of 48 (found, within +-2) and the 2-sd dip over windows 16-31 (both
   * edges within +-2), independent noise.
   */
  public static List<ShiftCeiling> shifts(int trials, long seed) {
    int n = SHIFT_N;
    double[] nullP = new double[trials];
    double[] y = new double[n];
    SplittableRandom nullRandom = SignalBenchmark.random(seed, n, 0.0, SHIFT_NULL_STREAM);
    for (int t = 0; t < trials; t++) {
      SignalBenchmark.ar1(nullRandom, 0.0, y, n, 0.0);
      nullP[t] = ChangePointDetector.anyShiftPValue(y, n);
    }
    Arrays.sort(nullP);
    // exactly floor(alpha trials) null series lie below it
    double threshold = nullP[(int) Math.floor(SignalBenchmark.ALPHA * trials)];
    int[] w = new int[n];
    Arrays.setAll(w, i -> i);

    int step = 0;
    SplittableRandom r = SignalBenchmark.random(seed, n, 0.0, SignalBenchmark.STEP_STREAM);
    for (int t = 0; t < trials; t++) {
      SignalBenchmark.stepSeries(r, y, n, 1.0);
      ChangePoint cp =
          ChangePoint.mostSignificant(ChangePointDetector.detectAll(w, y, n, threshold));
      step += cp != null && Math.abs(cp.windowIndex() - n / 2) <= 2 ? 1 : 0;
    }
    SignalBenchmark.StepRow stepRow = SignalBenchmark.stepRow(n, 1.0, trials, seed);

    int dip = 0;
    r = SignalBenchmark.random(seed, n, 0.0, SignalBenchmark.DIP_STREAM);
    for (int t = 0; t < trials; t++) {
      SignalBenchmark.dipSeries(r, y, n, DIP_FROM, DIP_TO, 2.0);
      List<ChangePoint> found = ChangePointDetector.detectAll(w, y, n, threshold);
      boolean first = found.stream().anyMatch(c -> Math.abs(c.windowIndex() - DIP_FROM) <= 2);
      boolean second = found.stream().anyMatch(c -> Math.abs(c.windowIndex() - DIP_TO) <= 2);
      dip += first && second ? 1 : 0;
    }
    SignalBenchmark.DipRow dipRow = SignalBenchmark.dipRow(n, DIP_FROM, DIP_TO, 2.0, trials, seed);
    double d = trials;
    return List.of(
        new ShiftCeiling(
            "1-sd step at window 24, found within ±2",
            n,
            stepRow.oracleWithin2(),
            stepRow.foundWithin2(),
            step / d,
            threshold),
        new ShiftCeiling(
            "2-sd dip over windows 16-31, both edges within ±2",
            n,
            dipRow.oracleBothWithin2(),
            dipRow.bothWithin2(),
            dip / d,
            threshold));
  }

  /**
   * t of the GLS slope for a known phi: OLS of the Prais-Winsten transformed series on the
   * transformed (1, x), x = 0 .. n-1, sigma from its residuals (n - 2 degrees of freedom).
   */
  static double glsT(double[] y, int n, double phi, double[] gram) {
    double head = Math.sqrt(1 - phi * phi);
    double z0 = head * y[0];
    double zz = z0 * z0;
    double z1 = head * z0;
    double z2 = 0;
    for (int i = 1; i < n; i++) {
      double z = y[i] - phi * y[i - 1];
      zz += z * z;
      z1 += (1 - phi) * z;
      z2 += (i - phi * (i - 1)) * z;
    }
    double det = gram[0] * gram[2] - gram[1] * gram[1];
    double b1 = (gram[2] * z1 - gram[1] * z2) / det;
    double b2 = (gram[0] * z2 - gram[1] * z1) / det;
    double rss = Math.max(zz - b1 * z1 - b2 * z2, 0.0);
    double se = Math.sqrt(rss / (n - 2) * gram[0] / det);
    return b2 / se;
  }

  /** NaN (no statistic, e.g. a flat series) never rejects. */
  private static double absT(double t) {
    return Double.isNaN(t) ? 0.0 : Math.abs(t);
  }

  /** The value exactly floor(alpha trials) of the values lie above (sorts them). */
  static double upperQuantile(double[] values) {
    Arrays.sort(values);
    return values[values.length - 1 - (int) Math.floor(SignalBenchmark.ALPHA * values.length)];
  }
}
