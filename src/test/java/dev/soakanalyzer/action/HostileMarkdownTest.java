package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.github.SimulatedRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GH-1 and bidi overrides from input files reach no rendered surface as such. */
class HostileMarkdownTest {
  @TempDir Path workspace;

  @Test
  void reportsAndTheStepSummaryNeitherAutolinkNorReorder() throws Exception {
    Path in = Files.createDirectories(workspace.resolve("in"));
    for (int w = 1; w <= 2; w++) {
      Files.writeString(
          in.resolve("ITER_SUMMARY_" + w + ".json"),
          "{\"window_index\":"
              + w
              + ",\"GH-1\":{\"edge_bps\":-5},\"BTC\u202eTDSU\":{\"edge_bps\":-5},"
              + "\"meta\":{\"commit\":\"GH-7\"}}");
    }
    Map<String, String> env =
        new HashMap<>(SimulatedRunner.pullRequestEnv(workspace, "http://127.0.0.1:9"));
    env.put("INPUT_ITER-GLOB", "in/ITER_SUMMARY_*.json");
    env.put("INPUT_OUT-DIR", "reports");
    env.put("INPUT_MIN-WINDOWS", "1");
    env.put("INPUT_COMMENT", "false");

    CliRunner.Result r = CliRunner.run(workspace, env, "action");

    assertThat(r.exitCode()).as(r.err()).isZero();
    for (Path f :
        new Path[] {
          workspace.resolve("step_summary.md"),
          workspace.resolve("reports/POST_SOAK_ANALYSIS.md"),
          workspace.resolve("reports/RECOMMENDATIONS.md")
        }) {
      // Code blocks (the Mermaid charts) and code spans are never autolinked: only prose counts.
      String md = Files.readString(f).replaceAll("(?s)```.*?```", "").replaceAll("`[^`\n]*`", "");
      assertThat(md).as(f.toString()).contains("GH\u200B-1").contains("BTC\uFFFDTDSU");
      assertThat(md).as(f.toString()).doesNotContain("GH-1").doesNotContain("\u202e");
    }
  }
}
