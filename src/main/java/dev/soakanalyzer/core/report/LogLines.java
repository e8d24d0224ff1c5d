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
}
