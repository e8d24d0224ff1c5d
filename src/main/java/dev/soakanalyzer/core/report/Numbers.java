package dev.soakanalyzer.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formatting of metric values the way the original tool printed them (rounded, no trailing zeros).
 */
public final class Numbers {
  private Numbers() {}

  /**
   * {@code value} rounded half-up to {@code decimals}, trailing zeros dropped; {@code n/a} for NaN.
   */
  public static String format(double value, int decimals) {
    BigDecimal rounded = round(value, decimals);
    return rounded == null ? "n/a" : rounded.toPlainString();
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
