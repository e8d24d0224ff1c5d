package dev.soakanalyzer.core.model;

/**
 * The most significant shift of level in one metric's series.
 *
 * @param windowIndex the first window of the new level
 * @param before median of the values before it
 * @param after median of the values from it on
 * @param pValue significance of the shift, corrected for autocorrelation
 * @param plotIndex index of the first point of the new level among the cell's plot points (the
 *     bucket holding the window with --time-buckets), where charts put their marker
 */
public record ChangePoint(
    int windowIndex, double before, double after, double pValue, int plotIndex) {
  public ChangePoint {
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("p-value out of [0, 1]: " + pValue);
    }
  }

  /** True when the level went down. */
  public boolean fell() {
    return after < before;
  }
}
