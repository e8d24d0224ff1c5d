package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;

/** Parts of the one-line {@code key=value} logs that Loki/Grafana parse (guide: Metrics Output). */
public final class LogLines {
  private LogLines() {}

  /** {@code windows=N symbols=N crit=N warn=N ok=N}: cell counts, as in every report. */
  public static String counts(Analysis a) {
    return violationCounts(a) + " ok=" + a.counts().ok();
  }

  /** {@code windows=N symbols=N crit=N warn=N}: the counts an alert message shows. */
  public static String violationCounts(Analysis a) {
    return "windows="
        + a.windows()
        + " symbols="
        + a.symbols().size()
        + " crit="
        + a.counts().crit()
        + " warn="
        + a.counts().warn();
  }

  /**
   * {@code " baseline=main@1a2b3c4 regressed=N improved=N"}, or empty without a baseline (spaces in
   * the label become {@code _}, so the line stays key=value).
   */
  public static String comparison(Analysis a) {
    if (a.comparison() == null) {
      return "";
    }
    if (!a.compared()) {
      return " baseline=none";
    }
    return " baseline="
        + a.comparison().baseline().label().replace(' ', '_')
        + " regressed="
        + a.comparison().count(dev.soakanalyzer.core.model.ComparisonStatus.REGRESSED)
        + " improved="
        + a.comparison().count(dev.soakanalyzer.core.model.ComparisonStatus.IMPROVED);
  }
}
