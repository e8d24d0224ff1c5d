package dev.soakanalyzer.core.analysis;

/**
 * The points trend and sparkline see: per window (K = 1, x = window index) or the means of K
 * consecutive windows (x = bucket ordinal 1, 2, ...). Windows without a value are left out; a
 * bucket without any value is dropped.
 */
record Bucketing(double[] x, double[] y, int n) {

  static Bucketing of(int[] windows, double[] column, int bucketSize) {
    double[] x = new double[windows.length];
    double[] y = new double[windows.length];
    int n = 0;
    if (bucketSize <= 1) {
      for (int i = 0; i < windows.length; i++) {
        if (!Double.isNaN(column[i])) {
          x[n] = windows[i];
          y[n] = column[i];
          n++;
        }
      }
      return new Bucketing(x, y, n);
    }
    int ordinal = 0;
    for (int start = 0; start < windows.length; start += bucketSize) {
      ordinal++;
      double sum = 0;
      int count = 0;
      for (int i = start; i < Math.min(windows.length, start + bucketSize); i++) {
        if (!Double.isNaN(column[i])) {
          sum += column[i];
          count++;
        }
      }
      if (count > 0) {
        x[n] = ordinal;
        y[n] = sum / count;
        n++;
      }
    }
    return new Bucketing(x, y, n);
  }

  double[] points() {
    return java.util.Arrays.copyOf(y, n);
  }
}
