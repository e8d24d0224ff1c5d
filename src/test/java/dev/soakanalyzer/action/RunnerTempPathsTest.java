package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.github.SimulatedRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absolute inputs as the runner rewrites them: inside the workspace or under {@code RUNNER_TEMP}
 * (the container's {@code /github/runner_temp}) they work, and path outputs say which root they are
 * relative to; anywhere else they are refused with a reason that says so.
 */
class RunnerTempPathsTest {

  @TempDir Path workspace;
  @TempDir Path runnerTemp;
  @TempDir Path outside;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void runnerWithATempDirectory() throws IOException {
    env.putAll(SimulatedRunner.pullRequestEnv(workspace, "http://127.0.0.1:9"));
    env.put("RUNNER_TEMP", runnerTemp.toString());
    env.put("INPUT_ITER-GLOB", "in/ITER_SUMMARY_*.json");
    env.put("INPUT_OUT-DIR", "reports");
    env.put("INPUT_COMMENT", "false");
    copyFixture(workspace.resolve("in"));
  }

  private static void copyFixture(Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(CliRunner.fixtures().resolve("soak_warn"))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private CliRunner.Result action() {
    return CliRunner.run(workspace, env, "action");
  }

  /** GITHUB_OUTPUT's heredocs; a name written twice keeps its last value, as the runner does. */
  private Map<String, String> outputs() throws IOException {
    Map<String, String> outputs = new HashMap<>();
    List<String> lines =
        Files.readAllLines(workspace.resolve("output.txt"), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      String delimiter = line.substring(heredoc + 2);
      StringBuilder value = new StringBuilder();
      for (i++; !lines.get(i).equals(delimiter); i++) {
        value.append(value.length() > 0 ? "\n" : "").append(lines.get(i));
      }
      outputs.put(line.substring(0, heredoc), value.toString());
    }
    return outputs;
  }

  @Test
  void anAbsoluteOutDirUnderRunnerTempIsWrittenAndItsOutputsAreRelativeToRunnerTemp()
      throws Exception {
    env.put("INPUT_OUT-DIR", runnerTemp.resolve("soak/reports").toString());

    CliRunner.Result r = action();

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(runnerTemp.resolve("soak/reports/POST_SOAK_ANALYSIS.md")).isRegularFile();
    assertThat(outputs())
        .containsEntry("report-path", "soak/reports/POST_SOAK_ANALYSIS.md")
        .containsEntry("summary-path", "soak/reports/SOAK_SUMMARY.json")
        .containsEntry("path-root", "runner-temp");
    // What a later step does: $RUNNER_TEMP/<report-path> opens the report.
    assertThat(runnerTemp.resolve(outputs().get("report-path"))).isRegularFile();
    // The job summary names it as it is found on the runner, not at the container's mount path.
    assertThat(Files.readString(workspace.resolve("step_summary.md")))
        .contains("Soak Analysis — `$RUNNER_TEMP/soak/reports`")
        .doesNotContain(runnerTemp.toString());
    assertThat(r.out()).contains("out_dir=$RUNNER_TEMP/soak/reports");
  }

  @Test
  void anAbsoluteOutDirInsideTheWorkspaceGivesWorkspaceRelativeOutputs() throws Exception {
    env.put("INPUT_OUT-DIR", workspace.resolve("reports/abs").toString());

    CliRunner.Result r = action();

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(outputs())
        .containsEntry("report-path", "reports/abs/POST_SOAK_ANALYSIS.md")
        .containsEntry("path-root", "workspace");
    assertThat(workspace.resolve(outputs().get("report-path"))).isRegularFile();
    assertThat(Files.readString(workspace.resolve("step_summary.md")))
        .contains("Soak Analysis — `reports/abs`")
        .doesNotContain(workspace.resolve("reports").toString());
  }

  @Test
  void aRelativeOutDirKeepsTheUsersSpellingUnderTheWorkspace() throws Exception {
    CliRunner.Result r = action();

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(outputs())
        .containsEntry("report-path", "reports/POST_SOAK_ANALYSIS.md")
        .containsEntry("path-root", "workspace");
  }

  @Test
  void anAbsoluteIterGlobUnderRunnerTempIsRead() throws Exception {
    copyFixture(runnerTemp.resolve("downloaded"));
    env.put("INPUT_ITER-GLOB", runnerTemp.resolve("downloaded") + "/ITER_SUMMARY_*.json");
    env.put("INPUT_MIN-WINDOWS", "24");

    CliRunner.Result r = action();

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("outside");
    assertThat(outputs()).containsEntry("windows", "24");
  }

  @Test
  void anAbsoluteBaselineUnderRunnerTempIsCompared() throws Exception {
    env.put("INPUT_OUT-DIR", runnerTemp.resolve("base").toString());
    assertThat(action().exitCode()).isZero();
    env.put("INPUT_OUT-DIR", "reports");
    env.put("INPUT_BASELINE", runnerTemp.resolve("base/SOAK_SUMMARY.json").toString());

    CliRunner.Result r = action();

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("baseline");
    assertThat(outputs().get("regressions")).isEqualTo("0");
  }

  @Test
  void anOutDirOutsideBothIsRefusedAndNothingIsCreatedThere() throws Exception {
    env.put("INPUT_OUT-DIR", outside.resolve("new/reports").toString());

    CliRunner.Result r = action();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("error: ")
        .contains("outside the workspace and RUNNER_TEMP")
        .doesNotContain("symlink");
    assertThat(outside.resolve("new")).doesNotExist();
  }

  @Test
  void anIterGlobOutsideBothIsNotRead() throws Exception {
    copyFixture(outside.resolve("in"));
    env.put("INPUT_ITER-GLOB", outside.resolve("in") + "/ITER_SUMMARY_*.json");

    CliRunner.Result r = action();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("outside the workspace and RUNNER_TEMP");
  }

  @Test
  void aBaselineOutsideBothIsNotReadAndSaysWhy() throws Exception {
    env.put("INPUT_OUT-DIR", outside.resolve("base").toString());
    env.put("RUNNER_TEMP", outside.toString());
    assertThat(action().exitCode()).isZero();
    env.put("RUNNER_TEMP", runnerTemp.toString());
    env.put("INPUT_OUT-DIR", "reports");
    env.put("INPUT_BASELINE", outside.resolve("base/SOAK_SUMMARY.json").toString());

    CliRunner.Result r = action();

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("leads outside the workspace and RUNNER_TEMP; no comparison");
    assertThat(outputs()).containsEntry("regressions", "");
  }

  @Test
  void asRootAnOutDirUnderRunnerTempIsHandedToRunnerTempsOwner() throws Exception {
    Path probe = Files.createTempFile("uid-probe", "");
    int self = (Integer) Files.getAttribute(probe, "unix:uid");
    Files.delete(probe);
    assertThat(self)
        .as(
            "this test checks what a root container does: run the suite as root (uid 0), e.g. in"
                + " the build container or with sudo")
        .isZero();
    Files.setAttribute(runnerTemp, "unix:uid", 1234);
    Files.setAttribute(runnerTemp, "unix:gid", 2345);
    env.put("INPUT_OUT-DIR", runnerTemp.resolve("soak/reports").toString());

    CliRunner.Result r = action();

    assertThat(r.exitCode()).as(r.err()).isZero();
    try (Stream<Path> all = Files.walk(runnerTemp.resolve("soak"))) {
      List<Path> written = all.toList();
      assertThat(written).hasSizeGreaterThan(3);
      for (Path p : written) {
        assertThat((Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS))
            .as(p.toString())
            .isEqualTo(1234);
        assertThat((Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS))
            .as(p.toString())
            .isEqualTo(2345);
      }
    }
  }
}
