package dev.soakanalyzer.core.model;

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
    ChangePoint changePoint) {

  public boolean hasData() {
    return status != CellStatus.NO_DATA;
  }
}
