package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.github.FakeGitHub;
import dev.soakanalyzer.github.SimulatedRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action writes SOAK_REPORT.html with the other reports and says where it is. */
class HtmlReportActionTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));

  @TempDir Path workspace;
  private FakeGitHub github;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void runner() throws IOException {
    github = new FakeGitHub();
    Path to = Files.createDirectories(workspace.resolve("fixtures/soak_warn"));
    try (var files = Files.list(PROJECT.resolve("fixtures/soak_warn"))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    env.putAll(SimulatedRunner.pullRequestEnv(workspace, github.apiUrl()));
    env.put("INPUT_ITER-GLOB", "fixtures/soak_warn/ITER_SUMMARY_*.json");
    env.put("INPUT_OUT-DIR", "reports/analysis");
    env.put("INPUT_GITHUB-TOKEN", "ghs_test_token");
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private int run() {
    return Main.run(
        new String[] {"action"},
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        env,
        Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void thePageIsWrittenAndTheSummaryAndCommentSayWhereItIs() throws Exception {
    assertThat(run()).isZero();
    github.applyWrites();

    assertThat(workspace.resolve("reports/analysis/SOAK_REPORT.html")).isRegularFile();
    String where = "**Interactive report:** `reports/analysis/SOAK_REPORT.html`";
    assertThat(Files.readString(workspace.resolve("step_summary.md"))).contains(where);
    assertThat(github.comments()).hasSize(1);
    assertThat(github.comments().get(0).body()).contains(where);
  }

  @Test
  void htmlFalseWritesNoPageAndNamesNone() throws Exception {
    env.put("INPUT_HTML", "false");

    assertThat(run()).isZero();
    github.applyWrites();

    assertThat(workspace.resolve("reports/analysis/SOAK_REPORT.html")).doesNotExist();
    assertThat(workspace.resolve("reports/analysis/POST_SOAK_ANALYSIS.md")).isRegularFile();
    assertThat(Files.readString(workspace.resolve("step_summary.md")))
        .doesNotContain("SOAK_REPORT.html");
    assertThat(github.comments().get(0).body()).doesNotContain("SOAK_REPORT.html");
  }
}
