package dev.soakanalyzer.core.model;

import java.util.List;

/**
 * A shift of level in one metric's series.
 *
 * @param windowIndex the first window of the new level
 * @param before median of the values before it (since the previous shift, if any)
 * @param after median of the values from it on (up to the next shift, if any)
 * @param pValue significance of the shift, corrected for autocorrelation
 * @param plotIndex index of the first point of the new level among the cell's plot points (the
 *     bucket holding the window with --time-buckets), where charts put their marker
 * @param windowLo first window the shift is likely to be at (90% range, see docs/SIGNAL.md)
 * @param windowHi last window the shift is likely to be at; windowLo <= windowIndex <= windowHi
 */
public record ChangePoint(
    int windowIndex,
    double before,
    double after,
    double pValue,
    int plotIndex,
    int windowLo,
    int windowHi) {
  public ChangePoint {
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("p-value out of [0, 1]: " + pValue);
    }
    if (windowLo > windowIndex || windowHi < windowIndex) {
      throw new IllegalArgumentException(
          "window range [" + windowLo + ", " + windowHi + "] misses window " + windowIndex);
    }
  }

  /** A shift known to the window (its range is that one window). */
  public ChangePoint(int windowIndex, double before, double after, double pValue, int plotIndex) {
    this(windowIndex, before, after, pValue, plotIndex, windowIndex, windowIndex);
  }

  /** True when the level went down. */
  public boolean fell() {
    return after < before;
  }

  /** The same shift with its chart marker at {@code plotIndex}. */
  public ChangePoint atPlotIndex(int plotIndex) {
    return new ChangePoint(windowIndex, before, after, pValue, plotIndex, windowLo, windowHi);
  }

  /** The one with the smallest p-value (the first of equals), null for none. */
  public static ChangePoint mostSignificant(List<ChangePoint> shifts) {
    ChangePoint best = null;
    for (ChangePoint c : shifts) {
      if (best == null || c.pValue() < best.pValue()) {
        best = c;
      }
    }
    return best;
  }
}
