package dev.soakanalyzer.core.analysis;

import java.util.Arrays;

/** Descriptive statistics over the finite values of a series (NaN = no value, skipped). */
final class Stats {
  private Stats() {}

  /** The finite values of {@code column}, in order. */
  static double[] present(double[] column) {
    int n = 0;
    for (double v : column) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    if (n == column.length) {
      return column;
    }
    double[] out = new double[n];
    int j = 0;
    for (double v : column) {
      if (!Double.isNaN(v)) {
        out[j++] = v;
      }
    }
    return out;
  }

  /** The true median: the mean of the two middle values for an even count; NaN when empty. */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    // Halved before adding: (1e308 + 1e308) / 2 overflows to Infinity, 1e308 / 2 + 1e308 / 2 not.
    return sorted.length % 2 == 1 ? sorted[mid] : sorted[mid - 1] / 2.0 + sorted[mid] / 2.0;
  }

  static double min(double[] values) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return values.length == 0 ? Double.NaN : m;
  }

  static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return values.length == 0 ? Double.NaN : m;
  }

  /** Mean of values[from, to); the caller guarantees to > from. */
  static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / (to - from);
  }

  static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
