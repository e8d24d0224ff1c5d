package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import java.util.List;

/**
 * The one table of level labels and emoji, for every surface: the Markdown reports, the GitHub PR
 * comment and job summary, and the alert messages. Each surface keeps its own emoji set.
 */
public final class StatusLabels {
  private StatusLabels() {}

  /** Where a label is shown, with its emoji for OK, WARN and CRIT. */
  public enum Surface {
    /** POST_SOAK_ANALYSIS.md and RECOMMENDATIONS.md. */
    REPORT("✅", "⚠️", "❌"),
    /** The PR comment and the job summary. */
    GITHUB("✅", "🟡", "🔴"),
    /** Telegram and Slack messages. */
    ALERT("🟢", "🟡", "🔴");

    /** By {@link Level} ordinal: OK, WARN, CRIT. */
    private final List<String> icons;

    Surface(String... okWarnCrit) {
      this.icons = List.of(okWarnCrit);
    }

    public String icon(Level level) {
      return icons.get(level.ordinal());
    }

    /** Emoji and level name, e.g. {@code 🔴 CRIT}. */
    public String label(Level level) {
      return icon(level) + " " + level.name();
    }
  }

  /** The reports' label of a cell status; {@code ➖ NO_DATA} for a cell without data. */
  public static String of(CellStatus status) {
    return status == CellStatus.NO_DATA ? "➖ NO_DATA" : of(status.level());
  }

  /** The reports' label of a level. */
  public static String of(Level level) {
    return Surface.REPORT.label(level);
  }

  /** The reports' emoji of a level. */
  public static String icon(Level level) {
    return Surface.REPORT.icon(level);
  }

  /**
   * The final verdict line; an OK run with cells that never had a value says so instead of claiming
   * that all metrics are within thresholds.
   */
  public static String verdictLine(Level verdict, int noDataCells) {
    if (verdict == Level.OK && noDataCells > 0) {
      return "✅ **OK** — No threshold crossed; "
          + noDataCells
          + " metric(s) had no data (see Data Quality)";
    }
    return verdictLine(verdict);
  }

  /** The guide's final verdict line. */
  public static String verdictLine(Level verdict) {
    return icon(verdict)
        + " **"
        + verdict.name()
        + "** — "
        + switch (verdict) {
          case OK -> "All metrics within thresholds";
          case WARN -> "Some metrics below target, optimization recommended";
          case CRIT -> "Critical violations found, immediate action required";
        };
  }

  /** The reports' counts list: {@code - ❌ CRIT: n}, WARN, OK lines. */
  public static String countLines(int crit, int warn, int ok) {
    return "- "
        + of(Level.CRIT)
        + ": "
        + crit
        + "\n- "
        + of(Level.WARN)
        + ": "
        + warn
        + "\n- "
        + of(Level.OK)
        + ": "
        + ok
        + "\n";
  }
}
