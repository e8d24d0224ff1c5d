package dev.soakanalyzer.core.model;

/** Direction of a metric over the run, from the range-normalized OLS slope. */
public enum Trend {
  UP("↑"),
  DOWN("↓"),
  FLAT("≈");

  private final String symbol;

  Trend(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
