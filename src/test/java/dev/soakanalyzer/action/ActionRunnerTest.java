package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.github.FakeGitHub;
import dev.soakanalyzer.github.SimulatedRunner;
import dev.soakanalyzer.testsupport.RealRedis;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code soak-analyzer action} in a simulated runner against a fake GitHub API. */
class ActionRunnerTest {

  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));
  private static final String TOKEN = "ghs_s3cr3t_token_value";

  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path workspace;
  private FakeGitHub github;
  private final Map<String, String> env = new HashMap<>();
  private String stdout;
  private String stderr;

  @BeforeEach
  void runner() throws IOException {
    github = new FakeGitHub();
    copyFixture("soak_warn");
    copyFixture("soak_crit");
    env.putAll(SimulatedRunner.pullRequestEnv(workspace, github.apiUrl()));
    env.put("INPUT_ITER-GLOB", "fixtures/soak_warn/ITER_SUMMARY_*.json");
    env.put("INPUT_OUT-DIR", "reports/analysis");
    env.put("INPUT_MIN-WINDOWS", "24");
    env.put("INPUT_GITHUB-TOKEN", TOKEN);
    env.put("INPUT_COMMENT", "true");
    env.put("INPUT_STEP-SUMMARY", "true");
    env.put("INPUT_EXIT-ON-CRIT", "false");
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private void copyFixture(String name) throws IOException {
    Path from = PROJECT.resolve("fixtures").resolve(name);
    Path to = workspace.resolve("fixtures").resolve(name);
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private int run() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"action"},
            new PrintWriter(out),
            new PrintWriter(err),
            env,
            Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC));
    stdout = out.toString();
    stderr = err.toString();
    return code;
  }

  /** Parses GITHUB_OUTPUT the way the runner does: {@code name<<DELIM ... DELIM}. */
  private Map<String, String> outputs() throws IOException {
    Map<String, String> outputs = new LinkedHashMap<>();
    var lines = Files.readAllLines(workspace.resolve("output.txt"), StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      assertThat(heredoc).as("line %s is a heredoc header", line).isPositive();
      String name = line.substring(0, heredoc);
      String delimiter = line.substring(heredoc + 2);
      StringBuilder value = new StringBuilder();
      i++;
      while (!lines.get(i).equals(delimiter)) {
        value.append(value.length() > 0 ? "\n" : "").append(lines.get(i));
        i++;
      }
      outputs.put(name, value.toString());
    }
    return outputs;
  }

  private String summary() throws IOException {
    return Files.readString(workspace.resolve("step_summary.md"));
  }

  @Test
  void firstRunCreatesTheCommentAndWritesEveryOutputExactly() throws Exception {
    int code = run();

    assertThat(code).as(stderr).isZero();
    assertThat(github.posts()).isEqualTo(1);
    assertThat(outputs())
        .containsExactly(
            Map.entry("verdict", "WARN"),
            Map.entry("crit-count", "0"),
            Map.entry("warn-count", "4"),
            Map.entry("ok-count", "4"),
            Map.entry("windows", "24"),
            Map.entry("summary-path", "reports/analysis/SOAK_SUMMARY.json"),
            Map.entry("report-path", "reports/analysis/POST_SOAK_ANALYSIS.md"),
            Map.entry("path-root", "workspace"),
            Map.entry("comment-url", "https://github.com/acme/mm-bot/pull/7#issuecomment-1000"),
            // no baseline input: both empty
            Map.entry("regressions", ""),
            Map.entry("baseline-ref", ""));
    assertThat(workspace.resolve("reports/analysis/VIOLATIONS.json")).exists();
    assertThat(summary()).contains("## 🧪 Soak Analysis").contains("xychart-beta");
    assertThat(stdout)
        .contains("::group::")
        .contains("::endgroup::")
        .contains("PR comment created");
  }

  @Test
  void withoutACommitInTheFilesTheCommitIsThePullRequestsBaseAndHead() throws Exception {
    assertThat(run()).as(stderr).isZero();
    github.applyWrites();

    assertThat(github.comments().get(0).body()).contains("**Commit:** `abc1230..def4567`");
    assertThat(summary()).contains("**Commit:** `abc1230..def4567`");
  }

  @Test
  void secondRunUpdatesTheSameCommentAndShowsTheChange() throws Exception {
    run();
    github.applyWrites();
    env.put("INPUT_ITER-GLOB", "fixtures/soak_warn/ITER_SUMMARY_1*.json");

    int code = run();
    github.applyWrites();

    assertThat(code).as(stderr).isZero();
    assertThat(github.comments()).hasSize(1);
    assertThat(github.comments().get(0).body())
        .contains("<!-- soak-analyzer:comment out-dir=reports/analysis env=dev exchange=bybit -->")
        .containsPattern("\\| ETHUSDT \\| [^|]+ \\| [^|0-9]*[0-9.]+ \\([+-][0-9.]+\\) ");
    assertThat(stdout).contains("PR comment updated");
  }

  @Test
  void anotherUsersCommentWithTheSameMarkerIsLeftAlone() throws Exception {
    github.addComment(
        "mallory",
        "<!-- soak-analyzer:comment out-dir=reports/analysis env=dev exchange=bybit -->\nfake");

    run();
    github.applyWrites();

    assertThat(github.comments()).hasSize(2);
    assertThat(github.comments().get(0).body()).endsWith("fake");
    assertThat(github.patches()).isZero();
  }

  @Test
  void twoOutDirsKeepTwoComments() throws Exception {
    run();
    github.applyWrites();
    env.put("INPUT_OUT-DIR", "reports/crit");
    env.put("INPUT_ITER-GLOB", "fixtures/soak_crit/ITER_SUMMARY_*.json");
    run();
    github.applyWrites();

    assertThat(github.comments()).hasSize(2);
  }

  @Test
  void theCommentIsFoundOnTheSecondPage() throws Exception {
    github.pageSize(2);
    github.addComment("octocat", "LGTM");
    github.addComment("octocat", "nit");
    run();
    github.applyWrites();

    run();
    github.applyWrites();

    assertThat(github.comments()).hasSize(3);
    assertThat(stdout).contains("PR comment updated");
  }

  @Test
  void onGitHubEnterpriseTheApiUrlWithItsPathIsUsedAcrossPages() throws Exception {
    github.close();
    github = new FakeGitHub("/api/v3");
    github.pageSize(1);
    github.addComment("octocat", "LGTM");
    env.put("GITHUB_API_URL", github.apiUrl());
    run();
    github.applyWrites();

    int code = run();
    github.applyWrites();

    assertThat(code).as(stderr).isZero();
    assertThat(stdout).contains("PR comment updated");
    assertThat(github.comments()).hasSize(2);
    assertThat(github.server().getAllServeEvents())
        .allMatch(e -> e.getRequest().getUrl().startsWith("/api/v3/"));
  }

  @Test
  void aForkPullRequestWritesNoCommentWarnsAndStillWritesTheSummary() throws Exception {
    Path event = workspace.resolve("fork.json");
    Files.copy(PROJECT.resolve("src/test/resources/github/pull_request_fork_event.json"), event);
    env.put("GITHUB_EVENT_PATH", event.toString());

    int code = run();

    assertThat(code).isZero();
    assertThat(github.posts() + github.patches()).isZero();
    assertThat(stderr).contains("warn: pull request #7 comes from a fork");
    assertThat(summary()).contains("Soak Analysis");
    assertThat(outputs()).containsEntry("comment-url", "").containsEntry("verdict", "WARN");
  }

  @Test
  void aForbiddenWriteIsAWarningAndTheExitCodeFollowsTheVerdict() throws Exception {
    github.failWrites(
        WireMock.aResponse()
            .withStatus(403)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"Resource not accessible by integration\"}"));

    assertThat(run()).isZero();
    assertThat(stderr).contains("warn: PR comment skipped: GitHub API answered HTTP 403");
    // The warning is an annotation too, before the violations' annotations.
    List<String> annotations =
        stdout.lines().filter(l -> l.startsWith("::warning ") || l.startsWith("::error ")).toList();
    assertThat(annotations.get(0))
        .startsWith("::warning title=soak-analyzer::PR comment skipped")
        .contains("HTTP 403");
    assertThat(annotations).hasSizeLessThanOrEqualTo(ActionRunner.MAX_ANNOTATIONS);

    env.put("INPUT_ITER-GLOB", "fixtures/soak_crit/ITER_SUMMARY_*.json");
    env.put("INPUT_EXIT-ON-CRIT", "true");
    assertThat(run()).isEqualTo(1);
    assertThat(stderr).contains("HTTP 403");
  }

  @Test
  void exitOnCritFailsOnlyOnCrit() throws Exception {
    env.put("INPUT_EXIT-ON-CRIT", "true");
    assertThat(run()).isZero();

    env.put("INPUT_ITER-GLOB", "fixtures/soak_crit/ITER_SUMMARY_*.json");
    assertThat(run()).isEqualTo(1);

    env.put("INPUT_EXIT-ON-CRIT", "false");
    assertThat(run()).isZero();
    assertThat(outputs()).containsEntry("verdict", "CRIT");
  }

  @Test
  void aPushEventPostsNoComment() throws Exception {
    env.put("GITHUB_EVENT_NAME", "push");
    env.put(
        "GITHUB_EVENT_PATH",
        PROJECT.resolve("src/test/resources/github/push_event.json").toString());

    assertThat(run()).isZero();
    assertThat(github.server().getAllServeEvents()).isEmpty();
    assertThat(stdout).contains("is not a pull request: no PR comment");
  }

  @Test
  void atMostTenAnnotationsWorstFirstAndTheTokenIsMaskedNeverPrinted() throws Exception {
    env.put("INPUT_ITER-GLOB", "fixtures/**/ITER_SUMMARY_*.json");
    env.put("INPUT_WARN-EDGE", "10");
    env.put("INPUT_CRIT-EDGE", "9");
    env.put("INPUT_WARN-MAKER", "0.99");
    env.put("INPUT_CRIT-MAKER", "0.98");
    env.put("INPUT_WARN-LAT", "100");
    env.put("INPUT_CRIT-LAT", "200");
    env.put("INPUT_WARN-RISK", "0.1");
    env.put("INPUT_CRIT-RISK", "0.2");

    run();

    long annotations =
        stdout.lines().filter(l -> l.startsWith("::error ") || l.startsWith("::warning ")).count();
    assertThat(annotations).isEqualTo(ActionRunner.MAX_ANNOTATIONS);
    assertThat(stdout.lines().filter(l -> l.startsWith("::")).findFirst())
        .contains("::add-mask::" + TOKEN);
    assertThat(stdout.replace("::add-mask::" + TOKEN, "")).doesNotContain(TOKEN);
    assertThat(stderr).doesNotContain(TOKEN);
    assertThat(stdout).contains("more violating cells not annotated");
  }

  @Test
  void aSymbolNameFromAnInputFileCannotForgeAWorkflowCommand() throws Exception {
    String evil = "EVIL ##[add-mask]x ::error::forged";
    Path dir = Files.createDirectories(workspace.resolve("evil"));
    for (int w = 1; w <= 3; w++) {
      for (String copy : new String[] {"a", "b"}) {
        // Two files per window: the duplicate warning prints the symbol name to the log.
        Files.writeString(
            dir.resolve("ITER_SUMMARY_" + w + "_" + copy + ".json"),
            "{\"symbol\":\""
                + evil
                + "\",\"window_index\":"
                + w
                + ",\"edge_bps\":1.0,\"maker_taker_ratio\":0.9,\"p95_latency_ms\":100,"
                + "\"risk_ratio\":0.1}");
      }
    }
    env.put("INPUT_ITER-GLOB", "evil/ITER_SUMMARY_*.json");

    run();

    assertThat(stderr).contains("duplicate window 1 for EVIL");
    for (String line : (stdout + stderr).lines().toList()) {
      boolean v2 = line.stripLeading().startsWith("::");
      // The runner parses ::cmd at the line start, and the legacy ##[cmd] anywhere else.
      assertThat(v2 || !line.contains("##[")).as(line).isTrue();
      if (v2) {
        assertThat(line)
            .as(line)
            .matches("::(error|warning) title=[^:]*::.*|::(add-mask|group|endgroup)::.*");
      }
    }
  }

  @Test
  void badInputsAreOneLineErrorsNamingTheInputAndExitTwo() {
    env.put("INPUT_MIN-WINDOWS", "many");
    env.put("INPUT_COMMENT", "yes please");

    assertThat(run()).isEqualTo(2);
    assertThat(stderr).contains("error: input comment must be true or false, not 'yes please'");
    assertThat(stderr).contains("--min-windows");
    assertThat(github.server().getAllServeEvents()).isEmpty();
  }

  @Test
  void noMatchingWindowIsExitTwoWithTheGuidesMessage() {
    env.put("INPUT_ITER-GLOB", "nothing/ITER_SUMMARY_*.json");

    assertThat(run()).isEqualTo(2);
    assertThat(stderr)
        .contains("error: no ITER_SUMMARY windows matched 'nothing/ITER_SUMMARY_*.json'");
    assertThat(stdout).contains("::error title=soak-analyzer::");
  }

  @Test
  void withARedisUrlTheReportsAreExportedAndTheUrlIsMasked() throws Exception {
    // Password-only auth (requirepass): empty user in the URL, '@' percent-encoded.
    RedisServer server =
        REDIS.start(RedisServer.Options.plain().withAclUser("default", "pw@secret"));
    String url = "redis://:pw%40secret@" + server.host() + ":" + server.port() + "/0";
    env.put("INPUT_REDIS-URL", url);
    String redisEnv = REDIS.uniqueEnv();
    env.put("INPUT_ENV", redisEnv);

    int code = run();

    assertThat(code).as(stderr).isZero();
    assertThat(stderr).doesNotContain("redis unavailable").doesNotContain("secret");
    // '%' is escaped as %25 in command data; the runner unescapes it.
    assertThat(stdout)
        .contains("::add-mask::" + url.replace("%", "%25"))
        .contains("::add-mask::pw%2540secret")
        .contains("::add-mask::pw@secret");
    assertThat(workspace.resolve("artifacts/state/" + redisEnv + ".bybit/last_export_status.json"))
        .content()
        .contains("\"summary\" : \"OK\"");
  }

  /** Every GitHub failure on the comment is a warning; the step's result is the analysis. */
  @org.junit.jupiter.params.ParameterizedTest(name = "HTTP {0} {1}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "403|'{\"message\":\"Resource not accessible by integration\"}'|pull-requests: write",
        "404|'{\"message\":\"Not Found\"}'|HTTP 404",
        "422|'{\"message\":\"Validation Failed\"}'|comment rejected as invalid",
        "502|'<html>Bad Gateway</html>'|HTTP 502",
        "403|'{\"message\":\"You have exceeded a secondary rate limit.\"}'|rate limited",
        "429|'{\"message\":\"API rate limit exceeded\"}'|rate limited"
      })
  void aFailingCommentWriteIsAWarningAndNeverFailsTheStep(int status, String body, String hint)
      throws Exception {
    github.failWrites(WireMock.aResponse().withStatus(status).withBody(body));
    env.put("INPUT_ITER-GLOB", "fixtures/soak_crit/ITER_SUMMARY_*.json");

    assertThat(run()).as(stderr).isZero();
    assertThat(stderr)
        .contains("warn: PR comment skipped: GitHub API answered HTTP " + status)
        .contains(hint);
    assertThat(outputs()).containsEntry("verdict", "CRIT").containsEntry("comment-url", "");
    assertThat(summary()).contains("Soak Analysis");
  }
}
