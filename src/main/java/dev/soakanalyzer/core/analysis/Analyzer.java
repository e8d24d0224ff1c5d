package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.CellCounts;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.ChangePoint;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.SymbolSeries;
import dev.soakanalyzer.core.model.Threshold;
import dev.soakanalyzer.core.model.TrendResult;
import dev.soakanalyzer.core.model.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns ingested series into the analysis: per-window violations, per-cell status, statistics,
 * trend and plot points, counts of cells and the verdict. One pass per series: linear in windows.
 */
public final class Analyzer {
  /** Windows x symbols to analyse from which the symbols are spread over the cores. */
  static final long PARALLEL_POINTS = 10_000;

  private Analyzer() {}

  public static Analysis analyze(SoakData data, AnalysisSettings settings, Instant generatedAt) {
    return analyze(data, settings, generatedAt, null);
  }

  /**
   * As above; with a memo (the runner's, kept between cycles), a symbol whose series is unchanged
   * since the last analysis takes its cells and violations from it, with the same result.
   */
  public static Analysis analyze(
      SoakData data, AnalysisSettings settings, Instant generatedAt, AnalysisMemo memo) {
    MetricCatalog catalog = data.catalog();
    if (memo != null) {
      memo.begin(catalog, settings.thresholds(), settings.timeBuckets());
    }
    List<SymbolSeries> all = data.series();
    AnalysisMemo.Result[] results = new AnalysisMemo.Result[all.size()];
    boolean[] computed = new boolean[all.size()];
    long pointsToCompute = 0;
    int toCompute = 0;
    for (int i = 0; i < results.length; i++) {
      results[i] = memo == null ? null : memo.lookup(all.get(i));
      if (results[i] == null) {
        computed[i] = true;
        toCompute++;
        pointsToCompute += all.get(i).size();
      }
    }
    // Each symbol's analysis is independent of the others': many of them use every core. A small
    // run stays on this thread (starting the pool would cost more than it saves).
    if (toCompute >= 2 && pointsToCompute >= PARALLEL_POINTS) {
      IntStream.range(0, results.length)
          .parallel()
          .filter(i -> computed[i])
          .forEach(i -> results[i] = analyzeSymbol(all.get(i), catalog, settings));
    } else {
      for (int i = 0; i < results.length; i++) {
        if (computed[i]) {
          results[i] = analyzeSymbol(all.get(i), catalog, settings);
        }
      }
    }
    List<SymbolAnalysis> symbols = new ArrayList<>(all.size());
    List<List<Violation>> bySymbol = new ArrayList<>(all.size());
    int total = 0;
    int crit = 0;
    int warn = 0;
    int ok = 0;
    int noData = 0;
    for (int i = 0; i < results.length; i++) {
      AnalysisMemo.Result r = results[i];
      if (computed[i] && memo != null) {
        memo.store(r);
      }
      for (MetricCell cell : r.analysis().cells()) {
        switch (cell.status()) {
          case CRIT -> crit++;
          case WARN -> warn++;
          case OK -> ok++;
          case NO_DATA -> noData++;
        }
      }
      symbols.add(r.analysis());
      bySymbol.add(r.violations());
      total += r.violations().size();
    }
    if (memo != null) {
      memo.commit();
    }
    return new Analysis(
        generatedAt,
        data.distinctWindows(),
        settings.minWindows(),
        settings.timeBuckets(),
        catalog,
        symbols,
        inSeverityOrder(all, bySymbol, total),
        new CellCounts(crit, warn, ok, noData),
        data.meta(),
        data.quality(),
        settings.thresholds());
  }

  /** One symbol's cells and verdict, and its violations in severity order. */
  private static AnalysisMemo.Result analyzeSymbol(
      SymbolSeries series, MetricCatalog catalog, AnalysisSettings settings) {
    List<MetricCell> cells = new ArrayList<>(catalog.size());
    List<Violation> violations = new ArrayList<>();
    Level symbolVerdict = Level.OK;
    for (int m = 0; m < catalog.size(); m++) {
      MetricDef metric = catalog.get(m);
      Threshold threshold = settings.thresholds().forMetric(series.symbol(), metric.key());
      MetricCell cell =
          analyzeCell(series, m, metric, threshold, settings.timeBuckets(), violations);
      cells.add(cell);
      if (cell.status().level() != null) {
        symbolVerdict = Level.worst(symbolVerdict, cell.status().level());
      }
    }
    violations.sort(Violation.SEVERITY_ORDER);
    return new AnalysisMemo.Result(
        series,
        new SymbolAnalysis(series.symbol(), series.size(), cells, symbolVerdict, series.files()),
        List.copyOf(violations));
  }

  /**
   * All violations in {@link Violation#SEVERITY_ORDER}: level first, then symbol. With the series
   * in symbol order (as ingest makes them) that is each level's per-symbol lists one after the
   * other, with no sort over the whole run; otherwise the whole list is sorted.
   */
  private static List<Violation> inSeverityOrder(
      List<SymbolSeries> series, List<List<Violation>> bySymbol, int total) {
    List<Violation> out = new ArrayList<>(total);
    boolean symbolOrder = true;
    for (int i = 1; i < series.size() && symbolOrder; i++) {
      symbolOrder = series.get(i - 1).symbol().compareTo(series.get(i).symbol()) < 0;
    }
    if (!symbolOrder) {
      bySymbol.forEach(out::addAll);
      out.sort(Violation.SEVERITY_ORDER);
      return out;
    }
    Level[] levels = Level.values();
    for (int l = levels.length - 1; l >= 0; l--) {
      for (List<Violation> list : bySymbol) {
        for (Violation v : list) {
          if (v.level() == levels[l]) {
            out.add(v);
          }
        }
      }
    }
    return out;
  }

  private static MetricCell analyzeCell(
      SymbolSeries series,
      int metricIndex,
      MetricDef metric,
      Threshold threshold,
      int timeBuckets,
      List<Violation> sink) {
    int[] windows = series.windows();
    double[] column = series.column(metricIndex);
    Level worstLevel = Level.OK;
    Violation worst = null;
    double worstExcess = Double.NEGATIVE_INFINITY;
    int warnEvents = 0;
    int critEvents = 0;
    double last = Double.NaN;
    int firstBad = 0;
    int lastBad = 0;
    for (int i = 0; i < windows.length; i++) {
      double v = column[i];
      if (Double.isNaN(v)) {
        continue;
      }
      last = v;
      Level level = threshold.levelOf(v, metric.direction());
      if (level == Level.OK) {
        continue;
      }
      double bound = threshold.boundFor(level);
      Violation violation =
          new Violation(
              series.symbol(),
              metric.key(),
              level,
              windows[i],
              v,
              bound,
              ViolationNotes.note(metric, level));
      sink.add(violation);
      if (firstBad == 0) {
        firstBad = windows[i];
      }
      lastBad = windows[i];
      if (level == Level.CRIT) {
        critEvents++;
      } else {
        warnEvents++;
      }
      double excess = excess(metric, threshold, v);
      if (level.compareTo(worstLevel) > 0 || (level == worstLevel && excess > worstExcess)) {
        worstLevel = level;
        worst = violation;
        worstExcess = excess;
      }
    }
    double[] present = Stats.present(column);
    if (present.length == 0) {
      return new MetricCell(
          metric,
          threshold,
          CellStatus.NO_DATA,
          0,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          TrendResult.NONE,
          new double[0],
          0,
          0,
          null,
          null,
          windows,
          column,
          0,
          0,
          List.of());
    }
    Bucketing points = Bucketing.of(windows, column, timeBuckets);
    TrendResult trend = TrendEstimator.estimate(points.x(), points.y(), points.n());
    List<ChangePoint> shifts = changePoints(windows, column, present.length, timeBuckets);
    return new MetricCell(
        metric,
        threshold,
        CellStatus.of(worstLevel),
        present.length,
        last,
        Stats.median(present),
        Stats.min(present),
        Stats.max(present),
        Stats.mean(present),
        trend,
        points.points(),
        warnEvents,
        critEvents,
        worst,
        ChangePoint.mostSignificant(shifts),
        windows,
        column,
        firstBad,
        lastBad,
        shifts);
  }

  /**
   * Shifts of level over the windows that have a value (never the buckets: they name real windows).
   */
  private static List<ChangePoint> changePoints(
      int[] windows, double[] column, int count, int timeBuckets) {
    int[] w = new int[count];
    double[] v = new double[count];
    int j = 0;
    for (int i = 0; i < windows.length; i++) {
      if (!Double.isNaN(column[i])) {
        w[j] = windows[i];
        v[j++] = column[i];
      }
    }
    List<ChangePoint> shifts = ChangePointDetector.detectAll(w, v, count);
    if (shifts.isEmpty() || timeBuckets <= 1) {
      return shifts;
    }
    List<ChangePoint> out = new ArrayList<>(shifts.size());
    for (ChangePoint cp : shifts) {
      out.add(cp.atPlotIndex(bucketOf(windows, column, timeBuckets, cp.windowIndex())));
    }
    return out;
  }

  /** The plot draws bucket means: a marker goes on the (non-empty) bucket holding the window. */
  private static int bucketOf(int[] windows, double[] column, int timeBuckets, int window) {
    int nonEmpty = 0;
    for (int start = 0; start < windows.length; start += timeBuckets) {
      boolean any = false;
      boolean holds = false;
      for (int i = start; i < Math.min(windows.length, start + timeBuckets); i++) {
        any |= !Double.isNaN(column[i]);
        holds |= windows[i] == window;
      }
      if (holds) {
        return nonEmpty;
      }
      nonEmpty += any ? 1 : 0;
    }
    return -1;
  }

  /**
   * How far past the WARN bound a value is, relative to the WARN-CRIT gap (ranks the worst window).
   */
  private static double excess(MetricDef metric, Threshold t, double v) {
    double gap = Math.abs(t.warn() - t.crit());
    double past =
        metric.direction() == dev.soakanalyzer.core.model.Direction.LOW_IS_BAD
            ? t.warn() - v
            : v - t.warn();
    return gap > 0 ? past / gap : past;
  }
}
