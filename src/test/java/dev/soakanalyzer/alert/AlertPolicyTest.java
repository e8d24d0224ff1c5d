package dev.soakanalyzer.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.core.model.Level;
import org.junit.jupiter.api.Test;

class AlertPolicyTest {
  private final AlertPolicy policy = AlertPolicy.parse("dev=WARN,staging=WARN,prod=CRIT", Level.OK);

  @Test
  void anEnvironmentInThePolicyUsesItsLevel() {
    assertThat(policy.effectiveFor("dev").logLine())
        .isEqualTo("ALERT_POLICY env=dev min_severity=WARN source=alert-policy");
    assertThat(policy.effectiveFor("prod").logLine())
        .isEqualTo("ALERT_POLICY env=prod min_severity=CRIT source=alert-policy");
  }

  @Test
  void anEnvironmentOutsideThePolicyFallsBackToTheGlobalMinimum() {
    assertThat(policy.effectiveFor("test").logLine())
        .isEqualTo("ALERT_POLICY env=test min_severity=OK source=alert-min-severity");
  }

  @Test
  void aMalformedEntryIsNamed() {
    assertThatThrownBy(() -> AlertPolicy.parse("dev=WARN,prod", Level.CRIT))
        .hasMessage("--alert-policy entry 'prod' must look like env=LEVEL");
    assertThatThrownBy(() -> AlertPolicy.parse("dev=LOUD", Level.CRIT))
        .hasMessage("--alert-policy must be OK, WARN or CRIT, not 'LOUD'");
  }
}
