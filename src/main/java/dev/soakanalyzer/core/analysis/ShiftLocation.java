package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.ChangePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each shift is, and how sure: every split is placed again by least squares between its
 * neighbours (binary segmentation found it with the other shifts still in the way), and gets the
 * windows it is likely to be in. That range is the central {@link #COVERAGE} of the location's
 * likelihood over the windows between the neighbouring shifts, p(k) proportional to exp(RSS
 * reduction at k / (2 lrv)), with lrv the long-run variance around all the fitted steps. Its
 * coverage is measured by {@code bench signal}.
 */
final class ShiftLocation {
  static final double COVERAGE = 0.90;

  private ShiftLocation() {}

  /**
   * @param splits positions (among {@code values}) of the first value of each new level, ascending
   * @param pValues the significance of each
   */
  static List<ChangePoint> place(
      int[] windows, double[] values, int n, int[] splits, double[] pValues) {
    int[] b = splits.clone();
    for (int j = 0; j < b.length; j++) {
      int lo = j == 0 ? 0 : b[j - 1];
      int hi = j == b.length - 1 ? n : b[j + 1];
      b[j] = lo + bestSplit(values, lo, hi);
    }
    double lrv = SegmentNoise.around(values, 0, n, b, false).lrv();
    List<ChangePoint> out = new ArrayList<>(b.length);
    for (int j = 0; j < b.length; j++) {
      int lo = j == 0 ? 0 : b[j - 1];
      int hi = j == b.length - 1 ? n : b[j + 1];
      int[] range = range(values, lo, hi, b[j], lrv);
      out.add(
          new ChangePoint(
              windows[b[j]],
              Stats.median(Arrays.copyOfRange(values, lo, b[j])),
              Stats.median(Arrays.copyOfRange(values, b[j], hi)),
              pValues[j],
              b[j],
              windows[range[0]],
              windows[range[1]]));
    }
    return out;
  }

  /** The least-squares split of values[lo, hi), relative to lo (1 .. hi - lo - 1). */
  static int bestSplit(double[] values, int lo, int hi) {
    int m = hi - lo;
    double mean = Stats.mean(values, lo, hi);
    double s = 0;
    double best = -1;
    int split = 1;
    for (int k = 1; k < m; k++) {
      s += values[lo + k - 1] - mean;
      double gain = s * s / ((double) k * (m - k));
      if (gain > best) {
        best = gain;
        split = k;
      }
    }
    return split;
  }

  /** Positions [first, last] holding the central COVERAGE of the location's likelihood. */
  static int[] range(double[] values, int lo, int hi, int at, double lrv) {
    int m = hi - lo;
    if (!(lrv > 0) || m < 3) {
      return new int[] {at, at};
    }
    double mean = Stats.mean(values, lo, hi);
    // RSS reduction of a split at k: m S_k^2 / (k (m - k))
    double[] log = new double[m];
    double s = 0;
    double top = Double.NEGATIVE_INFINITY;
    for (int k = 1; k < m; k++) {
      s += values[lo + k - 1] - mean;
      log[k] = m * s * s / ((double) k * (m - k)) / (2 * lrv);
      top = Math.max(top, log[k]);
    }
    double total = 0;
    double[] w = new double[m];
    for (int k = 1; k < m; k++) {
      w[k] = Math.exp(log[k] - top);
      total += w[k];
    }
    double tail = (1 - COVERAGE) / 2 * total;
    int first = 1;
    double cum = w[1];
    while (cum < tail && first < m - 1) {
      first++;
      cum += w[first];
    }
    int last = m - 1;
    cum = w[m - 1];
    while (cum < tail && last > 1) {
      last--;
      cum += w[last];
    }
    return new int[] {Math.min(lo + first, at), Math.max(lo + last, at)};
  }
}
