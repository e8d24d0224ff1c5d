package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunnerSecretsTest {
  @Test
  void aProxyPasswordIsRedactedInEveryFormAPeerMayEchoAndNeverPrinted() {
    RunnerConfig.Secrets s =
        new RunnerConfig.Secrets(
            "7001337:AAtgSECRETtoken", "-1", null, null, List.of("p@ss:w rd", "p%40ss%3Aw%20rd"));
    assertThat(s.values())
        .contains("p@ss:w rd", "p%40ss%3Aw%20rd", "p%40ss%3Aw+rd", "7001337:AAtgSECRETtoken");
    assertThat(s.toString()).doesNotContain("p@ss").doesNotContain("SECRET");
    assertThat(RunnerConfig.Secrets.NONE.values()).isEmpty();
    assertThat(new RunnerConfig.Secrets(null, null, null, null, null).proxyPasswords()).isEmpty();
  }
}
