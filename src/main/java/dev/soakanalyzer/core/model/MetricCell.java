package dev.soakanalyzer.core.model;

import java.util.List;

/**
 * One symbol x metric cell of the result.
 *
 * @param valueCount windows with a value
 * @param last value of the last window that has one (NaN when NO_DATA)
 * @param plotPoints the points the sparkline draws (bucket means after --time-buckets)
 * @param warnEvents WARN violation events of this cell
 * @param critEvents CRIT violation events of this cell
 * @param worst the most severe violation (worst level, then furthest past its bound), or null
 * @param changePoint the most significant shift of level, or null when none is significant
 * @param windows the window indices of the symbol's series (shared with it, never modified)
 * @param values this metric's value per window of {@code windows} (NaN = no value; shared)
 * @param firstBad first window with a violation of this cell, or 0 when none
 * @param lastBad last window with a violation of this cell, or 0 when none
 * @param changePoints every significant shift of level in window order (up to 3), empty when none;
 *     {@code changePoint} is the most significant of them (null: just {@code changePoint}, if any)
 */
public record MetricCell(
    MetricDef metric,
    Threshold threshold,
    CellStatus status,
    int valueCount,
    double last,
    double median,
    double min,
    double max,
    double mean,
    TrendResult trend,
    double[] plotPoints,
    int warnEvents,
    int critEvents,
    Violation worst,
    ChangePoint changePoint,
    int[] windows,
    double[] values,
    int firstBad,
    int lastBad,
    List<ChangePoint> changePoints) {

  public MetricCell {
    if (windows.length != values.length) {
      throw new IllegalArgumentException("windows and values of " + metric.key() + " differ");
    }
    changePoints =
        changePoints != null
            ? List.copyOf(changePoints)
            : changePoint == null ? List.of() : List.of(changePoint);
    if (!java.util.Objects.equals(changePoint, ChangePoint.mostSignificant(changePoints))) {
      throw new IllegalArgumentException(
          "change point of " + metric.key() + " is not the most significant of its shifts");
    }
  }

  /** Windows with a violation (WARN or CRIT). */
  public int badWindows() {
    return warnEvents + critEvents;
  }

  public boolean hasData() {
    return status != CellStatus.NO_DATA;
  }
}
