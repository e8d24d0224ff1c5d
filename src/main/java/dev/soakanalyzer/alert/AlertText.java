package dev.soakanalyzer.alert;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.Violation;
import dev.soakanalyzer.core.report.ComparisonText;
import dev.soakanalyzer.core.report.FailedCells;
import dev.soakanalyzer.core.report.LogLines;
import dev.soakanalyzer.core.report.SignalText;
import dev.soakanalyzer.core.report.StatusLabels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/** The alert messages, in the guide's plain-text format (no markup that a channel could mangle). */
public final class AlertText {
  public static final int TOP_VIOLATIONS = 3;

  private AlertText() {}

  public static String badge(Level level) {
    return "[" + StatusLabels.Surface.ALERT.label(level) + "]";
  }

  /** The soak summary alert. */
  public static String summary(Analysis analysis, String env, String exchange) {
    StringBuilder sb = new StringBuilder();
    sb.append(badge(analysis.verdict()))
        .append(" Soak summary (env=")
        .append(env)
        .append(", exch=")
        .append(exchange)
        .append(")\n");
    sb.append(LogLines.violationCounts(analysis)).append('\n');
    // Distinct cells, worst first: a CRIT metric is never hidden behind events of another.
    List<FailedCells.FailedCell> top =
        FailedCells.of(analysis).stream().limit(TOP_VIOLATIONS).toList();
    if (!top.isEmpty()) {
      sb.append("\nTop violations:\n");
      for (FailedCells.FailedCell f : top) {
        Violation v = f.worst();
        MetricDef def = f.metric();
        Direction direction = def.direction();
        int decimals = def.decimals();
        sb.append("- ")
            .append(v.symbol())
            .append(": ")
            .append(v.metric())
            .append(' ')
            .append(direction.badSide())
            .append(' ')
            .append(plain(v.threshold(), Math.max(decimals, 6), decimals > 0 ? 1 : 0))
            .append(" at window #")
            .append(v.windowIndex())
            .append(" (")
            .append(plain(v.value(), decimals, 0))
            .append(")\n");
      }
    }
    List<SignalText.Shift> shifts = SignalText.shifts(analysis);
    if (!shifts.isEmpty()) {
      sb.append("\nLevel shifts:\n");
      shifts.stream()
          .limit(TOP_VIOLATIONS)
          .forEach(
              s ->
                  sb.append("- ").append(s.symbol()).append(' ').append(s.sentence()).append('\n'));
    }
    List<String> regressed = ComparisonText.alertLines(analysis, TOP_VIOLATIONS);
    if (!regressed.isEmpty()) {
      sb.append("\nRegressions:\n");
      regressed.forEach(line -> sb.append("- ").append(line).append('\n'));
    }
    sb.append("\nАртефакты: POST_SOAK_ANALYSIS.md, RECOMMENDATIONS.md");
    return sb.toString();
  }

  /**
   * Sent once when the verdict falls below the minimum severity after an alert was delivered, so
   * whoever was paged knows it is over.
   */
  public static String resolved(Analysis analysis, Level previous, String env, String exchange) {
    return "[✅ RESOLVED] Soak summary (env="
        + env
        + ", exch="
        + exchange
        + ")\nverdict="
        + analysis.verdict()
        + " (was "
        + previous
        + ") "
        + LogLines.violationCounts(analysis);
  }

  /** The guide's "Redis Unavailable WARN Alert". */
  public static String redisDown(String env, String exchange, int failures, Instant lastCheck) {
    return badge(Level.WARN)
        + " Redis export skipped "
        + failures
        + " cycles in a row\n\nEnv: "
        + env
        + "\nExchange: "
        + exchange
        + "\nConsecutive failures: "
        + failures
        + "\nLast check: "
        + lastCheck.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        + "\n\nRedis may be unavailable. Check REDIS_URL and connectivity.";
  }

  /**
   * A number rounded to at most {@code decimals} places without trailing zeros, keeping at least
   * {@code minDecimals} (2.10 -> 2.1, 2 -> 2.0 with one minimum).
   */
  static String plain(double value, int decimals, int minDecimals) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    d = d.stripTrailingZeros();
    if (d.scale() < minDecimals) {
      d = d.setScale(minDecimals, RoundingMode.UNNECESSARY);
    }
    return d.toPlainString();
  }
}
