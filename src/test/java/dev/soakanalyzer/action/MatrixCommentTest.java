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

/**
 * A matrix over exchanges posting to one PR with the same out-dir: each job keeps its own comment
 * (the marker carries env, exchange and comment-key), and a rerun updates its own, never the other.
 */
class MatrixCommentTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));

  @TempDir Path workspace;
  private FakeGitHub github;
  private final Map<String, String> env = new HashMap<>();
  private String stderr;
  private int posts;
  private int patches;

  @BeforeEach
  void runner() throws IOException {
    github = new FakeGitHub();
    for (String name : new String[] {"soak_warn", "soak_crit"}) {
      Path to = workspace.resolve("fixtures").resolve(name);
      Files.createDirectories(to);
      try (var files = Files.list(PROJECT.resolve("fixtures").resolve(name))) {
        for (Path f : files.toList()) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
    env.putAll(SimulatedRunner.pullRequestEnv(workspace, github.apiUrl()));
    env.put("INPUT_OUT-DIR", "reports/analysis");
    env.put("INPUT_MIN-WINDOWS", "24");
    env.put("INPUT_GITHUB-TOKEN", "ghs_matrix_token_value");
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private void job(String exchange, String fixture) throws Exception {
    env.put("INPUT_EXCHANGE", exchange);
    env.put("INPUT_ITER-GLOB", "fixtures/" + fixture + "/ITER_SUMMARY_*.json");
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"action"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            env,
            Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC));
    stderr = err.toString();
    assertThat(code).as(stderr).isZero();
    posts = github.posts();
    patches = github.patches();
    github.applyWrites();
  }

  private String commentOf(String exchange) {
    return github.comments().stream()
        .filter(c -> c.body().contains(" exchange=" + exchange + " "))
        .findFirst()
        .orElseThrow()
        .body();
  }

  @Test
  void twoExchangesKeepOneCommentEachAndARerunUpdatesItsOwn() throws Exception {
    job("bybit", "soak_warn");
    job("okx", "soak_crit");

    assertThat(github.comments()).hasSize(2);
    assertThat(commentOf("bybit"))
        .startsWith(
            "<!-- soak-analyzer:comment out-dir=reports/analysis env=dev exchange=bybit -->")
        .doesNotContain("CRIT |");
    assertThat(commentOf("okx")).contains("🔴");

    // The okx job is rerun with other data: it updates its own comment, bybit's stays as it was.
    String bybitBefore = commentOf("bybit");
    String okxBefore = commentOf("okx");
    job("okx", "soak_warn");
    assertThat(github.comments()).hasSize(2);
    assertThat(posts).isZero();
    assertThat(patches).isEqualTo(1);
    assertThat(commentOf("bybit")).isEqualTo(bybitBefore);
    assertThat(commentOf("okx")).isNotEqualTo(okxBefore).isNotEqualTo(bybitBefore);
  }

  @Test
  void aCommentKeySeparatesJobsOfOneEnvAndExchange() throws Exception {
    env.put("INPUT_COMMENT-KEY", "linux x64");
    job("bybit", "soak_warn");
    env.put("INPUT_COMMENT-KEY", "linux arm64");
    job("bybit", "soak_warn");
    job("bybit", "soak_warn");

    assertThat(github.comments()).hasSize(2);
    assertThat(github.comments().get(0).body())
        .startsWith(
            "<!-- soak-analyzer:comment out-dir=reports/analysis env=dev exchange=bybit"
                + " key=linux%20x64 -->");
    assertThat(posts).isZero();
    assertThat(patches).isEqualTo(1);
  }
}
