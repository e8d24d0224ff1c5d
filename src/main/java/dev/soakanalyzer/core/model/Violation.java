package dev.soakanalyzer.core.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One window whose metric crossed a threshold.
 *
 * @param windowIndex 1-based window index as read from the input
 * @param threshold the bound crossed (CRIT bound for CRIT, WARN bound for WARN)
 * @param note a short English sentence
 */
public record Violation(
    String symbol,
    String metric,
    Level level,
    int windowIndex,
    double value,
    double threshold,
    String note) {

  /**
   * The order of VIOLATIONS.json, the alert text and the signature: CRIT first, then symbol,
   * metric, window.
   */
  public static final Comparator<Violation> SEVERITY_ORDER = new SeverityOrder();

  /**
   * Written out, not chained from Comparator.comparing: the chain's lambdas are spun at run time on
   * every start, which a small run notices.
   */
  private static final class SeverityOrder implements Comparator<Violation> {
    @Override
    public int compare(Violation a, Violation b) {
      int c = b.level.compareTo(a.level);
      if (c == 0) {
        c = a.symbol.compareTo(b.symbol);
      }
      if (c == 0) {
        c = a.metric.compareTo(b.metric);
      }
      return c != 0 ? c : Integer.compare(a.windowIndex, b.windowIndex);
    }
  }

  public Violation {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(level, "level");
    if (level == Level.OK) {
      throw new IllegalArgumentException("a violation is WARN or CRIT");
    }
  }
}
