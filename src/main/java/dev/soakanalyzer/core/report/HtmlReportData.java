package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellComparison;
import dev.soakanalyzer.core.model.ChangePoint;
import dev.soakanalyzer.core.model.Comparison;
import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SampleStats;
import dev.soakanalyzer.core.model.SkippedFile;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML report's data: the whole analysis as one JSON document, which the page's script reads
 * and shows. Its fields (the page's only input) are described in docs/HTML_REPORT.md. Values keep
 * two more decimals than the metric's own, so a value just past a bound still plots past it.
 */
final class HtmlReportData {
  /** Version of this document's layout, for anyone who reads it out of the page. */
  static final int FORMAT = 1;

  private HtmlReportData() {}

  static void write(Analysis a, Lang lang, TextSink out) {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("{\"format\":").append(FORMAT).append(",\"lang\":");
    HtmlJson.string(sb, lang.name().toLowerCase(java.util.Locale.ROOT));
    sb.append(",\"generated_at_utc\":");
    HtmlJson.string(sb, a.generatedAt().toString());
    sb.append(",\"windows\":").append(a.windows());
    sb.append(",\"min_windows_required\":").append(a.minWindowsRequired());
    sb.append(",\"time_buckets\":").append(a.timeBuckets());
    sb.append(",\"verdict\":");
    HtmlJson.string(sb, a.verdict().name());
    sb.append(",\"counts\":{\"crit\":").append(a.counts().crit());
    sb.append(",\"warn\":").append(a.counts().warn());
    sb.append(",\"ok\":").append(a.counts().ok());
    sb.append(",\"no_data\":").append(a.counts().noData());
    sb.append(",\"crit_events\":").append(a.violationEvents(Level.CRIT));
    sb.append(",\"warn_events\":").append(a.violationEvents(Level.WARN)).append('}');
    meta(sb, a);
    quality(sb, a);
    metrics(sb, a.catalog().metrics());
    sb.append(",\"symbols\":[");
    Map<String, Integer> fileIds = new HashMap<>();
    StringBuilder files = new StringBuilder("[");
    Map<String, Integer> dirIds = new HashMap<>();
    StringBuilder dirs = new StringBuilder("[");
    boolean first = true;
    for (SymbolAnalysis s : a.symbols()) {
      sb.append(first ? "" : ",");
      first = false;
      symbol(sb, s, Math.max(1, a.timeBuckets()), a.comparison(), fileIds, files, dirIds, dirs);
      TextSink.flushIfLarge(sb, out);
    }
    sb.append("],\"dirs\":").append(dirs).append("],\"files\":").append(files).append("]}");
    out.write(sb);
  }

  private static void meta(StringBuilder sb, Analysis a) {
    sb.append(",\"meta\":{\"commit_range\":");
    HtmlJson.string(sb, a.meta().commitRange());
    sb.append(",\"profile\":");
    HtmlJson.string(sb, a.meta().profile());
    sb.append(",\"source\":");
    HtmlJson.string(sb, a.meta().source());
    sb.append('}');
  }

  private static void quality(StringBuilder sb, Analysis a) {
    sb.append(",\"quality\":{\"files_matched\":").append(a.quality().filesMatched());
    sb.append(",\"files_used\":").append(a.quality().filesUsed());
    sb.append(",\"skipped\":[");
    List<SkippedFile> skipped = a.quality().skipped();
    for (int i = 0; i < skipped.size(); i++) {
      sb.append(i == 0 ? "{\"file\":" : ",{\"file\":");
      HtmlJson.string(sb, skipped.get(i).file());
      sb.append(",\"reason\":");
      HtmlJson.string(sb, skipped.get(i).reason());
      sb.append('}');
    }
    sb.append("],\"warnings\":[");
    List<String> warnings = a.quality().warnings();
    for (int i = 0; i < warnings.size(); i++) {
      sb.append(i == 0 ? "" : ",");
      HtmlJson.string(sb, warnings.get(i));
    }
    sb.append("]}");
  }

  private static void metrics(StringBuilder sb, List<MetricDef> defs) {
    sb.append(",\"metrics\":[");
    for (int i = 0; i < defs.size(); i++) {
      MetricDef m = defs.get(i);
      sb.append(i == 0 ? "{\"key\":" : ",{\"key\":");
      HtmlJson.string(sb, m.key());
      sb.append(",\"label\":");
      HtmlJson.string(sb, m.shortLabel());
      sb.append(",\"unit\":");
      HtmlJson.string(sb, m.unit().strip());
      sb.append(",\"bad_when\":");
      HtmlJson.string(sb, m.direction() == Direction.LOW_IS_BAD ? "low" : "high");
      sb.append(",\"decimals\":").append(m.decimals()).append('}');
    }
    sb.append(']');
  }

  private static void symbol(
      StringBuilder sb,
      SymbolAnalysis s,
      int timeBuckets,
      Comparison comparison,
      Map<String, Integer> fileIds,
      StringBuilder files,
      Map<String, Integer> dirIds,
      StringBuilder dirs) {
    sb.append("{\"symbol\":");
    HtmlJson.string(sb, s.symbol());
    sb.append(",\"verdict\":");
    HtmlJson.string(sb, s.verdict().name());
    int[] windows = s.cells().isEmpty() ? new int[0] : s.cells().get(0).windows();
    sb.append(",\"windows\":[");
    for (int i = 0; i < windows.length; i++) {
      sb.append(i == 0 ? "" : ",").append(windows[i]);
    }
    // Index into the document's "files" (a file holding every symbol of a window is named once).
    sb.append("],\"files\":[");
    String[] names = s.files();
    for (int i = 0; i < names.length; i++) {
      Integer id = fileIds.get(names[i]);
      if (id == null) {
        id = fileIds.size();
        fileIds.put(names[i], id);
        file(files, id, names[i], dirIds, dirs);
      }
      sb.append(i == 0 ? "" : ",").append(id);
    }
    sb.append("],\"cells\":[");
    for (int c = 0; c < s.cells().size(); c++) {
      sb.append(c == 0 ? "" : ",");
      MetricCell cell = s.cells().get(c);
      CellComparison cc =
          comparison == null ? null : comparison.cell(s.symbol(), cell.metric().key());
      cell(sb, cell, timeBuckets, cc);
    }
    sb.append("]}");
  }

  /**
   * A file as {@code [dir, "name"]}, its directory an index into "dirs": one soak's files share a
   * directory, whose name would otherwise be most of the page at one file per symbol and window.
   */
  private static void file(
      StringBuilder files, int id, String path, Map<String, Integer> dirIds, StringBuilder dirs) {
    int cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
    String dir = path.substring(0, cut);
    Integer d = dirIds.get(dir);
    if (d == null) {
      d = dirIds.size();
      dirIds.put(dir, d);
      dirs.append(d == 0 ? "" : ",");
      HtmlJson.string(dirs, dir);
    }
    files.append(id == 0 ? "[" : ",[").append(d).append(',');
    HtmlJson.string(files, path.substring(cut));
    files.append(']');
  }

  private static void cell(StringBuilder sb, MetricCell c, int timeBuckets, CellComparison cc) {
    int decimals = c.metric().decimals();
    sb.append("{\"metric\":");
    HtmlJson.string(sb, c.metric().key());
    sb.append(",\"status\":");
    HtmlJson.string(sb, c.status().name());
    sb.append(",\"values\":[");
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      HtmlJson.number(sb, v[i], decimals + 2);
    }
    sb.append(']');
    stat(sb, "last", c.last(), decimals);
    stat(sb, "median", c.median(), decimals);
    stat(sb, "min", c.min(), decimals);
    stat(sb, "max", c.max(), decimals);
    stat(sb, "warn_bound", c.threshold().warn(), decimals + 2);
    stat(sb, "crit_bound", c.threshold().crit(), decimals + 2);
    sb.append(",\"warn_events\":").append(c.warnEvents());
    sb.append(",\"crit_events\":").append(c.critEvents());
    sb.append(",\"first_bad\":").append(c.firstBad());
    sb.append(",\"last_bad\":").append(c.lastBad());
    violating(sb, c);
    worst(sb, c.worst(), decimals);
    trend(sb, c, timeBuckets);
    changePoints(sb, c, decimals);
    baseline(sb, cc, decimals);
    sb.append('}');
  }

  private static void stat(StringBuilder sb, String name, double value, int decimals) {
    sb.append(",\"").append(name).append("\":");
    HtmlJson.number(sb, value, decimals);
  }

  /** The windows past a bound, by level: the same rule as the violation events. */
  private static void violating(StringBuilder sb, MetricCell c) {
    StringBuilder crit = new StringBuilder();
    sb.append(",\"warn_windows\":[");
    if (c.badWindows() > 0) {
      int[] w = c.windows();
      double[] v = c.values();
      Direction dir = c.metric().direction();
      boolean firstWarn = true;
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          continue;
        }
        Level level = c.threshold().levelOf(v[i], dir);
        if (level == Level.CRIT) {
          crit.append(crit.length() == 0 ? "" : ",").append(w[i]);
        } else if (level == Level.WARN) {
          sb.append(firstWarn ? "" : ",").append(w[i]);
          firstWarn = false;
        }
      }
    }
    sb.append("],\"crit_windows\":[").append(crit).append(']');
  }

  private static void worst(StringBuilder sb, Violation w, int decimals) {
    sb.append(",\"worst\":");
    if (w == null) {
      sb.append("null");
      return;
    }
    sb.append("{\"level\":");
    HtmlJson.string(sb, w.level().name());
    sb.append(",\"window_index\":").append(w.windowIndex());
    stat(sb, "value", w.value(), decimals);
    stat(sb, "bound", w.threshold(), decimals + 2);
    sb.append('}');
  }

  /**
   * The trend as the reports state it, and the straight line to draw: the slope through the mean of
   * the values (OLS passes through it). With --time-buckets K the slope is per bucket, so per
   * window it is slope / K.
   */
  private static void trend(StringBuilder sb, MetricCell c, int timeBuckets) {
    sb.append(",\"trend\":{\"arrow\":");
    HtmlJson.string(sb, c.trend().trend().symbol());
    sb.append(",\"significant\":").append(c.trend().significant());
    sb.append(",\"p_value\":");
    HtmlJson.number(sb, c.trend().pValue());
    sb.append(",\"slope\":");
    HtmlJson.number(sb, c.trend().slope());
    sb.append(",\"slope_normalized\":");
    HtmlJson.number(sb, c.trend().normalizedSlope());
    sb.append(",\"line\":");
    int[] w = c.windows();
    double[] v = c.values();
    double slope = c.trend().slope();
    int n = 0;
    double sx = 0;
    double sy = 0;
    int firstX = 0;
    int lastX = 0;
    for (int i = 0; i < v.length; i++) {
      if (!Double.isNaN(v[i])) {
        firstX = n == 0 ? w[i] : firstX;
        lastX = w[i];
        sx += w[i];
        sy += v[i];
        n++;
      }
    }
    if (n < 2 || !Double.isFinite(slope)) {
      sb.append("null}");
      return;
    }
    double perWindow = slope / timeBuckets;
    double mx = sx / n;
    double my = sy / n;
    sb.append('[').append(firstX).append(',');
    int decimals = c.metric().decimals() + 2;
    HtmlJson.number(sb, my + perWindow * (firstX - mx), decimals);
    sb.append(',').append(lastX).append(',');
    HtmlJson.number(sb, my + perWindow * (lastX - mx), decimals);
    sb.append("]}");
  }

  /**
   * The baseline's level for this cell when runs were compared: {median, mean, change_pct, p_value,
   * status}; null without a baseline or for a cell the baseline lacks.
   */
  private static void baseline(StringBuilder sb, CellComparison cc, int decimals) {
    SampleStats b = cc == null ? null : cc.baseline();
    if (b == null) {
      sb.append(",\"baseline\":null");
      return;
    }
    sb.append(",\"baseline\":{\"median\":");
    HtmlJson.number(sb, b.median(), decimals + 2);
    sb.append(",\"mean\":");
    HtmlJson.number(sb, b.mean(), decimals + 2);
    sb.append(",\"change_pct\":");
    HtmlJson.number(sb, cc.changePct(), 1);
    sb.append(",\"p_value\":");
    HtmlJson.number(sb, cc.pValue());
    sb.append(",\"status\":");
    HtmlJson.string(sb, cc.status().name());
    sb.append('}');
  }

  /**
   * Every significant shift of level, in window order, each with the windows it is likely to be in
   * ({@code window_range}, 90%).
   */
  private static void changePoints(StringBuilder sb, MetricCell c, int decimals) {
    sb.append(",\"change_points\":[");
    List<ChangePoint> shifts =
        c.changePoints().isEmpty() && c.changePoint() != null
            ? List.of(c.changePoint())
            : c.changePoints();
    for (int i = 0; i < shifts.size(); i++) {
      ChangePoint cp = shifts.get(i);
      sb.append(i == 0 ? "{" : ",{").append("\"window_index\":").append(cp.windowIndex());
      stat(sb, "before", cp.before(), decimals);
      stat(sb, "after", cp.after(), decimals);
      sb.append(",\"p_value\":");
      HtmlJson.number(sb, cp.pValue());
      sb.append(",\"window_range\":{\"from\":")
          .append(cp.windowLo())
          .append(",\"to\":")
          .append(cp.windowHi())
          .append("}}");
    }
    sb.append(']');
  }
}
