package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.analysis.ChangePointDetector;
import dev.soakanalyzer.core.model.ChangePoint;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code history} command's view of a series of runs: per cell its medians run by run (oldest
 * first), a sparkline, and the most significant shift of level across the runs, found by the same
 * calibrated {@link ChangePointDetector} that finds shifts across windows (at most about 1% false
 * shifts on trendless series; it needs {@value #MIN_RUNS} runs or more).
 */
public final class RunHistoryText {
  /** Fewer runs than this never show a shift (the detector's own minimum). */
  public static final int MIN_RUNS = 13;

  private RunHistoryText() {}

  /**
   * One run as the history names it.
   *
   * @param date {@code 2026-12-01}
   * @param sha short commit, or the run id when no commit is known
   * @param ref branch, or null
   */
  public record Run(String date, String sha, String ref) {
    public Run {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(sha, "sha");
    }

    /** {@code 2026-12-01 def4567 (main)}. */
    public String label() {
      return date + " " + sha + (ref == null ? "" : " (" + ref + ")");
    }
  }

  /**
   * One cell across the runs.
   *
   * @param medians one per run, NaN where the run had no median for the cell
   * @param shift the most significant level shift, or null
   */
  public record Cell(String symbol, String metric, double[] medians, Shift shift) {}

  /**
   * A shift of level across runs.
   *
   * @param run index (among the runs) of the first run of the new level
   * @param before median of the runs before it
   * @param after median of the runs from it on
   */
  public record Shift(int run, double before, double after, double pValue) {
    public boolean fell() {
      return after < before;
    }
  }

  /** The cell's shift across {@code medians} (NaN = the run had no value), or null. */
  public static Cell cell(String symbol, String metric, double[] medians) {
    int[] at = new int[medians.length];
    double[] values = new double[medians.length];
    int n = 0;
    for (int i = 0; i < medians.length; i++) {
      if (Double.isFinite(medians[i])) {
        at[n] = i;
        values[n++] = medians[i];
      }
    }
    ChangePoint cp = ChangePointDetector.detect(at, values, n);
    Shift shift =
        cp == null ? null : new Shift(cp.windowIndex(), cp.before(), cp.after(), cp.pValue());
    return new Cell(symbol, metric, medians.clone(), shift);
  }

  /** The present medians, for the sparkline. */
  public static String sparkline(double[] medians) {
    double[] present = java.util.Arrays.stream(medians).filter(Double::isFinite).toArray();
    return present.length == 0 ? "n/a" : Sparkline.render(present, Math.min(40, present.length));
  }

  /** {@code BTCUSDT edge_bps fell from 3.05 to 2.41 at run 2026-12-01 def4567 (main)}. */
  public static String sentence(Cell cell, List<Run> runs) {
    Shift s = cell.shift();
    int d = decimals(cell.metric());
    return cell.symbol()
        + " "
        + cell.metric()
        + (s.fell() ? " fell from " : " rose from ")
        + Numbers.format(s.before(), d)
        + " to "
        + Numbers.format(s.after(), d)
        + " at run "
        + runs.get(s.run()).label();
  }

  /** The whole text: a header, then per cell its values, sparkline and shift (or none). */
  public static String render(String title, List<Run> runs, List<Cell> cells) {
    List<String> lines = new ArrayList<>();
    lines.add(title);
    if (runs.isEmpty()) {
      lines.add("no runs in the history");
      return String.join("\n", lines) + "\n";
    }
    lines.add("runs: " + runs.get(0).label() + " .. " + runs.get(runs.size() - 1).label());
    for (Cell c : cells) {
      int d = decimals(c.metric());
      List<String> values = new ArrayList<>();
      for (double m : c.medians()) {
        values.add(Double.isFinite(m) ? Numbers.format(m, d) : "-");
      }
      lines.add(
          c.symbol()
              + " "
              + c.metric()
              + "  "
              + sparkline(c.medians())
              + "  "
              + String.join(" ", values));
      lines.add(
          "  "
              + (c.shift() != null
                  ? sentence(c, runs) + " (p=" + pValue(c.shift().pValue()) + ")"
                  : runs.size() < MIN_RUNS
                      ? "no shift tested (" + runs.size() + " runs, " + MIN_RUNS + " needed)"
                      : "no significant shift"));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String pValue(double p) {
    return p < 0.0001 ? "<0.0001" : Numbers.format(p, 4);
  }

  private static int decimals(String metric) {
    return MetricCatalog.STANDARD.find(metric).map(MetricDef::decimals).orElse(2);
  }
}
