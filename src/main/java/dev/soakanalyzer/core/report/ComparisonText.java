package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Baseline;
import dev.soakanalyzer.core.model.CellComparison;
import dev.soakanalyzer.core.model.Comparison;
import dev.soakanalyzer.core.model.ComparisonStatus;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SampleStats;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The words and marks of the baseline comparison, one place for every surface (the report, the PR
 * comment, the step summary, the alert text): {@code 2.47 ▼20.8%*}, {@code BTCUSDT edge_bps 3.12 ->
 * 2.47 (-20.8%, p=0.0003)}, the baseline's name.
 */
public final class ComparisonText {
  /** Cells listed per status at most (the rest are counted). */
  static final int LIST_LIMIT = 20;

  private ComparisonText() {}

  /** {@code ▼20.8%*} after a compared value (the star when significant), or empty. */
  public static String mark(Analysis a, String symbol, String metricKey) {
    return mark(a, symbol, metricKey, false);
  }

  /**
   * As {@link #mark(Analysis, String, String)}; {@code significantOnly} marks only significant
   * changes (the job summary, whose table also carries a sparkline per value, has no room for the
   * rest within the page's column).
   */
  public static String mark(Analysis a, String symbol, String metricKey, boolean significantOnly) {
    if (!a.compared()) {
      return "";
    }
    CellComparison c = a.comparison().cell(symbol, metricKey);
    if (c == null || Double.isNaN(c.changePct()) || (significantOnly && !c.significant())) {
      return "";
    }
    String pct = String.format(Locale.ROOT, "%.1f", Math.abs(c.changePct()));
    if (pct.equals("0.0")) {
      return "";
    }
    return (c.changePct() < 0 ? " ▼" : " ▲") + pct + "%" + (c.significant() ? "*" : "");
  }

  /** {@code main@1a2b3c4 (2026-12-07T13:39:32Z)}, or {@code no baseline}. */
  public static String name(Comparison c) {
    if (c == null || !c.hasBaseline()) {
      return "no baseline";
    }
    Baseline b = c.baseline();
    return b.label() + (b.generatedAtUtc() == null ? "" : " (" + b.generatedAtUtc() + ")");
  }

  /**
   * {@code **Baseline:** main@1a2b3c4 (date): 1 regressed, 0 improved, 7 unchanged.}, the line
   * saying there is none, or null when no comparison was asked for.
   */
  public static String baselineLine(Analysis a) {
    return baselineLine(a, false);
  }

  /**
   * As {@link #baselineLine(Analysis)}, its key saying when only significant changes are marked.
   */
  public static String baselineLine(Analysis a, boolean significantOnly) {
    Comparison c = a.comparison();
    if (c == null) {
      return null;
    }
    if (!c.hasBaseline()) {
      return "**Baseline:** no baseline: nothing to compare with yet (the first run of a branch has"
          + " none).";
    }
    return "**Baseline:** "
        + Markdown.escapeCell(name(c))
        + ": "
        + counts(c)
        + (significantOnly
            ? ". ▼/▲* is a significant change of the mean (p < 0.01)."
            : ". ▼/▲ is the change of the mean, * a significant one (p < 0.01).");
  }

  /** {@code 1 regressed, 0 improved, 7 unchanged} (new, gone and untested only when any). */
  public static String counts(Comparison c) {
    StringBuilder b =
        new StringBuilder()
            .append(c.count(ComparisonStatus.REGRESSED))
            .append(" regressed, ")
            .append(c.count(ComparisonStatus.IMPROVED))
            .append(" improved, ")
            .append(c.count(ComparisonStatus.UNCHANGED))
            .append(" unchanged");
    for (ComparisonStatus s :
        List.of(ComparisonStatus.NEW, ComparisonStatus.GONE, ComparisonStatus.UNTESTED)) {
      long n = c.count(s);
      if (n > 0) {
        b.append(", ").append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT));
      }
    }
    return b.toString();
  }

  /** {@code BTCUSDT edge_bps 3.12 -> 2.47 (-20.8%, p=0.0003)}; medians when untested. */
  public static String sentence(Analysis a, CellComparison c, String arrow) {
    return sentence(a, c, arrow, false);
  }

  /** As above; with {@code markdown}, the symbol and metric names are escaped for Markdown. */
  static String sentence(Analysis a, CellComparison c, String arrow, boolean markdown) {
    int d = a.catalog().find(c.metricKey()).map(MetricDef::decimals).orElse(3);
    StringBuilder b =
        new StringBuilder(markdown ? Markdown.escapeCell(c.symbol()) : c.symbol())
            .append(' ')
            .append(markdown ? Markdown.escapeCell(c.metricKey()) : c.metricKey())
            .append(' ');
    SampleStats then = c.baseline();
    SampleStats now = c.current();
    switch (c.status()) {
      case NEW -> b.append("new: ").append(Numbers.format(now.mean(), d));
      case GONE -> b.append("gone (was ").append(Numbers.format(then.median(), d)).append(')');
      case UNTESTED ->
          b.append(Numbers.format(then.median(), d))
              .append(' ')
              .append(arrow)
              .append(' ')
              .append(Numbers.format(now.median(), d))
              .append(" (")
              .append(pct(c.changePct()))
              .append(", medians, not tested)");
      default ->
          b.append(Numbers.format(then.mean(), d))
              .append(' ')
              .append(arrow)
              .append(' ')
              .append(Numbers.format(now.mean(), d))
              .append(" (")
              .append(pct(c.changePct()))
              .append(", ")
              .append(pValue(c.pValue()))
              .append(')');
    }
    return b.toString();
  }

  /** The Markdown section of POST_SOAK_ANALYSIS.md, empty without a comparison asked for. */
  public static String reportSection(Analysis a) {
    Comparison c = a.comparison();
    if (c == null) {
      return "";
    }
    StringBuilder b = new StringBuilder("\n## Compared with baseline\n\n");
    if (!c.hasBaseline()) {
      return b.append("No baseline: nothing to compare with.\n").toString();
    }
    Baseline base = c.baseline();
    b.append("Baseline: ")
        .append(Markdown.escapeCell(name(c)))
        .append(", from ")
        .append(Markdown.code(base.source()))
        .append(".\n\n")
        .append(counts(c))
        .append(
            ". A cell counts as regressed or improved when its mean changed significantly (p <"
                + " 0.01, a test that allows for correlated windows) and by at least ")
        .append(Numbers.plain(c.minChangePct()))
        .append("%.\n");
    for (ComparisonStatus s :
        List.of(
            ComparisonStatus.REGRESSED,
            ComparisonStatus.IMPROVED,
            ComparisonStatus.NEW,
            ComparisonStatus.GONE,
            ComparisonStatus.UNTESTED)) {
      List<CellComparison> cells = c.with(s);
      if (cells.isEmpty()) {
        continue;
      }
      b.append("\n### ").append(title(s)).append("\n\n");
      for (int i = 0; i < Math.min(cells.size(), LIST_LIMIT); i++) {
        b.append("- ").append(sentence(a, cells.get(i), "->", true)).append('\n');
      }
      if (cells.size() > LIST_LIMIT) {
        b.append("- … and ").append(cells.size() - LIST_LIMIT).append(" more\n");
      }
    }
    return b.toString();
  }

  /**
   * {@code #### Worse than main@1a2b3c4} and one line per regressed cell, for the comment and the
   * summary; empty when none regressed.
   */
  public static String worseThan(Analysis a, String heading, int limit) {
    if (!a.compared()) {
      return "";
    }
    List<CellComparison> worse = a.comparison().with(ComparisonStatus.REGRESSED);
    if (worse.isEmpty()) {
      return "";
    }
    StringBuilder b =
        new StringBuilder(heading)
            .append(" Worse than ")
            .append(Markdown.escapeCell(a.comparison().baseline().label()))
            .append("\n\n");
    for (int i = 0; i < Math.min(worse.size(), limit); i++) {
      b.append("- ❗ ").append(sentence(a, worse.get(i), "→", true)).append('\n');
    }
    if (worse.size() > limit) {
      b.append("- … and ")
          .append(worse.size() - limit)
          .append(" more in POST\\_SOAK\\_ANALYSIS.md\n");
    }
    return b.append('\n').toString();
  }

  /** One line per regressed cell, at most {@code limit}, for the alert text. */
  public static List<String> alertLines(Analysis a, int limit) {
    List<String> out = new ArrayList<>();
    if (!a.compared()) {
      return out;
    }
    for (CellComparison c : a.comparison().with(ComparisonStatus.REGRESSED)) {
      if (out.size() == limit) {
        break;
      }
      out.add("regressed vs " + a.comparison().baseline().label() + ": " + sentence(a, c, "->"));
    }
    return out;
  }

  /**
   * 0 for a symbol with a regressed cell, 1 improved, 2 otherwise: rows that changed come first.
   */
  static int changeRank(Analysis a, SymbolAnalysis s) {
    if (!a.compared()) {
      return 2;
    }
    int rank = 2;
    for (var cell : s.cells()) {
      CellComparison c = a.comparison().cell(s.symbol(), cell.metric().key());
      if (c != null && c.status() == ComparisonStatus.REGRESSED) {
        return 0;
      }
      if (c != null && c.status() == ComparisonStatus.IMPROVED) {
        rank = 1;
      }
    }
    return rank;
  }

  /** Rows by level (CRIT first), then regressed, improved, then by symbol. */
  static Comparator<SymbolAnalysis> importance(Analysis a) {
    return Comparator.comparing(SymbolAnalysis::verdict, Comparator.reverseOrder())
        .thenComparingInt(s -> changeRank(a, s))
        .thenComparing(SymbolAnalysis::symbol);
  }

  private static String title(ComparisonStatus s) {
    return switch (s) {
      case REGRESSED -> "Regressed";
      case IMPROVED -> "Improved";
      case UNCHANGED -> "Unchanged";
      case NEW -> "New (not in the baseline)";
      case GONE -> "Gone (only in the baseline)";
      case UNTESTED -> "Not tested (the baseline has medians only)";
    };
  }

  static String pct(double changePct) {
    if (Double.isNaN(changePct)) {
      return "n/a";
    }
    String r = String.format(Locale.ROOT, "%.1f", changePct);
    return (changePct > 0 && !r.equals("0.0") ? "+" : "") + r + "%";
  }

  /** {@code p=0.0003}, {@code p<0.0001}. */
  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "not tested";
    }
    if (p < 1e-4) {
      return "p<0.0001";
    }
    return "p=" + new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }
}
