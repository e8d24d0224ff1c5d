package dev.soakanalyzer.core.model;

/** How one cell compares with the baseline run. */
public enum ComparisonStatus {
  /** Significantly worse, by at least the minimum change, in the metric's bad direction. */
  REGRESSED,
  /** Significantly better, by at least the minimum change. */
  IMPROVED,
  /** Neither: no significant change, or one smaller than the minimum. */
  UNCHANGED,
  /** In this run only. */
  NEW,
  /** In the baseline only. */
  GONE,
  /** The baseline has only a median (a summary of an older version): compared, not tested. */
  UNTESTED
}
