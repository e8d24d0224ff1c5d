package dev.soakanalyzer.core.model;

/** Direction of a metric over the run, from the range-normalized OLS slope. */
public enum Trend {
  UP,
  DOWN,
  FLAT;

  /** The arrow shown in the reports. */
  public String symbol() {
    return switch (this) {
      case UP -> "↑";
      case DOWN -> "↓";
      case FLAT -> "≈";
    };
  }

  /**
   * The one flatness rule of every surface (trend, p-value, change point, sparkline): the first n
   * values span at most 1e-9 x max(1, |mean|), so floating-point noise from bucket means of a
   * constant series is neither a trend, a level shift nor a zigzag. No values count as flat.
   */
  public static boolean isFlatSeries(double[] values, int n) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
      sum += values[i];
    }
    return n == 0 || !(hi - lo > FLAT_TOLERANCE * Math.max(1.0, Math.abs(sum / n)));
  }

  private static final double FLAT_TOLERANCE = 1e-9;
}
