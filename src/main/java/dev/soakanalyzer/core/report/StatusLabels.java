package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;

/** The emoji labels of statuses and verdicts used by the Markdown reports. */
public final class StatusLabels {
  private StatusLabels() {}

  public static String of(CellStatus status) {
    return switch (status) {
      case OK -> "✅ OK";
      case WARN -> "⚠️ WARN";
      case CRIT -> "❌ CRIT";
      case NO_DATA -> "➖ NO_DATA";
    };
  }

  public static String of(Level level) {
    return of(CellStatus.of(level));
  }

  public static String icon(Level level) {
    return switch (level) {
      case OK -> "✅";
      case WARN -> "⚠️";
      case CRIT -> "❌";
    };
  }

  /** The guide's final verdict line. */
  public static String verdictLine(Level verdict) {
    return switch (verdict) {
      case OK -> "✅ **OK** — All metrics within thresholds";
      case WARN -> "⚠️ **WARN** — Some metrics below target, optimization recommended";
      case CRIT -> "❌ **CRIT** — Critical violations found, immediate action required";
    };
  }
}
