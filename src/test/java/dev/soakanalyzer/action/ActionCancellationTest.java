package dev.soakanalyzer.action;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.github.FakeGitHub;
import dev.soakanalyzer.github.SimulatedRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job cancelled while the PR comment hangs: the runner signals the action's process (SIGINT, then
 * SIGTERM after its grace of 7.5 s; the container gets what {@code docker stop} sends). The
 * process, a real JVM here, must still leave its outputs and the step summary, so {@code if:
 * always()} steps see the verdict.
 */
class ActionCancellationTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));

  /** The runner's grace between its cancel signal and the kill. */
  private static final Duration GRACE = Duration.ofMillis(7500);

  @TempDir Path workspace;
  private final FakeGitHub github = new FakeGitHub();
  private Process action;

  @AfterEach
  void stop() {
    if (action != null) {
      action.destroyForcibly();
    }
    github.close();
  }

  @Test
  void sigtermDuringAHangingCommentStillLeavesOutputsAndSummary() throws Exception {
    Path to = workspace.resolve("fixtures/soak_crit");
    Files.createDirectories(to);
    try (var files = Files.list(PROJECT.resolve("fixtures/soak_crit"))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    // The comments list never answers within the test.
    github
        .server()
        .stubFor(
            get(urlPathMatching(".*/issues/\\d+/comments"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("[]").withFixedDelay(120_000)));

    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.soakanalyzer.cli.Main",
                "action"));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(workspace.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workspace.resolve("log.txt").toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("INPUT_") || k.startsWith("GITHUB_"));
    env.putAll(SimulatedRunner.pullRequestEnv(workspace, github.apiUrl()));
    env.put("INPUT_ITER-GLOB", "fixtures/soak_crit/ITER_SUMMARY_*.json");
    env.put("INPUT_MIN-WINDOWS", "24");
    env.put("INPUT_GITHUB-TOKEN", "ghs_cancelled_token");
    action = pb.start();

    // Wait (bounded) until the action is inside the comment step: the list request has arrived.
    Instant until = Instant.now().plusSeconds(120);
    while (github.server().findAll(getRequestedFor(urlPathMatching(".*/comments"))).isEmpty()) {
      assertThat(action.isAlive()).as(log()).isTrue();
      assertThat(Instant.now()).as("the comment step was not reached: " + log()).isBefore(until);
      action.waitFor(50, TimeUnit.MILLISECONDS);
    }
    Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(action.pid())).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(action.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS))
        .as("ended within the runner's grace: " + log())
        .isTrue();
    String outputs = Files.readString(workspace.resolve("output.txt"), StandardCharsets.UTF_8);
    assertThat(outputs)
        .contains("verdict<<")
        .contains("\nCRIT\n")
        .contains("crit-count<<")
        .contains("summary-path<<")
        .contains("\nreports/analysis/SOAK_SUMMARY.json\n");
    assertThat(workspace.resolve("step_summary.md")).content().contains("Soak Analysis");
  }

  private String log() {
    try {
      return Files.readString(workspace.resolve("log.txt"));
    } catch (java.io.IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
