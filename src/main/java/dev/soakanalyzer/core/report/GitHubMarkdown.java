package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellComparison;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Markdown pieces the PR comment and the job summary share: labels, the windows and counts
 * lines, metadata spans, escaped cells, the importance order and the chart of a violating cell.
 */
final class GitHubMarkdown {
  private static final StatusLabels.Surface GITHUB = StatusLabels.Surface.GITHUB;

  private GitHubMarkdown() {}

  /** Rows CRIT, WARN, OK, then by symbol: what reviewers scan for comes first. */
  static final Comparator<SymbolAnalysis> IMPORTANCE =
      Comparator.comparing(SymbolAnalysis::verdict, Comparator.reverseOrder())
          .thenComparing(SymbolAnalysis::symbol);

  /** Entries of a data-quality list at most. */
  static final int MAX_LIST = 20;

  /** {@code 🔴 **CRIT**}. */
  static String verdictBadge(Level level) {
    return GITHUB.icon(level) + " **" + level.name() + "**";
  }

  /** {@code 🔴 CRIT}. */
  static String status(Level level) {
    return GITHUB.label(level);
  }

  /**
   * {@code **Windows:** n (min=m) | **Verdict:** badge}, without a line end; cells without data are
   * named after the verdict, so an OK run never reads as "all within thresholds" when data is
   * missing.
   */
  static String windowsLine(Analysis a) {
    return "**Windows:** "
        + a.windows()
        + " (min="
        + a.minWindowsRequired()
        + ") | **Verdict:** "
        + verdictBadge(a.verdict())
        + noDataNote(a);
  }

  /** After an OK verdict with cells without data: say so, never "all within thresholds". */
  static String noDataNote(Analysis a) {
    int n = a.counts().noData();
    if (n == 0) {
      return "";
    }
    return a.verdict() == Level.OK
        ? " — no threshold crossed; " + n + " metric(s) had no data"
        : " | ➖ " + n + " metric(s) had no data";
  }

  /** {@code 🔴 } before the value of a failing cell, nothing for OK. */
  static String mark(CellStatus status) {
    return switch (status) {
      case CRIT, WARN -> GITHUB.icon(status.level()) + " ";
      case OK, NO_DATA -> "";
    };
  }

  /** The commit of the input, else the fallback (the PR's base..head), else {@code n/a}. */
  static String commit(Analysis a, String fallback) {
    String c = a.meta().commitRange();
    return code(c == null || c.isBlank() ? fallback : c);
  }

  /** "What failed": one row per violated cell, worst first, at most {@code max} rows. */
  static String whatFailed(Analysis a, String heading, int max, String fullReport) {
    List<FailedCells.FailedCell> failed = FailedCells.of(a);
    if (failed.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(heading).append("\n\n").append(FailedCells.TABLE_HEAD);
    for (int i = 0; i < Math.min(max, failed.size()); i++) {
      b.append(FailedCells.row(failed.get(i), status(failed.get(i).level())));
    }
    if (failed.size() > max) {
      b.append("\n_… and ")
          .append(failed.size() - max)
          .append(" more violated cells in ")
          .append(fullReport)
          .append("._\n");
    }
    return b.append('\n').toString();
  }

  /** {@code ➖ No data (not counted): BTCUSDT risk_ratio, ...}, or null when every cell had data. */
  static String noDataLine(Analysis a) {
    List<String> noData = FailedCells.noData(a);
    if (noData.isEmpty()) {
      return null;
    }
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_LIST, noData.size()); i++) {
      shown.add(cell(noData.get(i), 120));
    }
    return "➖ No data (not counted): "
        + String.join(", ", shown)
        + (noData.size() > MAX_LIST ? " and " + (noData.size() - MAX_LIST) + " more" : "");
  }

  /**
   * {@code **Violations:** 🔴 CRIT: n | 🟡 WARN: n | ✅ OK: n}, and {@code | ➖ NO DATA: n} when
   * cells had no data; without a line end.
   */
  static String countsLine(Analysis a) {
    return "**Violations:** "
        + status(Level.CRIT)
        + ": "
        + a.counts().crit()
        + " | "
        + status(Level.WARN)
        + ": "
        + a.counts().warn()
        + " | "
        + status(Level.OK)
        + ": "
        + a.counts().ok()
        + (a.counts().noData() > 0 ? " | ➖ NO DATA: " + a.counts().noData() : "");
  }

  /** A symbol row's first two cells, {@code | SYMBOL | 🔴 CRIT |}, in a builder to go on with. */
  static StringBuilder symbolRowStart(SymbolAnalysis s, int capacity) {
    return new StringBuilder(capacity)
        .append("| ")
        .append(cell(s.symbol(), 64))
        .append(" | ")
        .append(status(s.verdict()))
        .append(" |");
  }

  /** Metadata in a code span when it is plain, else as escaped text; {@code n/a} when unknown. */
  static String code(String value) {
    if (value == null || value.isBlank()) {
      return "n/a";
    }
    if (value.matches("[A-Za-z0-9._:/+=$-]{1,80}")) {
      return "`" + value + "`";
    }
    return cell(value, 80);
  }

  /** Text from input files, escaped and cut to {@code maxCodePoints}. */
  static String cell(String s, int maxCodePoints) {
    return Markdown.escapeCell(s, maxCodePoints);
  }

  static String number(double v, int decimals) {
    return Numbers.format(v, decimals);
  }

  /**
   * Title line, Mermaid chart and key of one violated cell; with a baseline that has the cell, its
   * median is the chart's reference line.
   */
  static String chartBlock(FailedCells.FailedCell f, Analysis a) {
    MetricCell c = f.cell();
    CellComparison compared =
        a.comparison() == null ? null : a.comparison().cell(f.symbol(), c.metric().key());
    double baseline =
        compared == null || compared.baseline() == null ? Double.NaN : compared.baseline().median();
    String title = f.symbol() + " · " + c.metric().key();
    return "**"
        + cell(f.symbol(), 64)
        + " · "
        + cell(c.metric().key(), 40)
        + "** — "
        + status(f.level())
        + ", worst "
        + f.worstAt()
        + "\n\n"
        + MermaidChart.render(
            title,
            c.metric().key(),
            c.windows(),
            c.values(),
            c.metric().direction(),
            c.threshold().warn(),
            c.threshold().crit(),
            c.metric().decimals(),
            MermaidChart.DEFAULT_MAX_POINTS,
            c.changePoint() == null ? 0 : c.changePoint().windowIndex(),
            baseline)
        + "\n";
  }
}
