package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.github.SimulatedRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed symlinks never make the action read or write outside the workspace. */
class HostileWorkspaceTest {
  private static final String SECRET = "ghp_0123456789abcdefSECRET";

  @TempDir Path workspace;
  @TempDir Path outside;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void workspaceWithOneGoodWindow() throws IOException {
    env.putAll(SimulatedRunner.pullRequestEnv(workspace, "http://127.0.0.1:9"));
    env.put("INPUT_ITER-GLOB", "in/ITER_SUMMARY_*.json");
    env.put("INPUT_OUT-DIR", "reports");
    env.put("INPUT_MIN-WINDOWS", "1");
    env.put("INPUT_COMMENT", "false");
    Path in = Files.createDirectories(workspace.resolve("in"));
    Files.writeString(in.resolve("ITER_SUMMARY_1.json"), "{\"symbol\":\"BTCUSDT\",\"edge_bps\":3}");
  }

  private CliRunner.Result action() {
    return CliRunner.run(workspace, env, "action");
  }

  private String everythingWritten() throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.walk(workspace)) {
      for (Path f :
          files
              .filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
              .filter(f -> !f.startsWith(workspace.resolve("in")))
              .toList()) {
        sb.append(Files.readString(f)).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void aSymlinkToAFileOutsideIsSkippedAndItsContentNeverQuoted() throws Exception {
    Path secret = Files.writeString(outside.resolve("token"), SECRET + " and more");
    Files.createSymbolicLink(workspace.resolve("in/ITER_SUMMARY_2.json"), secret);

    CliRunner.Result r = action();

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("ITER_SUMMARY_2.json: outside the workspace");
    assertThat(r.out() + r.err() + everythingWritten()).doesNotContain("ghp_");
  }

  @Test
  void aSkipReasonNeverQuotesTheFilesFirstToken() throws Exception {
    Files.writeString(workspace.resolve("in/ITER_SUMMARY_2.json"), SECRET + " and more");

    CliRunner.Result r = action();

    assertThat(r.err()).contains("ITER_SUMMARY_2.json: not valid JSON");
    assertThat(r.out() + r.err() + everythingWritten()).doesNotContain("ghp_");
  }

  @Test
  void aSymlinkedOutDirLeadingOutsideIsRefusedAndNothingIsWrittenThere() throws Exception {
    Files.createSymbolicLink(workspace.resolve("reports"), outside);

    CliRunner.Result r = action();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error: ").contains("outside the workspace");
    try (Stream<Path> there = Files.list(outside)) {
      assertThat(there).isEmpty();
    }
  }

  @Test
  void aSymlinkedLockFileIsNotFollowed() throws Exception {
    Path reports = Files.createDirectories(workspace.resolve("reports"));
    Path target = outside.resolve("created-through-the-link");
    Files.createSymbolicLink(reports.resolve(".soak-analyzer.lock"), target);

    CliRunner.Result r = action();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(target).doesNotExist();
    assertThat(r.err()).contains("error: ").doesNotContain("Exception");
  }
}
