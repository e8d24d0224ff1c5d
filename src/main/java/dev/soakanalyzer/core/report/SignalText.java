package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.ChangePoint;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import java.util.ArrayList;
import java.util.List;

/**
 * The trend arrow with its significance mark and the change-point sentences, one wording for every
 * surface (reports, PR comment, step summary, alerts).
 */
public final class SignalText {
  /** Said once per report that shows a marked arrow. */
  public static final String STAR_NOTE =
      "`*` after a trend arrow: the trend is statistically significant"
          + " (p < 0.01, corrected for autocorrelation between windows).";

  private SignalText() {}

  /** The guide's arrow, {@code *} appended when the trend test is significant; — without data. */
  public static String arrow(MetricCell c) {
    if (!c.hasData()) {
      return "—";
    }
    return c.trend().trend().symbol() + (c.trend().significant() ? "*" : "");
  }

  public static boolean anySignificant(Analysis a) {
    for (SymbolAnalysis s : a.symbols()) {
      for (MetricCell c : s.cells()) {
        if (c.hasData() && c.trend().significant()) {
          return true;
        }
      }
    }
    return false;
  }

  /** A violating cell whose level shifted, with the symbol it belongs to. */
  public record Shift(String symbol, MetricCell cell) {
    public ChangePoint changePoint() {
      return cell.changePoint();
    }

    /**
     * e.g. {@code edge_bps fell from 3.05 to 2.41 at window #17 (#15-#19)} (no symbol, no markup):
     * the window of the shift and the windows it is likely to be in. A series with more shifts says
     * them in window order, e.g. a dip and its recovery: {@code edge_bps fell from 3.05 to 2.41 at
     * window #16 (#15-#17) and rose back to 3.02 at window #32 (#31-#33)}.
     */
    public String sentence() {
      List<ChangePoint> all = cell.changePoints();
      int d = cell.metric().decimals();
      ChangePoint first = all.get(0);
      StringBuilder sb =
          new StringBuilder(cell.metric().key())
              .append(first.fell() ? " fell from " : " rose from ")
              .append(Numbers.format(first.before(), d))
              .append(" to ")
              .append(Numbers.format(first.after(), d));
      where(sb, first);
      for (int i = 1; i < all.size(); i++) {
        ChangePoint cp = all.get(i);
        boolean back = cp.fell() != all.get(i - 1).fell();
        sb.append(i == all.size() - 1 ? " and " : ", then ")
            .append(cp.fell() ? "fell " : "rose ")
            .append(back ? "back" : "further")
            .append(" to ")
            .append(Numbers.format(cp.after(), d));
        where(sb, cp);
      }
      return sb.toString();
    }

    private static void where(StringBuilder sb, ChangePoint cp) {
      sb.append(" at window #").append(cp.windowIndex());
      if (cp.windowLo() != cp.windowHi()) {
        sb.append(" (#").append(cp.windowLo()).append("-#").append(cp.windowHi()).append(')');
      }
    }
  }

  /** Violating (WARN or CRIT) cells with a change point: CRIT first, then symbol, metric order. */
  public static List<Shift> shifts(Analysis a) {
    List<Shift> out = new ArrayList<>();
    for (SymbolAnalysis s : a.symbols()) {
      for (MetricCell c : s.cells()) {
        if ((c.status() == CellStatus.CRIT || c.status() == CellStatus.WARN)
            && c.changePoint() != null) {
          out.add(new Shift(s.symbol(), c));
        }
      }
    }
    // CRIT first, each level in symbol order (a stable partition, without a sort's comparator)
    List<Shift> ordered = new ArrayList<>(out.size());
    for (Shift x : out) {
      if (x.cell().status() == CellStatus.CRIT) {
        ordered.add(x);
      }
    }
    for (Shift x : out) {
      if (x.cell().status() != CellStatus.CRIT) {
        ordered.add(x);
      }
    }
    return ordered;
  }
}
