package dev.soakanalyzer.core.report;

import static dev.soakanalyzer.core.report.GitHubMarkdown.IMPORTANCE;
import static dev.soakanalyzer.core.report.GitHubMarkdown.cell;
import static dev.soakanalyzer.core.report.GitHubMarkdown.chartBlock;
import static dev.soakanalyzer.core.report.GitHubMarkdown.code;
import static dev.soakanalyzer.core.report.GitHubMarkdown.countsLine;
import static dev.soakanalyzer.core.report.GitHubMarkdown.number;
import static dev.soakanalyzer.core.report.GitHubMarkdown.status;
import static dev.soakanalyzer.core.report.GitHubMarkdown.windowsLine;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SkippedFile;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.Violation;
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
   */
  public record Options(String outDir, List<String> artifacts, int maxBytes) {
    public Options {
      artifacts = List.copyOf(artifacts);
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
        .append(code(a.meta().commitRange()))
        .append(" | **Profile:** ")
        .append(code(a.meta().profile()))
        .append(" | **Source:** ")
        .append(code(a.meta().source()))
        .append("\n\n");
    head.append(countsLine(a))
        .append(" (cells); ")
        .append(a.violations().size())
        .append(" violation events\n\n");
    items.add(Item.fixed(Section.HEAD, head.toString()));

    // Section 1: the symbol table.
    StringBuilder th = new StringBuilder("### Symbols\n\n| Symbol |");
    StringBuilder sep = new StringBuilder("|--------|");
    for (MetricDef m : metrics) {
      th.append(' ').append(cell(m.shortLabel(), 40)).append(" | Sparkline | Trend | Status |");
      sep.append("------|-----------|-------|--------|");
    }
    th.append(" Verdict |\n");
    sep.append("---------|\n");
    items.add(Item.fixed(Section.TABLE_HEAD, th.toString() + sep));
    List<SymbolAnalysis> ranked = new ArrayList<>(a.symbols());
    ranked.sort(IMPORTANCE);
    java.util.Map<SymbolAnalysis, Integer> position = new java.util.IdentityHashMap<>();
    for (int i = 0; i < a.symbols().size(); i++) {
      position.put(a.symbols().get(i), i);
    }
    int rank = 0;
    for (SymbolAnalysis s : ranked) {
      int priority =
          switch (s.verdict()) {
            case CRIT -> 1;
            case WARN -> 4;
            case OK -> 6;
          };
      // Shown in symbol order when everything fits: the sequence is the original position.
      items.add(
          new Item(
              Section.TABLE_ROWS, position.get(s), priority, rank++, symbolRow(s), Kind.SYMBOL));
    }
    items.add(
        Item.fixed(
            Section.TABLE_END,
            SignalText.anySignificant(a) ? "\n" + SignalText.STAR_NOTE + "\n\n" : "\n"));

    // Section 2: worst violation events.
    if (!a.violations().isEmpty()) {
      items.add(
          Item.fixed(
              Section.EVENTS_HEAD,
              "### Worst violations\n\n| Level | Symbol | Metric | Window | Value | Threshold | Note |\n|-------|--------|--------|--------|-------|-----------|------|\n"));
      int seq = 0;
      for (Violation v : a.violations()) {
        if (seq >= MAX_EVENT_ROWS) {
          break;
        }
        items.add(
            new Item(
                Section.EVENTS_ROWS,
                seq,
                v.level() == Level.CRIT ? 2 : 5,
                seq,
                eventRow(a, v),
                Kind.EVENT));
        seq++;
      }
      String more =
          a.violations().size() > MAX_EVENT_ROWS
              ? "\n_"
                  + (a.violations().size() - MAX_EVENT_ROWS)
                  + " more events in VIOLATIONS.json._\n\n"
              : "\n";
      items.add(Item.fixed(Section.EVENTS_END, more));
    }

    // Section 3: charts of violating cells, worst first.
    List<String> charts = new ArrayList<>();
    for (SymbolAnalysis s : ranked) {
      for (MetricCell c : s.cells()) {
        if ((c.status() == CellStatus.CRIT || c.status() == CellStatus.WARN)
            && charts.size() < MAX_CHARTS) {
          charts.add(chartBlock(s, c));
        }
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
            "**Artifacts** in " + code(o.outDir()) + ": " + String.join(", ", names) + "\n"));

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

  private static String symbolRow(SymbolAnalysis s) {
    StringBuilder r = new StringBuilder(160);
    r.append("| ").append(cell(s.symbol(), 64)).append(" |");
    for (MetricCell c : s.cells()) {
      r.append(' ')
          .append(c.hasData() ? number(c.last(), c.metric().decimals()) : "n/a")
          .append(" | ")
          .append(c.hasData() ? spark(c.plotPoints()) : "n/a")
          .append(" | ")
          .append(SignalText.arrow(c))
          .append(" | ")
          .append(cellStatus(c.status()))
          .append(" |");
    }
    r.append(' ').append(status(s.verdict())).append(" |\n");
    return r.toString();
  }

  private static String eventRow(Analysis a, Violation v) {
    int decimals = a.catalog().find(v.metric()).map(MetricDef::decimals).orElse(3);
    return "| "
        + status(v.level())
        + " | "
        + cell(v.symbol(), 64)
        + " | "
        + cell(v.metric(), 40)
        + " | "
        + v.windowIndex()
        + " | "
        + number(v.value(), decimals)
        + " | "
        + number(v.threshold(), decimals)
        + " | "
        + cell(v.note(), 160)
        + " |\n";
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
    EVENT("violation rows"),
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
