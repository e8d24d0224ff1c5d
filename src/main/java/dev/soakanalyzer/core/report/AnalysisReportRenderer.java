package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.Threshold;
import dev.soakanalyzer.core.model.Violation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * POST_SOAK_ANALYSIS.md: the guide's header, Summary Table, Violations Summary and Final Verdict,
 * then per-symbol details, the worst windows, thresholds and data quality.
 */
public final class AnalysisReportRenderer {
  /** Long lists (skipped files, warnings, worst windows) stop here and say how many more. */
  static final int LIST_LIMIT = 50;

  static final int TOP_VIOLATIONS = 20;

  private static final DateTimeFormatter GENERATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  public String render(Analysis a) {
    return TextSink.collect(4096 + a.symbols().size() * 1024, sink -> render(a, sink));
  }

  /** Streams the report to {@code sink} in pieces (a few thousand symbols make megabytes). */
  public void render(Analysis a, TextSink sink) {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("# Post-Soak Analysis Report\n\n");
    sb.append("Generated: ").append(GENERATED.format(a.generatedAt())).append("\n");
    sb.append("Windows analyzed: ").append(a.windows()).append("\n");
    sb.append("Min windows required: ").append(a.minWindowsRequired()).append("\n");
    if (a.timeBuckets() > 1) {
      sb.append("Time buckets: ").append(a.timeBuckets()).append(" windows per point\n");
    }
    if (a.insufficientWindows()) {
      sb.append("\n").append(insufficientWindowsWarning(a)).append("\n");
    }
    summaryTable(sb, a, sink);
    if (SignalText.anySignificant(a)) {
      sb.append('\n').append(SignalText.STAR_NOTE).append('\n');
    }
    violationsSummary(sb, a);
    sb.append("\n## Final Verdict\n\n")
        .append(StatusLabels.verdictLine(a.verdict(), a.counts().noData()))
        .append("\n");
    sb.append(ComparisonText.reportSection(a));
    symbolDetails(sb, a, sink);
    worstWindows(sb, a);
    levelShifts(sb, a);
    thresholds(sb, a);
    dataQuality(sb, a);
    sink.write(sb);
  }

  /** The guide's warning line for a short run. */
  public static String insufficientWindowsWarning(Analysis a) {
    return StatusLabels.icon(Level.WARN)
        + " WARNING: Only "
        + a.windows()
        + " windows analyzed ("
        + a.minWindowsRequired()
        + " required for statistical significance)";
  }

  private static void summaryTable(StringBuilder sb, Analysis a, TextSink sink) {
    sb.append("\n## Summary Table\n\n| Symbol |");
    for (MetricDef m : a.catalog().metrics()) {
      sb.append(' ').append(m.tableHeader()).append(" | Sparkline | Trend | Status |");
    }
    sb.append("\n|--------|");
    for (int i = 0; i < a.catalog().size(); i++) {
      sb.append("------|-----------|-------|--------|");
    }
    sb.append('\n');
    for (SymbolAnalysis s : a.symbols()) {
      sb.append("| ").append(Markdown.escapeCell(s.symbol())).append(" |");
      for (MetricCell c : s.cells()) {
        sb.append(' ')
            .append(Numbers.format(c.last(), c.metric().decimals()))
            .append(" | ")
            .append(Sparkline.render(c.plotPoints(), Sparkline.WIDE))
            .append(" | ")
            .append(SignalText.arrow(c))
            .append(" | ")
            .append(StatusLabels.of(c.status()))
            .append(" |");
      }
      sb.append('\n');
      TextSink.flushIfLarge(sb, sink);
    }
  }

  private static void violationsSummary(StringBuilder sb, Analysis a) {
    sb.append("\n## Violations Summary\n\n");
    sb.append(StatusLabels.countLines(a.counts().crit(), a.counts().warn(), a.counts().ok()));
    if (a.counts().noData() > 0) {
      sb.append("- ➖ NO_DATA: ").append(a.counts().noData()).append('\n');
    }
    sb.append("\nCounts are symbol x metric cells at their worst level; ")
        .append(a.violations().size())
        .append(" violation events in ")
        .append(a.windows())
        .append(" windows (VIOLATIONS.json).\n");
  }

  private static void symbolDetails(StringBuilder sb, Analysis a, TextSink sink) {
    sb.append("\n## Symbol Details\n");
    for (SymbolAnalysis s : a.symbols()) {
      TextSink.flushIfLarge(sb, sink);
      sb.append("\n### ")
          .append(Markdown.escapeCell(s.symbol()))
          .append(" — ")
          .append(StatusLabels.of(s.verdict()))
          .append(" (")
          .append(s.windowCount())
          .append(s.windowCount() == 1 ? " window)\n\n" : " windows)\n\n");
      sb.append(
          "| Metric | Last | Min | Median | Max | Trend | Slope (norm.) | p-value | WARN | CRIT | Worst window |\n");
      sb.append(
          "|--------|------|-----|--------|-----|-------|---------------|---------|------|------|--------------|\n");
      for (MetricCell c : s.cells()) {
        int d = c.metric().decimals();
        sb.append("| ")
            .append(c.metric().key())
            .append(" | ")
            .append(Numbers.format(c.last(), d))
            .append(" | ")
            .append(Numbers.format(c.min(), d))
            .append(" | ")
            .append(Numbers.format(c.median(), d))
            .append(" | ")
            .append(Numbers.format(c.max(), d))
            .append(" | ")
            .append(SignalText.arrow(c))
            .append(" | ")
            .append(c.valueCount() >= 2 ? Numbers.format(c.trend().normalizedSlope(), 4) : "n/a")
            .append(" | ")
            .append(pValue(c.trend().pValue()))
            .append(" | ")
            .append(c.warnEvents())
            .append(" | ")
            .append(c.critEvents())
            .append(" | ")
            .append(c.worst() == null ? "—" : worstCell(c.worst(), c.metric()))
            .append(" |\n");
      }
    }
  }

  private static String pValue(double p) {
    return Double.isFinite(p) && p < 0.0001 ? "<0.0001" : Numbers.format(p, 4);
  }

  private static String worstCell(Violation v, MetricDef m) {
    return "#" + v.windowIndex() + " (" + Numbers.withUnit(v.value(), m.decimals(), m.unit()) + ")";
  }

  /** One row per violated cell, worst first (see {@link FailedCells}). */
  private static void worstWindows(StringBuilder sb, Analysis a) {
    List<FailedCells.FailedCell> failed = FailedCells.of(a);
    if (failed.isEmpty()) {
      return;
    }
    sb.append("\n## Top Violations\n\n");
    sb.append(FailedCells.TABLE_HEAD);
    List<FailedCells.FailedCell> top = failed.subList(0, Math.min(TOP_VIOLATIONS, failed.size()));
    for (FailedCells.FailedCell f : top) {
      sb.append(FailedCells.row(f, StatusLabels.of(f.level())));
    }
    if (failed.size() > top.size()) {
      sb.append("\n… and ")
          .append(failed.size() - top.size())
          .append(" more violated cells; every violation event is in VIOLATIONS.json.\n");
    }
  }

  /** One sentence per violating cell whose level shifted: when it changed, not only that. */
  private static void levelShifts(StringBuilder sb, Analysis a) {
    List<SignalText.Shift> shifts = SignalText.shifts(a);
    if (shifts.isEmpty()) {
      return;
    }
    sb.append("\n## Level Shifts\n\n");
    shifts.stream()
        .limit(LIST_LIMIT)
        .forEach(
            s ->
                sb.append("- ")
                    .append(Markdown.escapeCell(s.symbol()))
                    .append(' ')
                    .append(s.sentence())
                    .append(" (p ")
                    .append(pValue(s.changePoint().pValue()).startsWith("<") ? "" : "= ")
                    .append(pValue(s.changePoint().pValue()))
                    .append(").\n"));
    if (shifts.size() > LIST_LIMIT) {
      sb.append("- … and ").append(shifts.size() - LIST_LIMIT).append(" more\n");
    }
  }

  /** The thresholds in force: the defaults, then the per-symbol ones of the analysed symbols. */
  private static void thresholds(StringBuilder sb, Analysis a) {
    sb.append(
        "\n## Thresholds\n\n| Metric | Bad when | WARN | CRIT |\n|--------|----------|------|------|\n");
    List<String> overrides = new java.util.ArrayList<>();
    for (MetricDef m : a.catalog().metrics()) {
      thresholdRow(sb, m.key(), m, a.thresholds().defaults().get(m.key()));
      for (SymbolAnalysis s : a.symbols()) {
        var own = a.thresholds().perSymbol().get(s.symbol());
        if (own != null && own.containsKey(m.key())) {
          StringBuilder row = new StringBuilder();
          thresholdRow(
              row, m.key() + " (" + Markdown.escapeCell(s.symbol()) + ")", m, own.get(m.key()));
          overrides.add(row.toString());
        }
      }
    }
    if (!overrides.isEmpty()) {
      sb.append("\nPer-symbol thresholds (thresholds file):\n\n")
          .append(
              "| Metric (symbol) | Bad when | WARN | CRIT |\n|--------|----------|------|------|\n");
      overrides.stream().limit(LIST_LIMIT).forEach(sb::append);
      if (overrides.size() > LIST_LIMIT) {
        sb.append("\n… and ").append(overrides.size() - LIST_LIMIT).append(" more\n");
      }
    }
  }

  private static void thresholdRow(StringBuilder sb, String label, MetricDef m, Threshold t) {
    sb.append("| ")
        .append(label)
        .append(" | ")
        .append(m.direction() == Direction.LOW_IS_BAD ? "low" : "high")
        .append(" | ");
    if (t == null) {
      sb.append("n/a | n/a |\n");
      return;
    }
    sb.append(m.direction().badSide())
        .append(' ')
        .append(Numbers.bound(t.warn(), m.decimals()))
        .append(" | ")
        .append(m.direction().badSide())
        .append(' ')
        .append(Numbers.bound(t.crit(), m.decimals()))
        .append(" |\n");
  }

  private static void dataQuality(StringBuilder sb, Analysis a) {
    var q = a.quality();
    sb.append("\n## Data Quality\n\n");
    sb.append("- Files matched: ").append(q.filesMatched()).append('\n');
    sb.append("- Files used: ").append(q.filesUsed()).append('\n');
    sb.append("- Files skipped: ").append(q.skipped().size()).append('\n');
    limitedList(
        sb,
        "\nMetrics with no data in any window (NO_DATA, not counted):\n\n",
        FailedCells.noData(a),
        Markdown::escapeCell);
    limitedList(
        sb,
        "\nSkipped files:\n\n",
        q.skipped(),
        f -> Markdown.code(f.file()) + ": " + Markdown.escapeCell(f.reason()));
    limitedList(sb, "\nWarnings:\n\n", q.warnings(), Markdown::escapeCell);
  }

  /** A titled list of at most {@link #LIST_LIMIT} items and a line saying how many more. */
  private static <T> void limitedList(
      StringBuilder sb, String title, List<T> items, java.util.function.Function<T, String> line) {
    if (items.isEmpty()) {
      return;
    }
    sb.append(title);
    for (int i = 0; i < items.size(); i++) {
      if (i == LIST_LIMIT) {
        sb.append("- … and ").append(items.size() - LIST_LIMIT).append(" more\n");
        break;
      }
      sb.append("- ").append(line.apply(items.get(i))).append('\n');
    }
  }
}
