package dev.soakanalyzer.core.model;

/**
 * WARN and CRIT bounds of one metric. Comparisons are strict: a value equal to a bound is not a
 * violation.
 */
public record Threshold(double warn, double crit) {

  public Threshold {
    if (!Double.isFinite(warn) || !Double.isFinite(crit)) {
      throw new IllegalArgumentException("thresholds must be finite numbers");
    }
  }

  /** The level of one value; never called with NaN. */
  public Level levelOf(double value, Direction direction) {
    return switch (direction) {
      case LOW_IS_BAD -> value < crit ? Level.CRIT : value < warn ? Level.WARN : Level.OK;
      case HIGH_IS_BAD -> value > crit ? Level.CRIT : value > warn ? Level.WARN : Level.OK;
    };
  }

  /** The bound crossed at the given level. */
  public double boundFor(Level level) {
    return level == Level.CRIT ? crit : warn;
  }

  /** True when CRIT is looser than WARN, which would make WARN unreachable in the wrong way. */
  public boolean isContradictory(Direction direction) {
    return switch (direction) {
      case LOW_IS_BAD -> crit > warn;
      case HIGH_IS_BAD -> crit < warn;
    };
  }
}
