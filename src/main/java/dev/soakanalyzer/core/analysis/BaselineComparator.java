package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Baseline;
import dev.soakanalyzer.core.model.CellComparison;
import dev.soakanalyzer.core.model.Comparison;
import dev.soakanalyzer.core.model.ComparisonStatus;
import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.SampleStats;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares each cell of a run with the same cell of a baseline run: {@link MeanComparison} for the
 * p-value, the metric's direction for which side is worse. A change is a regression only when it is
 * both significant and at least the minimum change in the bad direction, so a tiny real shift over
 * a long soak is not a failed PR.
 */
public final class BaselineComparator {
  /** Default of {@code --regression-min-change}, in percent. */
  public static final double DEFAULT_MIN_CHANGE_PCT = 5.0;

  private BaselineComparator() {}

  /** The statistics a later run needs of this cell (SOAK_SUMMARY.json's n, mean, sd, lag1). */
  public static SampleStats stats(MetricCell cell) {
    SampleStats s = MeanComparison.stats(Stats.present(cell.values()));
    // The median is the cell's own, so a summary and a comparison never disagree on it.
    return new SampleStats(s.n(), s.mean(), s.sd(), s.lag1(), cell.median());
  }

  /** A run's own analysis as a baseline (for {@code --baseline-glob}). */
  public static Baseline baselineOf(Analysis a, String source) {
    Map<String, Map<String, SampleStats>> cells = new LinkedHashMap<>();
    for (SymbolAnalysis s : a.symbols()) {
      Map<String, SampleStats> metrics = new LinkedHashMap<>();
      for (MetricCell c : s.cells()) {
        if (c.hasData()) {
          metrics.put(c.metric().key(), stats(c));
        }
      }
      cells.put(s.symbol(), metrics);
    }
    String sha = lastCommit(a.meta().commitRange());
    return new Baseline(
        a.meta().ref(), a.meta().sha() != null ? a.meta().sha() : sha, null, source, cells);
  }

  public static Comparison compare(Analysis current, Baseline baseline, double minChangePct) {
    List<CellComparison> out = new ArrayList<>();
    Map<String, java.util.Set<String>> seen = new LinkedHashMap<>();
    for (SymbolAnalysis s : current.symbols()) {
      Map<String, SampleStats> base = baseline.cells().getOrDefault(s.symbol(), Map.of());
      java.util.Set<String> keys = new java.util.HashSet<>();
      seen.put(s.symbol(), keys);
      for (MetricCell c : s.cells()) {
        keys.add(c.metric().key());
        if (!c.hasData()) {
          continue; // NO_DATA cells are not compared
        }
        SampleStats now = stats(c);
        SampleStats then = base.get(c.metric().key());
        out.add(
            then == null || !Double.isFinite(then.median())
                ? new CellComparison(
                    s.symbol(),
                    c.metric().key(),
                    now,
                    null,
                    Double.NaN,
                    Double.NaN,
                    ComparisonStatus.NEW)
                : cell(
                    s.symbol(), c.metric().key(), c.metric().direction(), now, then, minChangePct));
      }
    }
    for (Map.Entry<String, Map<String, SampleStats>> e : baseline.cells().entrySet()) {
      java.util.Set<String> keys = seen.get(e.getKey());
      for (Map.Entry<String, SampleStats> m : e.getValue().entrySet()) {
        if ((keys == null || !keys.contains(m.getKey()))
            && Double.isFinite(m.getValue().median())) {
          out.add(
              new CellComparison(
                  e.getKey(),
                  m.getKey(),
                  null,
                  m.getValue(),
                  Double.NaN,
                  Double.NaN,
                  ComparisonStatus.GONE));
        }
      }
    }
    return new Comparison(baseline, minChangePct, out);
  }

  static CellComparison cell(
      String symbol,
      String metric,
      Direction direction,
      SampleStats now,
      SampleStats then,
      double minChangePct) {
    boolean tested = then.testable() && now.testable();
    double from = Double.isFinite(then.mean()) ? then.mean() : then.median();
    double to = Double.isFinite(then.mean()) ? now.mean() : now.median();
    double change = from != 0 ? (to - from) / Math.abs(from) * 100 : Double.NaN;
    if (!tested) {
      return new CellComparison(
          symbol, metric, now, then, change, Double.NaN, ComparisonStatus.UNTESTED);
    }
    double p = MeanComparison.pValue(now, then);
    // With a baseline mean of 0 no percentage exists; a significant move is then large enough.
    boolean bigEnough = Double.isNaN(change) ? to != from : Math.abs(change) >= minChangePct;
    ComparisonStatus status = ComparisonStatus.UNCHANGED;
    if (p < Comparison.ALPHA && bigEnough) {
      boolean worse = direction == Direction.LOW_IS_BAD ? to < from : to > from;
      status = worse ? ComparisonStatus.REGRESSED : ComparisonStatus.IMPROVED;
    }
    return new CellComparison(symbol, metric, now, then, change, p, status);
  }

  private static String lastCommit(String range) {
    if (range == null) {
      return null;
    }
    int dots = range.indexOf("..");
    return dots >= 0 ? range.substring(dots + 2) : range;
  }
}
