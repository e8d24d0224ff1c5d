package dev.soakanalyzer.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertDeciderTest {
  private static final Instant SENT = Instant.parse("2025-10-26T12:00:00Z");
  private static final AlertPolicy.Effective CRIT_ONLY =
      new AlertPolicy(Map.of(), Level.CRIT).effectiveFor("prod");
  private static final AlertPolicy.Effective WARN_UP =
      new AlertPolicy(Map.of(), Level.WARN).effectiveFor("dev");

  private static Optional<AlertState> sent(Level level, String signature) {
    return Optional.of(new AlertState(level, SENT, signature));
  }

  @Test
  void aVerdictBelowTheMinimumSeverityIsNotAlerted() {
    AlertDecision d = AlertDecider.decide(Level.WARN, "s", Optional.empty(), CRIT_ONLY, 180, SENT);
    assertThat(d.kind()).isEqualTo(AlertDecision.Kind.BELOW_MIN_SEVERITY);
    assertThat(d.send()).isFalse();
  }

  @Test
  void withoutStateTheFirstAlertIsSent() {
    AlertDecision d = AlertDecider.decide(Level.CRIT, "s", Optional.empty(), CRIT_ONLY, 180, SENT);
    assertThat(d.kind()).isEqualTo(AlertDecision.Kind.FIRST_ALERT);
    assertThat(d.send()).isTrue();
  }

  @Test
  void aHigherLevelBypassesTheDebounce() {
    AlertDecision d =
        AlertDecider.decide(
            Level.CRIT, "s", sent(Level.WARN, "s"), WARN_UP, 180, SENT.plusSeconds(60));
    assertThat(d.send()).isTrue();
    assertThat(d.logLine())
        .isEqualTo("ALERT_BYPASS_DEBOUNCE prev=WARN new=CRIT reason=severity_increase");
  }

  @Test
  void theSameLevelWithNewViolationsBypassesTheDebounce() {
    AlertDecision d =
        AlertDecider.decide(
            Level.CRIT, "new", sent(Level.CRIT, "old"), CRIT_ONLY, 180, SENT.plusSeconds(60));
    assertThat(d.send()).isTrue();
    assertThat(d.logLine())
        .isEqualTo(
            "ALERT_BYPASS_DEBOUNCE prev=CRIT new=CRIT reason=new_violations"
                + " signature_changed=true");
  }

  @Test
  void theSameViolationsInsideTheWindowAreDebouncedWithTheGuidesRemainingMinutes() {
    // Guide: sent 12:00, again at 12:45 -> remaining_min=135.
    AlertDecision d =
        AlertDecider.decide(
            Level.CRIT,
            "s",
            sent(Level.CRIT, "s"),
            CRIT_ONLY,
            180,
            SENT.plus(Duration.ofMinutes(45)).plusSeconds(59));
    assertThat(d.send()).isFalse();
    assertThat(d.remainingMin()).isEqualTo(135);
    assertThat(d.logLine())
        .isEqualTo(
            "ALERT_DEBOUNCED level=CRIT last_sent=\"2025-10-26T12:00:00Z\" debounce_min=180"
                + " remaining_min=135 verdict=CRIT");
  }

  @Test
  void aLowerLevelInsideTheWindowIsDebouncedEvenWithOtherViolations() {
    AlertDecision d =
        AlertDecider.decide(
            Level.WARN, "other", sent(Level.CRIT, "s"), WARN_UP, 180, SENT.plusSeconds(600));
    assertThat(d.kind()).isEqualTo(AlertDecision.Kind.DEBOUNCED);
    assertThat(d.remainingMin()).isEqualTo(170);
  }

  @Test
  void anExpiredWindowSendsAgain() {
    AlertDecision d =
        AlertDecider.decide(
            Level.CRIT, "s", sent(Level.CRIT, "s"), CRIT_ONLY, 180, SENT.plus(Duration.ofHours(3)));
    assertThat(d.kind()).isEqualTo(AlertDecision.Kind.WINDOW_EXPIRED);
    assertThat(d.send()).isTrue();
  }

  @Test
  void oneMinuteBeforeTheEndTheRemainingIsOne() {
    AlertDecision d =
        AlertDecider.decide(
            Level.CRIT,
            "s",
            sent(Level.CRIT, "s"),
            CRIT_ONLY,
            180,
            SENT.plus(Duration.ofMinutes(179)).plusSeconds(59));
    assertThat(d.remainingMin()).isEqualTo(1);
  }

  @Test
  void aZeroDebounceAlwaysSends() {
    AlertDecision d =
        AlertDecider.decide(Level.CRIT, "s", sent(Level.CRIT, "s"), CRIT_ONLY, 0, SENT);
    assertThat(d.send()).isTrue();
  }

  @Test
  void aClockBehindTheLastSendCountsAsJustSent() {
    AlertDecision d =
        AlertDecider.decide(
            Level.CRIT, "s", sent(Level.CRIT, "s"), CRIT_ONLY, 180, SENT.minusSeconds(3600));
    assertThat(d.remainingMin()).isEqualTo(180);
  }
}
