package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.testsupport.RealRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --baseline redis}: main's run, exported to a real server, is the baseline a later PR run
 * is compared with, read back from the run history stream.
 */
class HistoryBaselineTest {
  @RegisterExtension static final RealRedis REDIS = new RealRedis();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String glob(String fixture) {
    return Path.of("fixtures", fixture).toAbsolutePath() + "/ITER_SUMMARY_*.json";
  }

  /** main's soak analysed with its ref and exported, so its record lands in the history. */
  private String exportMainRun() {
    String env = REDIS.uniqueEnv();
    CliRunner.Result a =
        CliRunner.run(
            dir,
            Map.of(),
            "analyze",
            "--iter-glob",
            glob("baseline_main"),
            "--out-dir",
            "main-out",
            "--ref",
            "main",
            "--sha",
            "1a2b3c4d5e6f");
    assertThat(a.exitCode()).as(a.err()).isEqualTo(0);
    CliRunner.Result e =
        CliRunner.run(
            dir,
            Map.of(),
            "export-redis",
            "--summary",
            "main-out/SOAK_SUMMARY.json",
            "--violations",
            "main-out/VIOLATIONS.json",
            "--redis-url",
            REDIS.url(),
            "--env",
            env);
    assertThat(e.exitCode()).as(e.err()).isEqualTo(0);
    return env;
  }

  private CliRunner.Result runAgainstHistory(String env, String fixture, String branch) {
    return CliRunner.run(
        dir,
        Map.of(),
        "run",
        "--iter-glob",
        glob(fixture),
        "--out-dir",
        "pr-out",
        "--max-iterations",
        "1",
        "--redis-url",
        REDIS.url(),
        "--env",
        env,
        "--baseline",
        "redis",
        "--baseline-branch",
        branch);
  }

  @Test
  void aRegressedPrIsComparedWithMainsNewestRunFromTheHistory() throws Exception {
    String env = exportMainRun();

    CliRunner.Result r = runAgainstHistory(env, "baseline_pr_regressed", "main");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode summary = JSON.readTree(Files.readString(dir.resolve("pr-out/SOAK_SUMMARY.json")));
    JsonNode comparison = summary.path("comparison");
    assertThat(comparison.path("baseline").path("ref").asText()).isEqualTo("main");
    assertThat(comparison.path("baseline").path("sha").asText()).isEqualTo("1a2b3c4d5e6f");
    assertThat(comparison.path("regressed").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(
            summary
                .path("symbols")
                .path("BTCUSDT")
                .path("edge_bps")
                .path("baseline")
                .path("status")
                .asText())
        .isEqualTo("REGRESSED");
  }

  @Test
  void aBranchWithoutRunsIsOneWarningAndNoComparison() throws Exception {
    String env = exportMainRun();

    CliRunner.Result r = runAgainstHistory(env, "baseline_pr_regressed", "release-9");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).contains("baseline from redis: no run of branch release-9");
    JsonNode summary = JSON.readTree(Files.readString(dir.resolve("pr-out/SOAK_SUMMARY.json")));
    assertThat(summary.has("comparison")).isFalse();
  }

  @Test
  void analyzeHasNoRedisConnectionSoBaselineRedisIsAUsageError() {
    CliRunner.Result r =
        CliRunner.run(
            dir, Map.of(), "analyze", "--iter-glob", glob("baseline_main"), "--baseline", "redis");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: --baseline redis reads the run history in Redis");
  }
}
