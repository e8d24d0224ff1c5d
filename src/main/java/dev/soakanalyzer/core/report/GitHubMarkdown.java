package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import java.util.Comparator;

/**
 * The Markdown pieces the PR comment and the job summary share: labels, the windows and counts
 * lines, metadata spans, escaped cells, the importance order and the chart of a violating cell.
 */
final class GitHubMarkdown {
  private static final StatusLabels.Surface GITHUB = StatusLabels.Surface.GITHUB;

  private GitHubMarkdown() {}

  /** CRIT symbols first, then WARN, then by violation events, then by name. */
  static final Comparator<SymbolAnalysis> IMPORTANCE =
      Comparator.comparing(SymbolAnalysis::verdict, Comparator.reverseOrder())
          .thenComparing(
              (SymbolAnalysis s) -> s.violationEvents(Level.CRIT), Comparator.reverseOrder())
          .thenComparing(
              (SymbolAnalysis s) -> s.violationEvents(Level.WARN), Comparator.reverseOrder())
          .thenComparing(SymbolAnalysis::symbol);

  /** {@code 🔴 **CRIT**}. */
  static String verdictBadge(Level level) {
    return GITHUB.icon(level) + " **" + level.name() + "**";
  }

  /** {@code 🔴 CRIT}. */
  static String status(Level level) {
    return GITHUB.label(level);
  }

  /** {@code **Windows:** n (min=m) | **Verdict:** badge}, without a line end. */
  static String windowsLine(Analysis a) {
    return "**Windows:** "
        + a.windows()
        + " (min="
        + a.minWindowsRequired()
        + ") | **Verdict:** "
        + verdictBadge(a.verdict());
  }

  /** {@code **Violations:** 🔴 CRIT: n | 🟡 WARN: n | ✅ OK: n}, without a line end. */
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
        + a.counts().ok();
  }

  /** Metadata in a code span when it is plain, else as escaped text; {@code n/a} when unknown. */
  static String code(String value) {
    if (value == null || value.isBlank()) {
      return "n/a";
    }
    if (value.matches("[A-Za-z0-9._:/+=-]{1,80}")) {
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

  /** Title line and Mermaid chart of one violating cell. */
  static String chartBlock(SymbolAnalysis s, MetricCell c) {
    String title = s.symbol() + " · " + c.metric().key();
    return "**"
        + cell(s.symbol(), 64)
        + " · "
        + cell(c.metric().key(), 40)
        + "** — "
        + status(c.status().level())
        + " (WARN "
        + number(c.threshold().warn(), c.metric().decimals())
        + ", CRIT "
        + number(c.threshold().crit(), c.metric().decimals())
        + ")\n\n"
        + MermaidChart.render(
            title,
            c.metric().key(),
            c.plotPoints(),
            c.threshold().warn(),
            c.threshold().crit(),
            MermaidChart.DEFAULT_MAX_POINTS,
            c.changePoint() == null ? -1 : c.changePoint().plotIndex(),
            c.changePoint() == null ? 0 : c.changePoint().windowIndex())
        + "\n";
  }
}
