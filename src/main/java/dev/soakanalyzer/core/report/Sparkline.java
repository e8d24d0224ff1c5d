package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Trend;

/**
 * ASCII sparklines {@code ▁▂▃▄▅▆▇█}, min/max normalized over the plotted points. A series longer
 * than the width is cut into {@code width} contiguous chunks of near-equal size, each drawn as its
 * mean; a flat series is one middle block repeated; no point at all renders {@code n/a}.
 */
public final class Sparkline {
  public static final String BLOCKS = "▁▂▃▄▅▆▇█";

  /** Width in mini-plots and the PR comment. */
  public static final int NARROW = 8;

  /** Width in POST_SOAK_ANALYSIS.md. */
  public static final int WIDE = 12;

  private static final char MIDDLE = BLOCKS.charAt(3);

  private Sparkline() {}

  public static String render(double[] points, int width) {
    if (points.length == 0) {
      return "n/a";
    }
    if (Trend.isFlatSeries(points, points.length)) {
      return String.valueOf(MIDDLE).repeat(Math.min(width, points.length));
    }
    double[] plotted = points.length > width ? chunkMeans(points, width) : points;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : plotted) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    StringBuilder sb = new StringBuilder(plotted.length);
    double range = max - min;
    for (double v : plotted) {
      if (!(range > 0)) {
        sb.append(MIDDLE);
      } else {
        int index = (int) Math.round((v - min) / range * (BLOCKS.length() - 1));
        sb.append(BLOCKS.charAt(Math.max(0, Math.min(BLOCKS.length() - 1, index))));
      }
    }
    return sb.toString();
  }

  /** Means of {@code chunks} contiguous chunks; chunk i covers [i*n/chunks, (i+1)*n/chunks). */
  static double[] chunkMeans(double[] points, int chunks) {
    double[] out = new double[chunks];
    int n = points.length;
    for (int i = 0; i < chunks; i++) {
      int from = (int) ((long) i * n / chunks);
      int to = (int) ((long) (i + 1) * n / chunks);
      double sum = 0;
      for (int j = from; j < to; j++) {
        sum += points[j];
      }
      out[i] = sum / (to - from);
    }
    return out;
  }
}
