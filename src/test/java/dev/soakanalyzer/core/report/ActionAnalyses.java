package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellCounts;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.DataQuality;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.Threshold;
import dev.soakanalyzer.core.model.ThresholdSet;
import dev.soakanalyzer.core.model.Trend;
import dev.soakanalyzer.core.model.TrendResult;
import dev.soakanalyzer.core.model.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-built analyses for the action's renderer tests. */
final class ActionAnalyses {
  private ActionAnalyses() {}

  /** {@code n} symbols; every 10th is WARN on edge, every 50th CRIT on latency. */
  static Analysis many(int n, int windows) {
    List<SymbolAnalysis> symbols = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    int crit = 0;
    int warn = 0;
    int ok = 0;
    for (int i = 0; i < n; i++) {
      String sym = String.format("SYM%05dUSDT", i);
      Level edge = i % 10 == 0 ? Level.WARN : Level.OK;
      Level lat = i % 50 == 0 ? Level.CRIT : Level.OK;
      SymbolAnalysis s =
          symbol(
              sym,
              windows,
              2.8 - (edge == Level.WARN ? 0.4 : 0),
              300 + (lat == Level.CRIT ? 150 : 0),
              edge,
              lat,
              violations);
      for (MetricCell c : s.cells()) {
        switch (c.status()) {
          case CRIT -> crit++;
          case WARN -> warn++;
          case OK -> ok++;
          case NO_DATA -> {}
        }
      }
      symbols.add(s);
    }
    violations.sort(Violation.SEVERITY_ORDER);
    return new Analysis(
        Instant.parse("2026-01-05T12:00:00Z"),
        windows,
        24,
        1,
        MetricCatalog.STANDARD,
        symbols,
        violations,
        new CellCounts(crit, warn, ok, 0),
        new RunMeta("abc123..def456", "moderate", "soak"),
        DataQuality.CLEAN,
        dev.soakanalyzer.core.model.ThresholdSet.STANDARD);
  }

  static Analysis withSymbol(String name, String note, RunMeta meta) {
    List<Violation> violations = new ArrayList<>();
    SymbolAnalysis s = symbol(name, 24, 2.4, 300, Level.WARN, Level.OK, violations);
    if (note != null) {
      Violation v = violations.get(0);
      violations.set(
          0,
          new Violation(
              v.symbol(), v.metric(), v.level(), v.windowIndex(), v.value(), v.threshold(), note));
    }
    return new Analysis(
        Instant.parse("2026-01-05T12:00:00Z"),
        24,
        24,
        1,
        MetricCatalog.STANDARD,
        List.of(s),
        violations,
        new CellCounts(0, 1, 3, 0),
        meta,
        DataQuality.CLEAN,
        dev.soakanalyzer.core.model.ThresholdSet.STANDARD);
  }

  /** One symbol with edge and latency at the given levels; edge last = {@code edgeLast}. */
  static SymbolAnalysis symbol(
      String sym,
      int windows,
      double edgeLast,
      double latLast,
      Level edge,
      Level lat,
      List<Violation> out) {
    List<MetricCell> cells = new ArrayList<>();
    for (MetricDef m : MetricCatalog.STANDARD.metrics()) {
      Threshold t = ThresholdSet.STANDARD.forMetric(sym, m.key());
      double last =
          switch (m.key()) {
            case MetricCatalog.EDGE -> edgeLast;
            case MetricCatalog.LATENCY -> latLast;
            case MetricCatalog.MAKER_TAKER -> 0.85;
            default -> 0.35;
          };
      Level level =
          m.key().equals(MetricCatalog.EDGE)
              ? edge
              : m.key().equals(MetricCatalog.LATENCY) ? lat : Level.OK;
      double[] points = new double[windows];
      for (int w = 0; w < windows; w++) {
        points[w] = last * (1 + 0.01 * Math.sin(w));
      }
      points[windows - 1] = last;
      int[] windowIndices = new int[windows];
      for (int w = 0; w < windows; w++) {
        windowIndices[w] = w + 1;
      }
      Violation worst = null;
      int warnEvents = 0;
      int critEvents = 0;
      if (level != Level.OK) {
        worst =
            new Violation(sym, m.key(), level, windows, last, t.boundFor(level), "Out of bounds");
        out.add(worst);
        if (level == Level.CRIT) {
          critEvents = 1;
        } else {
          warnEvents = 1;
        }
      }
      cells.add(
          new MetricCell(
              m,
              t,
              CellStatus.of(level),
              windows,
              last,
              last,
              last * 0.99,
              last * 1.01,
              last,
              new TrendResult(Trend.FLAT, 0, 0, Double.NaN),
              points,
              warnEvents,
              critEvents,
              worst,
              null,
              windowIndices,
              points,
              worst == null ? 0 : windows,
              worst == null ? 0 : windows,
              null));
    }
    Level verdict = Level.worst(edge, lat);
    return new SymbolAnalysis(sym, windows, cells, verdict);
  }
}
