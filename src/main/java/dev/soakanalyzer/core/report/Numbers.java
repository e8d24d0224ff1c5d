package dev.soakanalyzer.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formatting of metric values: every value of a metric with that metric's decimals (trailing zeros
 * kept, so a column reads {@code 0.780} beside {@code 0.812}), bounds with at least two.
 */
public final class Numbers {
  private Numbers() {}

  /** {@code value} rounded half-up to exactly {@code decimals} places; {@code n/a} for NaN. */
  public static String format(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    if (Math.abs(value) >= 1e15) {
      return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    if (rounded.signum() == 0) {
      rounded = rounded.abs();
    }
    return rounded.toPlainString();
  }

  /**
   * A change between two values of a metric, signed, with the metric's decimals ({@code +0.04},
   * {@code -12}); null when the rounded values are equal (nothing changed worth showing).
   */
  public static String delta(double now, double before, int decimals) {
    BigDecimal a = round(now, decimals);
    BigDecimal b = round(before, decimals);
    if (a == null || b == null) {
      return null;
    }
    BigDecimal d = a.subtract(b).setScale(decimals, RoundingMode.HALF_UP);
    if (d.signum() == 0) {
      return null;
    }
    return (d.signum() > 0 ? "+" : "") + d.toPlainString();
  }

  /**
   * A threshold of a metric: the user's number, with at least {@code min(decimals, 2)} places so
   * ratios keep their trailing zero ({@code 0.80}, {@code 2.50}, {@code 350}).
   */
  public static String bound(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
    int scale = Math.max(d.scale(), Math.min(decimals, 2));
    return d.setScale(Math.max(0, scale), RoundingMode.HALF_UP).toPlainString();
  }

  /** The rounded value, or null when there is none (NaN/infinite). Never has trailing zeros. */
  public static BigDecimal round(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return null;
    }
    if (Math.abs(value) >= 1e15) {
      return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP);
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    if (rounded.signum() == 0) {
      return BigDecimal.ZERO;
    }
    rounded = rounded.stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
  }

  /** A threshold or other user-given number, shortest form ({@code 0.8}, {@code 350}). */
  public static String plain(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY) : d).toPlainString();
  }

  /** A value with its unit as prose shows it: {@code 2.45 bps}, {@code 360ms}, {@code 0.42}. */
  public static String withUnit(double value, int decimals, String unit) {
    return format(value, decimals) + unit;
  }
}
