package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Direction;
import java.util.Locale;

/**
 * A Mermaid {@code xychart-beta} of one metric over the windows with its WARN and CRIT bounds as
 * flat lines, in an explicit palette (data blue, WARN amber, CRIT red) that reads the same in light
 * and dark mode, with a one-line key under it. A series longer than the chart is cut into
 * contiguous chunks and each chunk keeps its worst value (lowest for low-is-bad, highest for
 * high-is-bad), so no violation disappears; the x-axis labels are the real window indices (of the
 * worst window of each chunk). A level shift is marked on the x-axis: the point holding its first
 * window is labelled {@code ▼window}. With a baseline, the baseline's median is a flat grey line:
 * {@code xychart-beta} has no dashed series (a line plot is a path with colour and width only, in
 * Mermaid 10 and 11), so the reference line differs from the bounds by colour and the key names it.
 */
public final class MermaidChart {

  /** Points a chart draws at most (each labelled with its window, so they stay readable). */
  public static final int DEFAULT_MAX_POINTS = 24;

  /** Data, WARN and CRIT line colours (GitHub's blue, amber and red). */
  static final String PALETTE = "#0969DA, #BF8700, #CF222E";

  /** The palette with the baseline's reference line after the bounds (GitHub's muted grey). */
  static final String PALETTE_WITH_BASELINE = PALETTE + ", #8C959F";

  private MermaidChart() {}

  /** What a chart draws: one point per chunk, its worst value and that value's window. */
  record Points(
      int[] windows,
      double[] values,
      int[] starts,
      int perChunk,
      int first,
      int last,
      int missing) {}

  /**
   * The fenced block and its key, or an empty string when there is no value to draw.
   *
   * @param title free text from input files; reduced to characters that cannot break the fence
   * @param windows window index per value
   * @param values value per window (NaN = no value, left out)
   */
  public static String render(
      String title,
      String axisLabel,
      int[] windows,
      double[] values,
      Direction direction,
      double warn,
      double crit,
      int decimals,
      int maxPoints) {
    return render(title, axisLabel, windows, values, direction, warn, crit, decimals, maxPoints, 0);
  }

  /**
   * As above, with a level-shift marker: the point whose chunk holds window {@code markerWindow} (0
   * for none) is labelled {@code ▼markerWindow}.
   */
  public static String render(
      String title,
      String axisLabel,
      int[] windows,
      double[] values,
      Direction direction,
      double warn,
      double crit,
      int decimals,
      int maxPoints,
      int markerWindow) {
    return render(
        title,
        axisLabel,
        windows,
        values,
        direction,
        warn,
        crit,
        decimals,
        maxPoints,
        markerWindow,
        Double.NaN);
  }

  /**
   * As above, with the baseline's level ({@code baseline}, its median; NaN for none) as a flat grey
   * reference line, named in the key.
   */
  public static String render(
      String title,
      String axisLabel,
      int[] windows,
      double[] values,
      Direction direction,
      double warn,
      double crit,
      int decimals,
      int maxPoints,
      int markerWindow,
      double baseline) {
    Points p = worstPerChunk(windows, values, direction, Math.max(2, maxPoints));
    if (p.values().length == 0) {
      return "";
    }
    double[] drawn = p.values();
    boolean reference = Double.isFinite(baseline);
    double lo = Math.min(min(drawn), Math.min(warn, crit));
    double hi = Math.max(max(drawn), Math.max(warn, crit));
    if (reference) {
      lo = Math.min(lo, baseline);
      hi = Math.max(hi, baseline);
    }
    double pad = (hi - lo) * 0.1;
    if (pad == 0) {
      pad = Math.abs(hi) * 0.1 + 1;
    }
    int n = Math.max(2, drawn.length);
    StringBuilder b = new StringBuilder(320 + drawn.length * 40);
    b.append("```mermaid\n---\nconfig:\n  xyChart:\n    xAxis:\n      labelFontSize: 11\n");
    b.append("  themeVariables:\n    xyChart:\n      plotColorPalette: \"")
        .append(reference ? PALETTE_WITH_BASELINE : PALETTE)
        .append("\"\n---\nxychart-beta\n");
    b.append("  title \"").append(plain(title)).append("\"\n");
    int marker = markerWindow > 0 ? chunkHolding(p, markerWindow) : -1;
    b.append("  x-axis \"window\" [");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(", ");
      }
      // A one-point series is drawn twice so Mermaid has a line; the label repeats.
      b.append('"')
          .append(i == marker ? "▼" + markerWindow : p.windows()[Math.min(i, drawn.length - 1)])
          .append('"');
    }
    b.append("]\n");
    b.append("  y-axis \"")
        .append(plain(axisLabel))
        .append("\" ")
        .append(num(lo - pad))
        .append(" --> ")
        .append(num(hi + pad))
        .append('\n');
    double[] line = drawn.length == 1 ? new double[] {drawn[0], drawn[0]} : drawn;
    b.append("  line ").append(series(line)).append('\n');
    b.append("  line ").append(flat(warn, n)).append('\n');
    b.append("  line ").append(flat(crit, n)).append('\n');
    if (reference) {
      b.append("  line ").append(flat(baseline, n)).append('\n');
    }
    b.append("```\n\n");
    b.append(key(p, axisLabel, direction, warn, crit, decimals, baseline)).append('\n');
    return b.toString();
  }

  /** The one-line key under a chart; {@code baseline} NaN = no reference line. */
  static String key(
      Points p,
      String metric,
      Direction direction,
      double warn,
      double crit,
      int decimals,
      double baseline) {
    String side = direction == Direction.LOW_IS_BAD ? "&lt;" : "&gt;";
    StringBuilder k = new StringBuilder("<sub>🟦 ");
    k.append(Markdown.escapeCell(metric, 40));
    if (p.perChunk() > 1) {
      k.append(" (")
          .append(direction == Direction.LOW_IS_BAD ? "lowest" : "highest")
          .append(" of every ~")
          .append(p.perChunk())
          .append(" windows)");
    }
    k.append(" · 🟧 WARN ")
        .append(side)
        .append(' ')
        .append(Numbers.bound(warn, decimals))
        .append(" · 🟥 CRIT ")
        .append(side)
        .append(' ')
        .append(Numbers.bound(crit, decimals));
    if (Double.isFinite(baseline)) {
      k.append(" · baseline (grey) median ").append(Numbers.format(baseline, decimals));
    }
    k.append(" · windows ").append(p.first()).append(p.first() == p.last() ? "" : "–" + p.last());
    if (p.missing() > 0) {
      k.append(", ").append(p.missing()).append(" without a value");
    }
    return k.append("</sub>\n").toString();
  }

  /**
   * The point whose chunk holds {@code window}: the last point whose first window is at or before
   * it (each point stands for the windows from its chunk's start to the next chunk's start).
   */
  static int chunkHolding(Points p, int window) {
    if (window < p.first() || window > p.last()) {
      return -1;
    }
    int[] starts = p.starts();
    int found = -1;
    for (int i = 0; i < starts.length; i++) {
      if (starts[i] <= window) {
        found = i;
      }
    }
    return found;
  }

  /** Only letters, digits and a few separators survive: no quotes, backticks or fences. */
  static String plain(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .limit(80)
        .forEach(
            cp ->
                b.appendCodePoint(
                    Character.isLetterOrDigit(cp) || SAFE.indexOf(cp) >= 0 ? cp : ' '));
    return b.toString().trim();
  }

  private static final String SAFE = " _./-+()%=·";

  private static String series(double[] values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(num(values[i]));
    }
    return b.append(']').toString();
  }

  private static String flat(double v, int n) {
    double[] a = new double[Math.max(2, n)];
    java.util.Arrays.fill(a, v);
    return series(a);
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * The values with a window (NaN left out), cut into at most {@code width} near-equal contiguous
   * chunks; each chunk is its worst value and that value's window.
   */
  static Points worstPerChunk(int[] windows, double[] values, Direction direction, int width) {
    int present = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        present++;
      }
    }
    int[] w = new int[present];
    double[] y = new double[present];
    int j = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isFinite(values[i])) {
        w[j] = windows[i];
        y[j] = values[i];
        j++;
      }
    }
    if (present == 0) {
      return new Points(w, y, w, 1, 0, 0, 0);
    }
    int first = w[0];
    int last = w[present - 1];
    int missing = (last - first + 1) - present;
    if (present <= width) {
      return new Points(w, y, w, 1, first, last, missing);
    }
    int[] cw = new int[width];
    int[] cs = new int[width];
    double[] cy = new double[width];
    for (int c = 0; c < width; c++) {
      int from = (int) ((long) c * present / width);
      int to = (int) ((long) (c + 1) * present / width);
      int best = from;
      cs[c] = w[from];
      for (int i = from + 1; i < to; i++) {
        boolean worse = direction == Direction.LOW_IS_BAD ? y[i] < y[best] : y[i] > y[best];
        if (worse) {
          best = i;
        }
      }
      cw[c] = w[best];
      cy[c] = y[best];
    }
    int perChunk = (present + width - 1) / width;
    return new Points(cw, cy, cs, perChunk, first, last, missing);
  }

  private static double min(double[] a) {
    double m = Double.POSITIVE_INFINITY;
    for (double v : a) {
      m = Math.min(m, v);
    }
    return m;
  }

  private static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
