package dev.soakanalyzer.core.report;

import java.util.Locale;

/**
 * A Mermaid {@code xychart-beta} of one metric over the windows with its WARN and CRIT bounds as
 * flat lines. GitHub renders it in comments and step summaries. Long series are averaged into at
 * most {@code maxPoints} contiguous chunks so a chart stays small whatever the run length.
 */
public final class MermaidChart {

  /** Points a chart draws at most. */
  public static final int DEFAULT_MAX_POINTS = 48;

  private MermaidChart() {}

  /**
   * The fenced block, or an empty string when there is no value to draw.
   *
   * @param title free text from input files; reduced to characters that cannot break the fence
   * @param points values per window (NaN = no value, left out)
   */
  public static String render(
      String title, String axisLabel, double[] points, double warn, double crit, int maxPoints) {
    return render(title, axisLabel, points, warn, crit, maxPoints, -1, 0);
  }

  /**
   * As above, with a level-shift marker: the x-axis becomes categorical (point ordinals) and the
   * point holding {@code markerPoint} (an index into {@code points}, -1 for none) is labelled
   * {@code ▼window}.
   */
  public static String render(
      String title,
      String axisLabel,
      double[] points,
      double warn,
      double crit,
      int maxPoints,
      int markerPoint,
      int markerWindow) {
    double[] finite = finite(points);
    double[] values = chunkMeans(finite, Math.max(2, maxPoints));
    if (values.length == 0) {
      return "";
    }
    double lo = Math.min(min(values), Math.min(warn, crit));
    double hi = Math.max(max(values), Math.max(warn, crit));
    double pad = (hi - lo) * 0.1;
    if (pad == 0) {
      pad = Math.abs(hi) * 0.1 + 1;
    }
    StringBuilder b = new StringBuilder(64 + values.length * 24);
    b.append("```mermaid\nxychart-beta\n");
    b.append("  title \"").append(plain(title)).append("\"\n");
    int marker = chunkOf(markerPoint, finite.length, values.length);
    if (marker >= 0) {
      b.append("  x-axis \"window\" [");
      for (int i = 0; i < Math.max(2, values.length); i++) {
        b.append(i > 0 ? ", " : "")
            .append('"')
            .append(i == marker ? "▼" + markerWindow : Integer.toString(i + 1))
            .append('"');
      }
      b.append("]\n");
    } else {
      b.append("  x-axis \"window\" 1 --> ").append(Math.max(2, values.length)).append('\n');
    }
    b.append("  y-axis \"")
        .append(plain(axisLabel))
        .append("\" ")
        .append(num(lo - pad))
        .append(" --> ")
        .append(num(hi + pad))
        .append('\n');
    b.append("  line ").append(series(values)).append('\n');
    b.append("  line ").append(flat(warn, values.length)).append('\n');
    b.append("  line ").append(flat(crit, values.length)).append('\n');
    b.append("```\n");
    return b.toString();
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

  private static double[] finite(double[] points) {
    return java.util.Arrays.stream(points).filter(Double::isFinite).toArray();
  }

  /** The chunk {@link #chunkMeans} puts point {@code index} of {@code length} in; -1 for none. */
  static int chunkOf(int index, int length, int chunks) {
    if (index < 0 || index >= length) {
      return -1;
    }
    if (length <= chunks) {
      return index;
    }
    for (int c = 0; c < chunks; c++) {
      if (index < (int) ((long) (c + 1) * length / chunks)) {
        return c;
      }
    }
    return chunks - 1;
  }

  /** Near-equal contiguous chunks, each drawn as its mean. */
  static double[] chunkMeans(double[] values, int width) {
    if (values.length <= width) {
      return values;
    }
    double[] out = new double[width];
    for (int c = 0; c < width; c++) {
      int from = (int) ((long) c * values.length / width);
      int to = (int) ((long) (c + 1) * values.length / width);
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += values[i];
      }
      out[c] = sum / (to - from);
    }
    return out;
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
