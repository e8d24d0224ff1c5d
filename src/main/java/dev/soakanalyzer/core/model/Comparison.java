package dev.soakanalyzer.core.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This run compared with a baseline run: every cell's comparison, in report order (symbol, then
 * catalog order; GONE cells last), and the smallest change in percent that counts as a regression
 * or improvement.
 */
public final class Comparison {
  /** The level at which a change is significant. */
  public static final double ALPHA = 0.01;

  private final Baseline baseline;
  private final double minChangePct;
  private final List<CellComparison> cells;
  // Reports look a cell up per table cell: 100k cells must not be a scan each.
  private final Map<String, CellComparison> byCell;

  /**
   * @param baseline the baseline compared with, or null when one was asked for but none was usable
   *     (the reports then say "no baseline")
   */
  public Comparison(Baseline baseline, double minChangePct, List<CellComparison> cells) {
    this.baseline = baseline;
    this.minChangePct = minChangePct;
    this.cells = List.copyOf(cells);
    this.byCell = new HashMap<>(cells.size() * 2);
    for (CellComparison c : cells) {
      byCell.put(key(c.symbol(), c.metricKey()), c);
    }
  }

  /** A baseline was asked for and none was usable (missing, empty, unreadable). */
  public static Comparison absent(double minChangePct) {
    return new Comparison(null, minChangePct, List.of());
  }

  /** The baseline, or null when {@link #hasBaseline()} is false. */
  public Baseline baseline() {
    return baseline;
  }

  public boolean hasBaseline() {
    return baseline != null;
  }

  public double minChangePct() {
    return minChangePct;
  }

  public List<CellComparison> cells() {
    return cells;
  }

  public long count(ComparisonStatus status) {
    return cells.stream().filter(c -> c.status() == status).count();
  }

  /** The comparison of one cell, or null when the cell was not compared (NO_DATA). */
  public CellComparison cell(String symbol, String metricKey) {
    return byCell.get(key(symbol, metricKey));
  }

  /** Cells of one status, in report order. */
  public List<CellComparison> with(ComparisonStatus status) {
    List<CellComparison> out = new ArrayList<>();
    for (CellComparison c : cells) {
      if (c.status() == status) {
        out.add(c);
      }
    }
    return out;
  }

  /** Counts by status, every status present (0 when none). */
  public Map<ComparisonStatus, Long> counts() {
    Map<ComparisonStatus, Long> m = new EnumMap<>(ComparisonStatus.class);
    for (ComparisonStatus s : ComparisonStatus.values()) {
      m.put(s, 0L);
    }
    for (CellComparison c : cells) {
      m.merge(c.status(), 1L, Long::sum);
    }
    return m;
  }

  private static String key(String symbol, String metricKey) {
    return symbol + '\u0000' + metricKey;
  }
}
