package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.ChangePoint;
import dev.soakanalyzer.core.model.Trend;
import dev.soakanalyzer.core.model.TrendResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shifts of level (up to {@link #MAX_SHIFTS}), calibrated for AR(1) correlated windows: on
 * trendless AR(1) noise with phi up to 0.8 and n from 8 to 1000, at most about 1% of series get any
 * shift (measured, see docs/SIGNAL.md).
 *
 * <ul>
 *   <li>Is there any shift: the CUSUM bridge S_k of the series (cumulative deviations from the
 *       mean), scaled by sqrt(n lrv), judged two ways at once: its largest excursion (one shift,
 *       Kolmogorov tail) and its range, max minus min (a shift and its return, Kuiper tail). The
 *       two p-values are combined Bonferroni-style with weights 0.8 and 0.4: the two statistics are
 *       so correlated that the union stays at the nominal level (simulated on 20000 bridges).
 *   <li>lrv is estimated under the alternative: residuals around the steps the bridge points to
 *       (its argmax and argmin), so a shift does not pass for autocorrelation ({@link
 *       SegmentNoise}); the uncertainty of lrv is integrated out on its degrees of freedom.
 *   <li>Where: binary segmentation. The first split is the least-squares one; each side is then
 *       tested the same way and split again while significant. Only a series that passed the first
 *       test gets any shift, so the family-wise false rate is that of the first test.
 *   <li>How sure of where: {@link ShiftLocation}.
 * </ul>
 *
 * Series (and sides) shorter than {@link #MIN_POINTS} are never split: at those lengths a wandering
 * AR(1) series and a step cannot be told apart.
 */
public final class ChangePointDetector {
  public static final double ALPHA = TrendResult.ALPHA;

  /** At most this many shifts per series. */
  public static final int MAX_SHIFTS = 3;

  static final int MIN_POINTS = 13;

  /** Bonferroni weights of the one-shift and the shift-and-return statistics. */
  static final double WEIGHT_ONE = 0.8;

  static final double WEIGHT_RANGE = 0.4;

  private ChangePointDetector() {}

  /** The most significant shift, null when none is significant at {@link #ALPHA}. */
  public static ChangePoint detect(int[] windows, double[] values, int n) {
    return ChangePoint.mostSignificant(detectAll(windows, values, n));
  }

  /**
   * @param windows window index of each value, ascending
   * @param values the values, all finite
   * @return the significant shifts in window order (empty when none); plot indices are positions
   *     among {@code values}
   */
  public static List<ChangePoint> detectAll(int[] windows, double[] values, int n) {
    return detectAll(windows, values, n, ALPHA);
  }

  /**
   * The p-value of the first test, "is there any shift" (1 when the series is too short or flat):
   * the statistic {@code bench signal --ceilings} refers to a critical value simulated at the true
   * noise.
   */
  public static double anyShiftPValue(double[] values, int n) {
    if (n < MIN_POINTS || Trend.isFlatSeries(values, n)) {
      return 1.0;
    }
    return test(values, 0, n, true).p();
  }

  /**
   * As {@link #detectAll(int[], double[], int)}, every test at {@code alpha} instead of {@link
   * #ALPHA}: for {@code bench signal --ceilings} only (its false rate is measured there, not here).
   */
  public static List<ChangePoint> detectAll(int[] windows, double[] values, int n, double alpha) {
    if (n < MIN_POINTS || Trend.isFlatSeries(values, n)) {
      return List.of();
    }
    Test first = test(values, 0, n, true);
    if (!(first.p() < alpha)) {
      return List.of();
    }
    List<Test> pending = new ArrayList<>();
    List<Test> accepted = new ArrayList<>();
    pending.add(first);
    while (accepted.size() < MAX_SHIFTS && !pending.isEmpty()) {
      Test best = pending.get(0);
      for (Test t : pending) {
        best = t.p() < best.p() ? t : best;
      }
      pending.remove(best);
      if (!(best.p() < alpha)) {
        break;
      }
      accepted.add(best);
      for (int[] side : new int[][] {{best.from(), best.split()}, {best.split(), best.to()}}) {
        int length = side[1] - side[0];
        if (length >= MIN_POINTS && !Trend.isFlatSeries(slice(values, side), length)) {
          pending.add(test(values, side[0], side[1], false));
        }
      }
    }
    accepted.sort((a, b) -> Integer.compare(a.split(), b.split()));
    return ShiftLocation.place(
        windows,
        values,
        n,
        accepted.stream().mapToInt(Test::split).toArray(),
        accepted.stream().mapToDouble(Test::p).toArray());
  }

  private static double[] slice(double[] values, int[] range) {
    return Arrays.copyOfRange(values, range[0], range[1]);
  }

  /** One segment's test: its p-value and least-squares split (absolute positions). */
  record Test(int from, int to, int split, double p) {}

  /**
   * @param first the test of the whole series: the one the family-wise false rate rests on
   */
  static Test test(double[] values, int from, int to, boolean first) {
    int n = to - from;
    double mean = Stats.mean(values, from, to);
    double s = 0;
    double max = 0;
    double min = 0;
    int argMax = -1;
    int argMin = -1;
    double bestWeighted = -1;
    int split = 1;
    for (int k = 1; k < n; k++) {
      s += values[from + k - 1] - mean;
      if (s > max) {
        max = s;
        argMax = k;
      }
      if (s < min) {
        min = s;
        argMin = k;
      }
      double weighted = Math.abs(s) / Math.sqrt((double) k * (n - k) / n);
      if (weighted > bestWeighted) {
        bestWeighted = weighted;
        split = k;
      }
    }
    double excursion = Math.max(max, -min);
    if (!(excursion > 0)) {
      return new Test(from, to, from + split, 1.0);
    }
    SegmentNoise noise = SegmentNoise.around(values, from, to, steps(from, argMax, argMin), first);
    if (!(noise.lrv() > 0) || !Double.isFinite(noise.lrv())) {
      return new Test(from, to, from + split, noise.lrv() == 0 ? 0.0 : 1.0);
    }
    double scale = Math.sqrt(noise.lrv() * n);
    double pOne = BridgeTails.studentizedKolmogorov(excursion / scale, noise.df());
    double pRange = BridgeTails.studentizedKuiper((max - min) / scale, noise.df());
    double p = Math.min(1.0, Math.min(pOne / WEIGHT_ONE, pRange / WEIGHT_RANGE));
    return new Test(from, to, from + split, p);
  }

  /** The steps the bridge points to: a new level at its argmax and at its argmin. */
  private static int[] steps(int from, int argMax, int argMin) {
    if (argMax < 0) {
      return new int[] {from + argMin};
    }
    if (argMin < 0) {
      return new int[] {from + argMax};
    }
    return new int[] {from + Math.min(argMax, argMin), from + Math.max(argMax, argMin)};
  }
}
