package dev.soakanalyzer.core.model;

/** Which side of a threshold is bad for a metric. */
public enum Direction {
  /** Lower is worse (edge, maker/taker): violation when value &lt; threshold. */
  LOW_IS_BAD,
  /** Higher is worse (latency, risk): violation when value &gt; threshold. */
  HIGH_IS_BAD;

  /** The comparison sign that reads "bad" in an alert line, e.g. {@code edge_bps < 2.5}. */
  public String badSide() {
    return switch (this) {
      case LOW_IS_BAD -> "<";
      case HIGH_IS_BAD -> ">";
    };
  }

  /** Parses the thresholds-file spelling {@code low}/{@code high}. */
  public static Direction parse(String text) {
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "low", "low_is_bad" -> LOW_IS_BAD;
      case "high", "high_is_bad" -> HIGH_IS_BAD;
      default ->
          throw new IllegalArgumentException(
              "direction must be 'low' or 'high', not '" + text + "'");
    };
  }
}
