package dev.soakanalyzer.core.report;

import static dev.soakanalyzer.core.report.GitHubMarkdown.IMPORTANCE;
import static dev.soakanalyzer.core.report.GitHubMarkdown.cell;
import static dev.soakanalyzer.core.report.GitHubMarkdown.chartBlock;
import static dev.soakanalyzer.core.report.GitHubMarkdown.code;
import static dev.soakanalyzer.core.report.GitHubMarkdown.commit;
import static dev.soakanalyzer.core.report.GitHubMarkdown.countsLine;
import static dev.soakanalyzer.core.report.GitHubMarkdown.mark;
import static dev.soakanalyzer.core.report.GitHubMarkdown.number;
import static dev.soakanalyzer.core.report.GitHubMarkdown.status;
import static dev.soakanalyzer.core.report.GitHubMarkdown.symbolRowStart;
import static dev.soakanalyzer.core.report.GitHubMarkdown.windowsLine;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SkippedFile;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The job-summary report: verdict, per-symbol table with sparklines, worst violation events, charts
 * of the violating metrics and data quality. Fits a byte budget (GitHub's 1 MiB step-summary
 * limit): when it would not, the least important rows go first (data-quality lines, then OK
 * symbols, WARN events, WARN symbols...) and a note says what was left out.
 */
public final class StepSummaryRenderer {

  static final int MAX_EVENT_ROWS = 100;
  static final int MAX_CHARTS = 20;
  static final int MAX_QUALITY_ROWS = 50;
  private static final int NOTE_RESERVE = 512;

  /**
   * @param outDir where the full reports are, named in the title and the notes
   * @param artifacts report file names
   * @param maxBytes room left in the step summary (UTF-8 bytes)
   * @param commitFallback shown as the commit when the input carries none, or null
   */
  public record Options(
      String outDir, List<String> artifacts, int maxBytes, String commitFallback) {
    public Options {
      artifacts = List.copyOf(artifacts);
    }

    public Options(String outDir, List<String> artifacts, int maxBytes) {
      this(outDir, artifacts, maxBytes, null);
    }
  }

  private StepSummaryRenderer() {}

  /** The Markdown to append, at most {@code maxBytes} UTF-8 bytes; empty if nothing fits. */
  public static String render(Analysis a, Options o) {
    List<MetricDef> metrics = a.catalog().metrics();
    List<Item> items = new ArrayList<>();

    // Section 0: title and verdict (always).
    StringBuilder head = new StringBuilder();
    head.append("## 🧪 Soak Analysis — ").append(code(o.outDir())).append("\n\n");
    head.append(windowsLine(a))
        .append(" | **Symbols:** ")
        .append(a.symbols().size())
        .append("\n\n");
    if (a.insufficientWindows()) {
      head.append("> ").append(AnalysisReportRenderer.insufficientWindowsWarning(a)).append("\n\n");
    }
    head.append("**Commit:** ")
        .append(commit(a, o.commitFallback()))
        .append(" | **Profile:** ")
        .append(code(a.meta().profile()))
        .append(" | **Source:** ")
        .append(code(a.meta().source()))
        .append("\n\n");
    head.append(countsLine(a))
        .append(" (cells); ")
        .append(a.violations().size())
        .append(" violation events\n\n");
    String baselineLine = ComparisonText.baselineLine(a, true);
    if (baselineLine != null) {
      head.append(baselineLine).append("\n\n");
    }
    head.append(ComparisonText.worseThan(a, "###", 20));
    items.add(Item.fixed(Section.HEAD, head.toString()));

    // Section 1: the symbol table (fits GitHub's 1012 px summary page: one column per metric).
    StringBuilder th = new StringBuilder("### Symbols\n\n| Symbol | Status |");
    StringBuilder sep = new StringBuilder("|--------|--------|");
    for (MetricDef m : metrics) {
      th.append(' ').append(cell(m.shortLabel(), 40)).append(" |");
      sep.append("------|");
    }
    th.append('\n');
    sep.append('\n');
    items.add(Item.fixed(Section.TABLE_HEAD, th.toString() + sep));
    List<SymbolAnalysis> ranked = new ArrayList<>(a.symbols());
    ranked.sort(a.compared() ? ComparisonText.importance(a) : IMPORTANCE);
    int rank = 0;
    for (SymbolAnalysis s : ranked) {
      int priority =
          switch (s.verdict()) {
            case CRIT -> 1;
            case WARN -> 4;
            case OK -> 6;
          };
      // Shown CRIT, WARN, OK, then by symbol: the sequence is the rank.
      items.add(new Item(Section.TABLE_ROWS, rank, priority, rank, symbolRow(a, s), Kind.SYMBOL));
      rank++;
    }
    items.add(
        Item.fixed(
            Section.TABLE_END,
            SignalText.anySignificant(a) ? "\n" + SignalText.STAR_NOTE + "\n\n" : "\n"));

    // Section 2: what failed, one row per violated cell, worst first.
    List<FailedCells.FailedCell> failed = FailedCells.of(a);
    if (!failed.isEmpty()) {
      items.add(Item.fixed(Section.EVENTS_HEAD, "### What failed\n\n" + FailedCells.TABLE_HEAD));
      int seq = 0;
      for (FailedCells.FailedCell f : failed) {
        if (seq >= MAX_EVENT_ROWS) {
          break;
        }
        items.add(
            new Item(
                Section.EVENTS_ROWS,
                seq,
                f.level() == Level.CRIT ? 2 : 5,
                seq,
                FailedCells.row(f, status(f.level())),
                Kind.EVENT));
        seq++;
      }
      String more =
          failed.size() > MAX_EVENT_ROWS
              ? "\n_"
                  + (failed.size() - MAX_EVENT_ROWS)
                  + " more violated cells in POST\\_SOAK\\_ANALYSIS.md._\n\n"
              : "\n";
      items.add(Item.fixed(Section.EVENTS_END, more));
    }

    // Section 3: charts of violating cells, worst first.
    List<String> charts = new ArrayList<>();
    for (FailedCells.FailedCell f : failed) {
      if (charts.size() < MAX_CHARTS) {
        charts.add(chartBlock(f, a));
      }
    }
    if (!charts.isEmpty()) {
      items.add(Item.fixed(Section.CHARTS_HEAD, "### Violating metrics over the windows\n\n"));
      for (int i = 0; i < charts.size(); i++) {
        items.add(new Item(Section.CHARTS, i, 3, i, charts.get(i), Kind.CHART));
      }
    }

    // Section 4: data quality.
    List<String> quality = new ArrayList<>();
    String noData = GitHubMarkdown.noDataLine(a);
    if (noData != null) {
      quality.add("- " + noData + "\n");
    }
    for (SkippedFile f : a.quality().skipped()) {
      quality.add("- skipped " + cell(f.file(), 200) + ": " + cell(f.reason(), 200) + "\n");
    }
    for (String w : a.quality().warnings()) {
      quality.add("- " + cell(w, 300) + "\n");
    }
    if (!quality.isEmpty()) {
      items.add(
          Item.fixed(
              Section.QUALITY_HEAD,
              "### Data quality\n\nFiles matched: "
                  + a.quality().filesMatched()
                  + ", used: "
                  + a.quality().filesUsed()
                  + ", skipped: "
                  + a.quality().skipped().size()
                  + "\n\n"));
      for (int i = 0; i < Math.min(quality.size(), MAX_QUALITY_ROWS); i++) {
        items.add(new Item(Section.QUALITY_ROWS, i, 7, i, quality.get(i), Kind.QUALITY));
      }
      items.add(Item.fixed(Section.QUALITY_END, "\n"));
    }

    List<String> names = new ArrayList<>();
    o.artifacts().forEach(n -> names.add(cell(n, 80)));
    items.add(
        Item.fixed(
            Section.ARTIFACTS,
            "**Artifacts** in "
                + code(o.outDir())
                + ": "
                + String.join(", ", names)
                + "\n"
                + HtmlReportRenderer.whereLine(o.artifacts(), o.outDir())));

    return fit(items, o.maxBytes(), o.outDir());
  }

  private static String fit(List<Item> items, int maxBytes, String outDir) {
    int budget = maxBytes - NOTE_RESERVE;
    int used = 0;
    for (Item i : items) {
      if (i.priority() == 0) {
        used += i.bytes();
      }
    }
    if (used > budget) {
      return "";
    }
    List<Item> optional = new ArrayList<>(items.stream().filter(i -> i.priority() > 0).toList());
    optional.sort(Comparator.comparingInt(Item::priority).thenComparingInt(Item::rank));
    int[] omitted = new int[Kind.values().length];
    List<Item> kept = new ArrayList<>(items.stream().filter(i -> i.priority() == 0).toList());
    boolean full = false;
    for (Item i : optional) {
      if (!full && used + i.bytes() <= budget) {
        used += i.bytes();
        kept.add(i);
      } else {
        full = true; // keep importance order strict: nothing less important jumps the queue
        omitted[i.kind().ordinal()]++;
      }
    }
    kept.sort(Comparator.comparing(Item::section).thenComparingInt(Item::seq));
    StringBuilder out = new StringBuilder(used + NOTE_RESERVE);
    kept.forEach(i -> out.append(i.text()));
    if (full) {
      List<String> parts = new ArrayList<>();
      for (Kind k : Kind.values()) {
        if (omitted[k.ordinal()] > 0 && k != Kind.FIXED) {
          parts.add(omitted[k.ordinal()] + " " + k.label);
        }
      }
      out.append(
              "\n> ✂️ Trimmed to stay under GitHub's 1 MiB step summary limit (least important rows first): omitted ")
          .append(String.join(", ", parts))
          .append(". The full report is POST_SOAK_ANALYSIS.md in ")
          .append(code(outDir))
          .append(".\n");
    }
    return out.toString();
  }

  private static String symbolRow(Analysis a, SymbolAnalysis s) {
    StringBuilder r = symbolRowStart(s, 160);
    for (MetricCell c : s.cells()) {
      r.append(' ');
      if (!c.hasData()) {
        r.append("➖ no data |");
        continue;
      }
      r.append(mark(c.status()))
          .append(number(c.last(), c.metric().decimals()))
          .append(ComparisonText.mark(a, s.symbol(), c.metric().key(), true))
          .append(' ')
          .append(SignalText.arrow(c))
          .append(' ')
          .append(spark(c.plotPoints()))
          .append(" |");
    }
    r.append('\n');
    return r.toString();
  }

  static String cellStatus(CellStatus s) {
    return s == CellStatus.NO_DATA ? "— no data" : status(s.level());
  }

  /** Sparkline of the plotted points, 8 wide. */
  static String spark(double[] points) {
    return Sparkline.render(points, Sparkline.NARROW);
  }

  static int utf8Length(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Document order of the parts. */
  enum Section {
    HEAD,
    TABLE_HEAD,
    TABLE_ROWS,
    TABLE_END,
    EVENTS_HEAD,
    EVENTS_ROWS,
    EVENTS_END,
    CHARTS_HEAD,
    CHARTS,
    QUALITY_HEAD,
    QUALITY_ROWS,
    QUALITY_END,
    ARTIFACTS
  }

  /** What a droppable row is, for the trim note. */
  enum Kind {
    FIXED("parts"),
    SYMBOL("symbol rows"),
    EVENT("violated-cell rows"),
    CHART("charts"),
    QUALITY("data-quality lines");

    private final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * One piece of the document.
   *
   * @param priority 0 = always kept; higher numbers are dropped first
   * @param rank order within a priority (lower kept first)
   */
  record Item(Section section, int seq, int priority, int rank, String text, Kind kind) {
    static Item fixed(Section section, String text) {
      return new Item(section, 0, 0, 0, text, Kind.FIXED);
    }

    int bytes() {
      return utf8Length(text);
    }
  }
}
