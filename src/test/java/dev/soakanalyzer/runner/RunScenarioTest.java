package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.alert.FakeChatServer;
import dev.soakanalyzer.alert.FakeChatServer.Reply;
import dev.soakanalyzer.cli.CliContext;
import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's smoke scenarios and every branch of the decision, end to end through {@code Main}:
 * real AnalysisJob, real redis-server, a local Telegram fake, a hand-moved clock.
 */
class RunScenarioTest {
  private static final String TOKEN = "987654:TOKEN-NEVER-LOGGED";
  private static final String HOOK_SECRET = "HOOK-NEVER-LOGGED";
  private static RedisServer redis;

  @TempDir Path work;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));
  private FakeChatServer telegram;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> allOutput = new ArrayList<>();

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
    telegram = new FakeChatServer();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_CHAT_ID", "-100777");
    env.put("TELEGRAM_API_URL", telegram.url());
    env.put("SLACK_WEBHOOK_URL", "http://127.0.0.1:1/services/" + HOOK_SECRET);
    env.put("REDIS_URL", redis.url());
  }

  @AfterEach
  void tearDown() {
    telegram.close();
    assertThat(String.join("\n", allOutput)).doesNotContain(TOKEN).doesNotContain(HOOK_SECRET);
  }

  record Result(int code, String out, String err) {}

  private Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args, new CliContext(new PrintWriter(out), new PrintWriter(err), env, clock, work));
    allOutput.add(out.toString());
    allOutput.add(err.toString());
    return new Result(code, out.toString(), err.toString());
  }

  private Result fake(String level, int variant) {
    Result r =
        cli(
            "fake-summary",
            "--" + level,
            "--variant",
            Integer.toString(variant),
            "--out",
            "reports/analysis");
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private Result run(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--iter-glob",
                "reports/analysis/fake/FAKE_ITER_*.json",
                "--out-dir",
                "reports/analysis",
                "--max-iterations",
                "1",
                "--lock-file",
                work.resolve("soak.lock").toString(),
                "--alert",
                "telegram"));
    if (List.of(extra).contains("--max-iterations")) {
      int i = args.indexOf("--max-iterations");
      args.remove(i + 1);
      args.remove(i);
    }
    args.addAll(List.of(extra));
    return cli(args.toArray(String[]::new));
  }

  @Test
  void theQolSmokeSendsThenDebouncesThenBypassesOnNewViolations() throws Exception {
    fake("crit", 1);
    Result first = run();
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("[INFO] ALERT_POLICY env=dev min_severity=CRIT source=alert-min-severity")
        .contains("[INFO] EXPORT_STATUS summary=OK violations=OK reason=")
        .contains("[INFO] ALERT_SENT verdict=CRIT channels=telegram")
        .contains("[INFO] Heartbeat written")
        .containsPattern(
            "\\[INFO] CONTINUOUS_METRICS verdict=CRIT windows=24 symbols=3 crit=3 warn=0 ok=9"
                + " duration_ms=\\d+");
    assertThat(telegram.requests()).hasSize(1);
    assertThat(telegram.requests().get(0).body())
        .contains("[🔴 CRIT] Soak summary (env=dev, exch=bybit)")
        .contains("- BTCUSDT: edge_bps < 2.0 at window #23 (1.8)");
    assertThat(redis.cli("GET", "dev:bybit:soak:alerts:debounce"))
        .contains("\"last_level\":\"CRIT\"")
        .contains("\"last_sent_utc\":\"2025-10-26T12:00:00Z\"")
        .contains("\"last_signature\":\"");

    Result second = run();
    assertThat(second.out())
        .contains("[INFO] Summary unchanged, skip export")
        .contains(
            "[INFO] ALERT_DEBOUNCED level=CRIT last_sent=\"2025-10-26T12:00:00Z\" debounce_min=180"
                + " remaining_min=180 verdict=CRIT")
        .contains("CONTINUOUS_METRICS verdict=UNCHANGED")
        .doesNotContain("ALERT_SENT");

    clock.advance(Duration.ofMinutes(45));
    assertThat(run().out()).contains("remaining_min=135");

    fake("crit", 2);
    Result third = run();
    assertThat(third.out())
        .contains(
            "[INFO] ALERT_BYPASS_DEBOUNCE prev=CRIT new=CRIT reason=new_violations"
                + " signature_changed=true")
        .contains("ALERT_SENT verdict=CRIT channels=telegram");
    assertThat(telegram.requests()).hasSize(2);
  }

  @Test
  void anExpiredWindowAlertsAgain() {
    fake("crit", 1);
    run();
    clock.advance(Duration.ofMinutes(180));
    assertThat(run().out()).contains("ALERT_SENT verdict=CRIT").doesNotContain("ALERT_DEBOUNCED");
  }

  @Test
  void aSeverityIncreaseBypassesTheDebounce() {
    fake("warn", 1);
    assertThat(run("--alert-policy", "dev=WARN,prod=CRIT").out())
        .contains("ALERT_POLICY env=dev min_severity=WARN source=alert-policy")
        .contains("ALERT_SENT verdict=WARN");
    fake("crit", 1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(run("--alert-policy", "dev=WARN,prod=CRIT").out())
        .contains("ALERT_BYPASS_DEBOUNCE prev=WARN new=CRIT reason=severity_increase")
        .contains("ALERT_SENT verdict=CRIT");
  }

  @Test
  void aVerdictBelowTheMinimumSeverityAlertsNobody() {
    fake("warn", 1);
    Result r = run();
    assertThat(r.out()).doesNotContain("ALERT_SENT").doesNotContain("ALERT_DEBOUNCED");
    assertThat(telegram.requests()).isEmpty();
  }

  @Test
  void aFailedDeliveryIsNotRecordedAndIsRetriedNextCycle() throws Exception {
    telegram.reply(new Reply(400, "{\"ok\":false,\"description\":\"Bad Request\"}", Map.of()));
    fake("crit", 1);
    Result failed = run();
    assertThat(failed.out()).doesNotContain("ALERT_SENT");
    assertThat(failed.err()).contains("warn: alert not delivered: telegram: HTTP 400");
    assertThat(redis.cli("EXISTS", "dev:bybit:soak:alerts:debounce")).isEqualTo("0");
    Result retried = run();
    assertThat(retried.out()).contains("ALERT_SENT verdict=CRIT channels=telegram");
  }

  @Test
  void withRedisDownTheDebounceWorksFromTheLocalStateFileAndTheStreakAlerts() throws Exception {
    env.put("REDIS_URL", "redis://127.0.0.1:" + RedisServer.closedPort() + "/0");
    fake("crit", 1);
    Result first = run("--redis-down-max", "2");
    assertThat(first.err()).contains("warn: redis unavailable, skip export");
    assertThat(first.out())
        .contains("EXPORT_STATUS summary=SKIP violations=SKIP reason=redis_unavailable")
        .contains("ALERT_SENT verdict=CRIT channels=telegram")
        .doesNotContain("reason=redis_down");
    assertThat(Files.readString(work.resolve("artifacts/state/dev.bybit/alert_state.json")))
        .contains("\"last_level\":\"CRIT\"");

    Result second = run("--redis-down-max", "2");
    assertThat(second.out())
        .contains("ALERT_DEBOUNCED level=CRIT")
        .contains("ALERT_SENT verdict=WARN reason=redis_down consecutive_failures=2");
    assertThat(telegram.requests().get(1).body())
        .contains("[🟡 WARN] Redis export skipped 2 cycles in a row");
    assertThat(Files.readString(work.resolve("artifacts/state/dev.bybit/last_export_status.json")))
        .contains("\"reason\" : \"redis_unavailable\"")
        .contains("\"consecutive_failures\" : 2");

    Result third = run("--redis-down-max", "2");
    assertThat(third.out()).doesNotContain("reason=redis_down");
    assertThat(telegram.requests()).hasSize(2);

    // Redis back: the streak resets.
    env.put("REDIS_URL", redis.url());
    assertThat(run("--redis-down-max", "2").out()).contains("EXPORT_STATUS summary=OK");
    assertThat(Files.readString(work.resolve("artifacts/state/dev.bybit/last_export_status.json")))
        .contains("\"consecutive_failures\" : 0");
  }

  @Test
  void theRedisDownAlertRepeatsOncePerDebounceWindowWhileRedisStaysDown() throws Exception {
    env.put("REDIS_URL", "redis://127.0.0.1:" + RedisServer.closedPort() + "/0");
    fake("ok", 1);
    assertThat(run("--redis-down-max", "1").out())
        .contains("ALERT_SENT verdict=WARN reason=redis_down consecutive_failures=1");
    clock.advance(Duration.ofMinutes(179));
    assertThat(run("--redis-down-max", "1").out()).doesNotContain("reason=redis_down");
    clock.advance(Duration.ofMinutes(1));
    assertThat(run("--redis-down-max", "1").out())
        .contains("ALERT_SENT verdict=WARN reason=redis_down consecutive_failures=3");
    assertThat(telegram.requests()).hasSize(2);
    assertThat(telegram.requests().get(1).body())
        .contains("[🟡 WARN] Redis export skipped 3 cycles in a row")
        .contains("Last check: 2025-10-26T15:00:00Z");
  }

  @Test
  void redisBackWithAnUnchangedSummaryEndsTheDownStreak() throws Exception {
    fake("ok", 1);
    assertThat(run().out()).contains("EXPORT_STATUS summary=OK");
    env.put("REDIS_URL", "redis://127.0.0.1:" + RedisServer.closedPort() + "/0");
    run("--redis-down-max", "2");
    assertThat(run("--redis-down-max", "2").out()).contains("reason=redis_down");

    // Redis is back and still holds this summary's hash: nothing to export, but Redis is up.
    env.put("REDIS_URL", redis.url());
    assertThat(run("--redis-down-max", "2").out()).contains("Summary unchanged, skip export");
    assertThat(Files.readString(work.resolve("artifacts/state/dev.bybit/last_export_status.json")))
        .contains("\"consecutive_failures\" : 0");
    clock.advance(Duration.ofMinutes(181));
    assertThat(run("--redis-down-max", "2").out()).doesNotContain("reason=redis_down");
    assertThat(telegram.requests()).hasSize(1);
  }

  @Test
  void aRunnerWhoseLeaseIsHeldByAnotherHostNeitherExportsNorAlerts() throws Exception {
    fake("crit", 1);
    redis.cli("SET", "dev:bybit:soak:runner:lease", "token-of-another-host", "PX", "600000");
    Result r = run();
    assertThat(r.out())
        .contains("LEASE_HELD_ELSEWHERE env=dev exchange=bybit")
        .contains("EXPORT_STATUS summary=SKIP violations=SKIP reason=lease_held_elsewhere")
        .contains("Heartbeat written")
        .doesNotContain("ALERT_SENT");
    assertThat(telegram.requests()).isEmpty();
    assertThat(redis.cli("EXISTS", "dev:bybit:soak:summary")).isEqualTo("0");
    assertThat(redis.cli("GET", "dev:bybit:soak:runner:lease")).isEqualTo("token-of-another-host");

    redis.cli("DEL", "dev:bybit:soak:runner:lease");
    assertThat(run().out()).contains("ALERT_SENT verdict=CRIT channels=telegram");
    assertThat(redis.cli("EXISTS", "dev:bybit:soak:runner:lease"))
        .as("released on exit with compare-and-delete")
        .isEqualTo("0");
  }

  @Test
  void withoutRedisTheAlertStateFileHoldsExactlyTheDecidedFields() throws Exception {
    fake("crit", 1);
    assertThat(run("--redis-url", "none").out()).contains("ALERT_SENT verdict=CRIT");
    com.fasterxml.jackson.databind.JsonNode state =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(work.resolve("artifacts/state/dev.bybit/alert_state.json").toFile());
    assertThat(state.fieldNames())
        .toIterable()
        .containsExactly("last_level", "last_sent_utc", "last_signature", "channels");
    assertThat(state.path("last_sent_utc").asText()).isEqualTo("2025-10-26T12:00:00Z");
    assertThat(state.path("channels").path("telegram").path("last_sent_utc").asText())
        .isEqualTo("2025-10-26T12:00:00Z");
    assertThat(state.path("last_signature").asText()).matches("[0-9a-f]{40}");
    assertThat(redis.cli("DBSIZE")).isEqualTo("0");
    clock.advance(Duration.ofMinutes(30));
    assertThat(run("--redis-url", "none").out()).contains("remaining_min=150");
  }

  @Test
  void theHeartbeatHasTheDecidedKeyValueAndTtl() throws Exception {
    fake("ok", 1);
    run("--interval-min", "90");
    assertThat(redis.cli("GET", "dev:bybit:soak:runner:heartbeat"))
        .isEqualTo("2025-10-26T12:00:00Z");
    assertThat(Long.parseLong(redis.cli("TTL", "dev:bybit:soak:runner:heartbeat")))
        .isBetween(10_000L, 10_800L);
    run("--heartbeat-key", "soak:runner:selftest_heartbeat", "--ttl", "600", "--interval-min", "1");
    assertThat(redis.cli("TTL", "dev:bybit:soak:runner:selftest_heartbeat")).isEqualTo("3600");
  }

  @Test
  void dryRunPrintsTheExactTextAndTouchesNoRedisAndNoNetwork() throws Exception {
    fake("crit", 1);
    Result r = run("--dry-run");
    assertThat(r.out())
        .contains(
            "[🔴 CRIT] Soak summary (env=dev, exch=bybit)\n"
                + "windows=24 symbols=3 crit=3 warn=0\n\nTop violations:\n"
                // Distinct cells, furthest past the bound first: 450 is 12.5% past 400, 1.8 is 10%
                // below 2.0, 0.7 is 6.7% below 0.75.
                + "- BTCUSDT: p95_latency_ms > 400 at window #24 (450)\n"
                + "- BTCUSDT: edge_bps < 2.0 at window #23 (1.8)\n"
                + "- ETHUSDT: maker_taker_ratio < 0.75 at window #24 (0.7)\n")
        .contains("EXPORT_STATUS summary=SKIP violations=SKIP reason=dry_run");
    assertThat(redis.cli("DBSIZE")).isEqualTo("0");
    assertThat(telegram.requests()).isEmpty();
  }

  @Test
  void exitOnCritExportsAndAlertsThenExitsOne() throws Exception {
    fake("crit", 1);
    Result r = run("--exit-on-crit", "--max-iterations", "0", "--interval-min", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("EXPORT_STATUS summary=OK").contains("ALERT_SENT verdict=CRIT");
    assertThat(redis.cli("HGET", "dev:bybit:soak:summary", "verdict")).isEqualTo("CRIT");
    assertThat(work.resolve("soak.lock")).doesNotExist();
  }

  @Test
  void severalCyclesRunAndAFailedAnalysisIsFail() throws Exception {
    Result r =
        cli(
            "run",
            "--iter-glob",
            "nothing/*.json",
            "--max-iterations",
            "2",
            "--interval-min",
            "0",
            "--lock-file",
            work.resolve("soak.lock").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("warn: analysis failed: no ITER_SUMMARY windows matched");
    assertThat(r.out().lines().filter(l -> l.contains("CONTINUOUS_METRICS verdict=FAIL")))
        .hasSize(2);
    assertThat(r.out().lines().filter(l -> l.contains("Heartbeat written"))).hasSize(2);
  }

  @Test
  void cliBeatsEnvironmentWhichBeatsDotEnvWhichBeatsDefaults() throws Exception {
    fake("ok", 1);
    Files.writeString(
        work.resolve(".env"), "ENV=staging\nEXCHANGE=kucoin\nALERT_POLICY=staging=WARN\n");
    assertThat(run("--dry-run").out())
        .contains("ALERT_POLICY env=staging min_severity=WARN source=alert-policy");
    env.put("ENV", "prod");
    assertThat(run("--dry-run").out())
        .contains("ALERT_POLICY env=prod min_severity=CRIT source=alert-min-severity");
    assertThat(run("--dry-run", "--env", "test", "--alert-min-severity", "OK").out())
        .contains("ALERT_POLICY env=test min_severity=OK source=alert-min-severity")
        .contains("key=test:kucoin:soak:runner:heartbeat");
  }

  @Test
  void badValuesAreUsageErrorsNamingEachFlag() {
    env.remove("TELEGRAM_BOT_TOKEN");
    Result r =
        run(
            "--alert",
            "pager",
            "--alert-min-severity",
            "LOUD",
            "--alert-debounce-min",
            "-1",
            "--redis-url",
            "http://x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("error: --redis-url: scheme must be redis://, rediss://,")
        .contains("got http://x")
        .contains("error: --alert-min-severity must be OK, WARN or CRIT, not 'LOUD'")
        .contains("error: --alert-debounce-min must be 0 or more, not -1")
        .contains("error: --alert must be telegram or slack, not 'pager'")
        .contains("error: --alert telegram needs TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID");
  }

  @Test
  void aRedisErrorThatIsNoOutageNeverCountsAsRedisDownAndTheNextGoodCycleExports()
      throws Exception {
    fake("crit", 1);
    redis.cli("SET", "dev:bybit:soak:summary", "a string, not a hash");
    for (int i = 0; i < 2; i++) {
      Result r = run("--redis-down-max", "1");
      assertThat(r.err()).contains("warn: redis export failed:");
      assertThat(r.out())
          .contains("EXPORT_STATUS summary=SKIP violations=SKIP reason=wrong_type")
          .doesNotContain("reason=redis_down");
    }
    assertThat(Files.readString(work.resolve("artifacts/state/dev.bybit/last_export_status.json")))
        .contains("\"reason\" : \"wrong_type\"")
        .contains("\"consecutive_failures\" : 0");
    assertThat(redis.cli("GET", "dev:bybit:soak:summary")).isEqualTo("a string, not a hash");

    // The failed export recorded no hash: once the key is fixed the same summary is exported.
    redis.cli("DEL", "dev:bybit:soak:summary");
    assertThat(run("--redis-down-max", "1").out()).contains("EXPORT_STATUS summary=OK");
    assertThat(redis.cli("HGET", "dev:bybit:soak:summary", "verdict")).isEqualTo("CRIT");
  }
}
