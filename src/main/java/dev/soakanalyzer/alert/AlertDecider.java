package dev.soakanalyzer.alert;

import dev.soakanalyzer.core.model.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Decides whether this cycle's verdict is alerted: policy, debounce and its two bypasses. */
public final class AlertDecider {
  private AlertDecider() {}

  /**
   * @param signature the current {@link ViolationSignature}
   * @param state the last delivered alert, if any
   * @param debounceMin the debounce window in minutes (0 disables it)
   */
  public static AlertDecision decide(
      Level verdict,
      String signature,
      Optional<AlertState> state,
      AlertPolicy.Effective policy,
      long debounceMin,
      Instant now) {
    if (!policy.allows(verdict)) {
      return new AlertDecision(
          AlertDecision.Kind.BELOW_MIN_SEVERITY, verdict, null, null, debounceMin, 0);
    }
    if (state.isEmpty()) {
      return new AlertDecision(AlertDecision.Kind.FIRST_ALERT, verdict, null, null, debounceMin, 0);
    }
    AlertState last = state.get();
    Level prev = last.lastLevel();
    if (verdict.compareTo(prev) > 0) {
      return new AlertDecision(
          AlertDecision.Kind.SEVERITY_INCREASE, verdict, prev, last.lastSentUtc(), debounceMin, 0);
    }
    if (verdict == prev && !signature.equals(last.lastSignature())) {
      return new AlertDecision(
          AlertDecision.Kind.NEW_VIOLATIONS, verdict, prev, last.lastSentUtc(), debounceMin, 0);
    }
    // A clock that went backwards counts as "just sent": elapsed never negative.
    long elapsedMin = Math.max(0, Duration.between(last.lastSentUtc(), now).toMinutes());
    long remaining = Math.max(0, debounceMin - elapsedMin);
    if (remaining > 0) {
      return new AlertDecision(
          AlertDecision.Kind.DEBOUNCED, verdict, prev, last.lastSentUtc(), debounceMin, remaining);
    }
    return new AlertDecision(
        AlertDecision.Kind.WINDOW_EXPIRED, verdict, prev, last.lastSentUtc(), debounceMin, 0);
  }
}
