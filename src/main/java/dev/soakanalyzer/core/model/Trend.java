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
}
