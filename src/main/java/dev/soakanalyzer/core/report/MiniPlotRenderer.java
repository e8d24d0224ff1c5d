package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SymbolAnalysis;

/** The guide's {@code --verbose} MINI-PLOTS SUMMARY table for stdout. */
public final class MiniPlotRenderer {
  private static final int RULE = 108;

  public String render(Analysis a) {
    String rule = "=".repeat(RULE);
    StringBuilder sb = new StringBuilder(512 + a.symbols().size() * 128);
    sb.append(rule)
        .append('\n')
        .append("MINI-PLOTS SUMMARY")
        .append('\n')
        .append(rule)
        .append('\n');
    sb.append(pad("Symbol", 12)).append(' ');
    for (MetricDef m : a.catalog().metrics()) {
      sb.append(pad(m.shortLabel(), 20)).append(' ');
    }
    sb.append('\n').append("-".repeat(RULE)).append('\n');
    for (SymbolAnalysis s : a.symbols()) {
      sb.append(pad(plain(s.symbol()), 12)).append(' ');
      for (MetricCell c : s.cells()) {
        String cell =
            Sparkline.render(c.plotPoints(), Sparkline.NARROW)
                + " "
                + Numbers.format(c.last(), c.metric().decimals())
                + " "
                + (SignalText.arrow(c));
        sb.append(pad(cell, 20)).append(' ');
      }
      sb.append('\n');
    }
    sb.append(rule).append('\n');
    if (SignalText.anySignificant(a)) {
      sb.append(SignalText.STAR_NOTE.replace("`", "")).append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    int len = s.codePointCount(0, s.length());
    return len >= width ? s : s + " ".repeat(width - len);
  }

  /**
   * Symbols come from input files and start a stdout line: control characters would forge terminal
   * or CI log lines, and a leading {@code ::} or {@code ##[} a GitHub workflow command.
   */
  private static String plain(String s) {
    String p = s.replaceAll("[\\p{Cntrl}]", "?");
    return p.startsWith("::") || p.startsWith("##[") ? "\\" + p : p;
  }
}
