package dev.soakanalyzer.core.model;

import java.util.List;

/**
 * Result for one symbol: a cell per metric (catalog order) and the symbol's worst status.
 *
 * @param files the input file of each window, parallel to the cells' {@code windows} (shared with
 *     the series, never modified); empty when not known
 */
public record SymbolAnalysis(
    String symbol, int windowCount, List<MetricCell> cells, Level verdict, String[] files) {

  public SymbolAnalysis(String symbol, int windowCount, List<MetricCell> cells, Level verdict) {
    this(symbol, windowCount, cells, verdict, new String[0]);
  }

  public SymbolAnalysis {
    cells = List.copyOf(cells);
    files = files == null ? new String[0] : files;
  }

  public MetricCell cell(String metricKey) {
    for (MetricCell c : cells) {
      if (c.metric().key().equals(metricKey)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no metric " + metricKey);
  }

  public int violationEvents(Level level) {
    int n = 0;
    for (MetricCell c : cells) {
      n += level == Level.CRIT ? c.critEvents() : level == Level.WARN ? c.warnEvents() : 0;
    }
    return n;
  }
}
