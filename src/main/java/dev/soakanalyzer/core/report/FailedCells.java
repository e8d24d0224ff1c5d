package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "What failed": one entry per violated cell (symbol x metric), ordered CRIT first, then by how far
 * the worst value is past its bound (relative to the bound), then symbol and metric. Every surface
 * that lists top violations (POST_SOAK_ANALYSIS.md, the job summary, the PR comment, the alert
 * text) takes them from here, so a CRIT metric is never hidden behind many events of another.
 */
public final class FailedCells {
  private FailedCells() {}

  /**
   * One violated cell.
   *
   * @param order position of the metric in the catalog (ties of symbol break by it)
   */
  public record FailedCell(String symbol, MetricCell cell, int order) {
    public Level level() {
      return cell.status().level();
    }

    public MetricDef metric() {
      return cell.metric();
    }

    /** The worst violation: lowest value for low-is-bad, highest for high-is-bad. */
    public Violation worst() {
      return cell.worst();
    }

    /** How far the worst value is past its bound, relative to the bound (0.1 = 10% past). */
    public double excess() {
      Violation w = cell.worst();
      double past = Math.abs(w.value() - w.threshold());
      double scale = Math.abs(w.threshold());
      return scale > 0 ? past / scale : past;
    }

    public int events() {
      return cell.badWindows();
    }

    /** {@code 250} or {@code 101–300}. */
    public String windowSpan() {
      return cell.firstBad() == cell.lastBad()
          ? Integer.toString(cell.firstBad())
          : cell.firstBad() + "–" + cell.lastBad();
    }

    /** {@code 900 @ #250}. */
    public String worstAt() {
      return Numbers.format(worst().value(), metric().decimals()) + " @ #" + worst().windowIndex();
    }

    /** {@code > 400}. */
    public String bound() {
      return metric().direction().badSide()
          + " "
          + Numbers.bound(worst().threshold(), metric().decimals());
    }
  }

  /** Worst first, as the reports list them. */
  public static final Comparator<FailedCell> ORDER =
      // One comparison for both orders; not chained from Comparator.comparing, whose lambdas are
      // spun at run time on every start.
      (a, b) -> compare(a, a.level(), a.excess(), b, b.level(), b.excess());

  /** Every violated cell of the analysis, worst first. */
  public static List<FailedCell> of(Analysis a) {
    List<FailedCell> out = new ArrayList<>();
    for (SymbolAnalysis s : a.symbols()) {
      for (int i = 0; i < s.cells().size(); i++) {
        MetricCell c = s.cells().get(i);
        if ((c.status() == CellStatus.WARN || c.status() == CellStatus.CRIT) && c.worst() != null) {
          out.add(new FailedCell(s.symbol(), c, i));
        }
      }
    }
    return sorted(out);
  }

  /**
   * {@link #ORDER}, with each cell's level and excess computed once instead of at every comparison
   * (thousands of symbols give tens of thousands of cells).
   */
  private static List<FailedCell> sorted(List<FailedCell> cells) {
    Keyed[] keyed = new Keyed[cells.size()];
    for (int i = 0; i < keyed.length; i++) {
      FailedCell f = cells.get(i);
      keyed[i] = new Keyed(f, f.level(), f.excess());
    }
    java.util.Arrays.sort(keyed, FailedCells::compare);
    List<FailedCell> out = new ArrayList<>(keyed.length);
    for (Keyed k : keyed) {
      out.add(k.cell());
    }
    return out;
  }

  private record Keyed(FailedCell cell, Level level, double excess) {}

  private static int compare(Keyed a, Keyed b) {
    return compare(a.cell(), a.level(), a.excess(), b.cell(), b.level(), b.excess());
  }

  /** {@link #ORDER}: level and excess descending, then symbol, then catalog order. */
  private static int compare(
      FailedCell a, Level levelA, double excessA, FailedCell b, Level levelB, double excessB) {
    int c = levelB.compareTo(levelA);
    if (c == 0) {
      c = Double.compare(excessB, excessA);
    }
    if (c == 0) {
      c = a.symbol().compareTo(b.symbol());
    }
    return c != 0 ? c : Integer.compare(a.order(), b.order());
  }

  /** The cells without any value, in symbol then catalog order: {@code BTCUSDT risk_ratio}. */
  public static List<String> noData(Analysis a) {
    List<String> out = new ArrayList<>();
    for (SymbolAnalysis s : a.symbols()) {
      for (MetricCell c : s.cells()) {
        if (c.status() == CellStatus.NO_DATA) {
          out.add(s.symbol() + " " + c.metric().key());
        }
      }
    }
    return out;
  }

  /** The table header of "what failed" (Markdown). */
  static final String TABLE_HEAD =
      "| Level | Symbol | Metric | Worst @ # | Bound | Events | Windows |\n"
          + "|-------|--------|--------|-------|-------|--------|---------|\n";

  /** One Markdown row of "what failed", with the given level label. */
  static String row(FailedCell f, String levelLabel) {
    return "| "
        + levelLabel
        + " | "
        + Markdown.escapeCell(f.symbol(), 64)
        + " | "
        + Markdown.escapeCell(f.metric().key(), 40)
        + " | "
        + f.worstAt()
        + " | "
        + f.bound() // our own sign and number: nothing to escape ("< 2.00" is no tag)
        + " | "
        + f.events()
        + " | "
        + f.windowSpan()
        + " |\n";
  }
}
