package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.cli.CliContext;
import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --exit-on-regression}, end to end through {@code Main} against a real redis-server:
 * the PR soak with one degraded metric, compared with main's soak, is exported like any cycle, then
 * the runner exits 1; without the flag, or against a rerun of main, it goes on and exits 0.
 */
class RunRegressionGateTest {
  private static final Path FIXTURES = Path.of("fixtures").toAbsolutePath();
  private static RedisServer redis;

  @TempDir Path work;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));
  private final Map<String, String> env = new HashMap<>();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start(RedisServer.Options.plain());
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    redis.cli("FLUSHALL");
    env.put("REDIS_URL", redis.url());
  }

  record Result(int code, String out, String err) {}

  private int regressed() throws IOException {
    Path summary = work.resolve("reports/analysis/SOAK_SUMMARY.json");
    return new ObjectMapper().readTree(summary.toFile()).at("/comparison/regressed").asInt(-1);
  }

  private Result run(String soak, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--iter-glob",
                FIXTURES.resolve(soak).resolve("ITER_*.json").toString(),
                "--out-dir",
                "reports/analysis",
                "--baseline",
                FIXTURES.resolve("baseline_main").toString(),
                "--lock-file",
                work.resolve("soak.lock").toString()));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args.toArray(String[]::new),
            new CliContext(new PrintWriter(out), new PrintWriter(err), env, clock, work));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aRegressedCellExportsThenExitsOneInsteadOfWaitingForTheNextCycle() throws Exception {
    // Until stopped with an hour's pause: only the gate can end this run promptly.
    Result r =
        run(
            "baseline_pr_regressed",
            "--exit-on-regression",
            "--max-iterations",
            "0",
            "--interval-min",
            "60");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("EXPORT_STATUS summary=OK violations=OK")
        .contains("[INFO] Exit on regression (--exit-on-regression)");
    assertThat(r.out().lines().filter(l -> l.contains("CONTINUOUS_METRICS verdict="))).hasSize(1);
    assertThat(regressed()).isEqualTo(1);
    assertThat(redis.cli("HGET", "dev:bybit:soak:summary", "verdict")).isNotBlank();
    assertThat(work.resolve("soak.lock")).doesNotExist();
  }

  @Test
  void withoutTheFlagTheRegressionIsReportedAndTheRunGoesOn() throws Exception {
    Result r = run("baseline_pr_regressed", "--max-iterations", "2", "--interval-min", "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Exit on regression");
    assertThat(r.out().lines().filter(l -> l.contains("CONTINUOUS_METRICS verdict="))).hasSize(2);
    assertThat(regressed()).isEqualTo(1);
  }

  @Test
  void aRerunOfTheBaselineDoesNotTripTheGate() throws Exception {
    Result r =
        run(
            "baseline_main_rerun",
            "--exit-on-regression",
            "--max-iterations",
            "2",
            "--interval-min",
            "0");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Exit on regression");
    assertThat(r.out().lines().filter(l -> l.contains("CONTINUOUS_METRICS verdict="))).hasSize(2);
    assertThat(regressed()).isZero();
  }
}
