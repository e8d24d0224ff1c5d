package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily self-test's logic, run with bash as GitHub runs a {@code shell: bash} step: it fails
 * when the expected alert was not delivered, and an OK verdict must complete a cycle and send
 * nothing.
 */
class AlertSelfTestWorkflowTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));
  private static final Path WORKFLOW = PROJECT.resolve(".github/workflows/alert-selftest.yml");

  @TempDir Path dir;

  private static JsonNode steps() throws Exception {
    return new YAMLMapper().readTree(WORKFLOW.toFile()).path("jobs").path("selftest").path("steps");
  }

  private static JsonNode step(String namePrefix) throws Exception {
    for (JsonNode s : steps()) {
      if (s.path("name").asText().startsWith(namePrefix)) {
        return s;
      }
    }
    throw new AssertionError("no step named '" + namePrefix + "...' in " + WORKFLOW);
  }

  private int verify(String verdict, List<String> expectedChannels, String log) throws Exception {
    Files.writeString(dir.resolve("selftest.log"), log);
    Files.writeString(
        dir.resolve("expected_channels.txt"),
        expectedChannels.isEmpty() ? "" : String.join("\n", expectedChannels) + "\n");
    // The step's own script, with the repository's scripts/ reachable from the temp dir.
    if (!Files.exists(dir.resolve("scripts"))) {
      Files.createSymbolicLink(dir.resolve("scripts"), PROJECT.resolve("scripts").toAbsolutePath());
    }
    Path script = dir.resolve("verify.sh");
    Files.writeString(script, step("Verify").path("run").asText());
    ProcessBuilder pb =
        new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true);
    pb.environment().put("VERDICT", verdict);
    Process p = pb.start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static String cycle(String verdict, String sent) {
    return "[INFO] ALERT_POLICY env=dev min_severity=WARN source=alert-min-severity\n"
        + sent
        + "[INFO] CONTINUOUS_METRICS verdict="
        + verdict
        + " windows=24 symbols=3 crit=3 warn=0 ok=9 duration_ms=5\n";
  }

  @Test
  void bothStepsRunWithPipefailSoAFailingRunnerIsNotHiddenByTee() throws Exception {
    assertThat(step("One runner cycle").path("shell").asText()).isEqualTo("bash");
    assertThat(step("One runner cycle").path("run").asText()).contains("| tee selftest.log");
    assertThat(step("Verify").path("shell").asText()).isEqualTo("bash");
  }

  @Test
  void aCritDeliveredOnEveryExpectedChannelPasses() throws Exception {
    String log = cycle("CRIT", "[INFO] ALERT_SENT verdict=CRIT channels=telegram,slack\n");
    assertThat(verify("crit", List.of("telegram", "slack"), log)).isZero();
  }

  @Test
  void aCritNotDeliveredFails() throws Exception {
    String log = cycle("CRIT", "warn: ALERT_FAILED not delivered on any channel\n");
    assertThat(verify("crit", List.of("telegram"), log)).isEqualTo(1);
  }

  @Test
  void aCritDeliveredOnOnlyOneOfTwoChannelsFails() throws Exception {
    String log = cycle("CRIT", "[INFO] ALERT_SENT verdict=CRIT channels=slack\n");
    assertThat(verify("crit", List.of("telegram", "slack"), log)).isEqualTo(1);
  }

  @Test
  void aWarnIsExpectedAsWarn() throws Exception {
    assertThat(
            verify(
                "warn",
                List.of("telegram"),
                cycle("WARN", "[INFO] ALERT_SENT verdict=WARN channels=telegram\n")))
        .isZero();
    assertThat(verify("warn", List.of("telegram"), cycle("WARN", ""))).isEqualTo(1);
  }

  @Test
  void anOkThatSendsNothingPassesAndAnOkThatSendsFails() throws Exception {
    assertThat(verify("ok", List.of("telegram"), cycle("OK", ""))).isZero();
    assertThat(
            verify(
                "ok",
                List.of("telegram"),
                cycle("OK", "[INFO] ALERT_SENT verdict=OK channels=telegram\n")))
        .isEqualTo(1);
  }

  @Test
  void anOkWhoseCycleNeverRanFails() throws Exception {
    assertThat(verify("ok", List.of("telegram"), "error: --iter-glob matched nothing\n"))
        .isEqualTo(1);
  }

  @Test
  void theSelfTestIsIsolatedFromProduction() throws Exception {
    String run = step("One runner cycle").path("run").asText();
    assertThat(run)
        .contains("--alert-debounce-min 0")
        .contains("--ttl 600")
        .contains("--heartbeat-key soak:runner:selftest_heartbeat")
        .contains("--key-namespace soak:selftest")
        .contains("--alert-key soak:selftest:alert_state")
        .contains("--state-dir artifacts/state/selftest")
        .contains("--max-iterations 1");
    assertThat(step("Verify").path("run").asText()).contains("scripts/verify-selftest.sh");
    JsonNode root = new YAMLMapper().readTree(WORKFLOW.toFile());
    // YAML 1.1 reads the bare key `on` as the boolean true.
    JsonNode on = root.has("on") ? root.path("on") : root.path("true");
    assertThat(on.path("schedule").get(0).path("cron").asText()).isEqualTo("7 7 * * *");
    assertThat(on.path("workflow_dispatch").path("inputs").path("verdict").path("options"))
        .extracting(JsonNode::asText)
        .containsExactly("crit", "warn", "ok");
  }
}
