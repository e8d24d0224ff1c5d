package dev.soakanalyzer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under GitHub Actions every line the CLI prints goes through one guard: Unicode spaces before
 * {@code ::} and the legacy {@code ##[command]} anywhere in a line never reach the runner's parser.
 */
class HostileOutputTest {
  private static final List<String> SYMBOLS =
      List.of(
          "\u00a0::error::nbsp",
          "\u202f::warning::narrow",
          "\u2007::add-mask::figure",
          "x##[error]legacy",
          "y##[add-mask]secret",
          "z##[set-output name=verdict]OK",
          "w##[stop-commands]tok");

  @TempDir Path dir;

  @Test
  void noLinePrintedUnderActionsIsAWorkflowCommand() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int w = 1; w <= 2; w++) {
      StringBuilder sb = new StringBuilder("{\"window_index\":" + w);
      for (String s : SYMBOLS) {
        sb.append(",\"").append(s).append("\":{\"edge_bps\":").append(w).append('}');
      }
      Files.writeString(in.resolve("ITER_SUMMARY_" + w + ".json"), sb.append('}'));
    }
    // The same window twice (a duplicate-window warning) and a skip warning, both naming a file.
    Files.writeString(
        in.resolve("ITER_SUMMARY_2##[error]dup.json"),
        "{\"window_index\":2," + "\"x##[error]legacy\":{\"edge_bps\":1}}");
    Files.writeString(in.resolve("ITER_SUMMARY_9##[add-mask]bad.json"), "not json");

    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of("GITHUB_ACTIONS", "true"),
            "analyze",
            "--iter-glob",
            "in/*",
            "--out-dir",
            "out",
            "--min-windows",
            "1",
            "--verbose");

    assertThat(r.exitCode()).isZero();
    List<String> lines = new ArrayList<>(r.out().lines().toList());
    lines.addAll(r.err().lines().toList());
    assertThat(String.join("\n", lines)).contains("nbsp").contains("legacy").contains("skipped");
    for (String line : lines) {
      assertThat(line).doesNotContain("##[");
      assertThat(runnerTrim(line)).doesNotStartWith("::");
    }
  }

  /** The runner's trim: every Unicode space, not only Java's. */
  private static String runnerTrim(String line) {
    int i = 0;
    while (i < line.length()
        && (Character.isWhitespace(line.charAt(i)) || Character.isSpaceChar(line.charAt(i)))) {
      i++;
    }
    return line.substring(i);
  }
}
