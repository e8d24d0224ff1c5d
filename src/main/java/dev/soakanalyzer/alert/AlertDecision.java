package dev.soakanalyzer.alert;

import dev.soakanalyzer.core.model.Level;
import java.time.Instant;

/**
 * The outcome of one alert decision and the log line that explains it.
 *
 * @param previous the last delivered level, or null without state
 * @param remainingMin minutes left in the debounce window (0 unless debounced)
 */
public record AlertDecision(
    Kind kind,
    Level verdict,
    Level previous,
    Instant lastSent,
    long debounceMin,
    long remainingMin) {

  /** Every branch of the alert decision (docs/RUNNER.md). */
  public enum Kind {
    BELOW_MIN_SEVERITY(false),
    FIRST_ALERT(true),
    SEVERITY_INCREASE(true),
    NEW_VIOLATIONS(true),
    DEBOUNCED(false),
    WINDOW_EXPIRED(true);

    private final boolean send;

    Kind(boolean send) {
      this.send = send;
    }

    public boolean send() {
      return send;
    }
  }

  public boolean send() {
    return kind.send();
  }

  /** The line logged for this decision, or empty when the branch logs nothing of its own. */
  public String logLine() {
    return switch (kind) {
      case SEVERITY_INCREASE ->
          "ALERT_BYPASS_DEBOUNCE prev="
              + previous
              + " new="
              + verdict
              + " reason=severity_increase";
      case NEW_VIOLATIONS ->
          "ALERT_BYPASS_DEBOUNCE prev="
              + previous
              + " new="
              + verdict
              + " reason=new_violations signature_changed=true";
      case DEBOUNCED ->
          "ALERT_DEBOUNCED level="
              + verdict
              + " last_sent=\""
              + lastSent
              + "\" debounce_min="
              + debounceMin
              + " remaining_min="
              + remainingMin
              + " verdict="
              + verdict;
      case BELOW_MIN_SEVERITY -> "ALERT_SKIPPED verdict=" + verdict + " reason=below_min_severity";
      case FIRST_ALERT, WINDOW_EXPIRED -> "";
    };
  }
}
