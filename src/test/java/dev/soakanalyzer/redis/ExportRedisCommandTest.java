package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RealRedis;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** {@code soak-analyzer export-redis} through {@link Main#run}, against a real server. */
class ExportRedisCommandTest {
  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path dir;
  MutableClock clock = MutableClock.at("2025-10-26T12:34:56Z");
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();
  String env;
  Path summary;
  Path violations;
  Jedis jedis;

  @BeforeEach
  void setUp() {
    env = REDIS.uniqueEnv();
    summary = new Payloads().write(dir.resolve("reports"));
    violations = summary.resolveSibling("VIOLATIONS.json");
    jedis = new Jedis(REDIS.server().host(), REDIS.server().port());
  }

  @AfterEach
  void tearDown() {
    jedis.close();
  }

  int run(Map<String, String> environment, String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    List<String> all = new ArrayList<>(List.of("--summary", summary.toString()));
    all.addAll(List.of("--violations", violations.toString()));
    all.addAll(List.of("--state-dir", dir.resolve("state").toString()));
    all.addAll(List.of(args));
    all.add(0, "export-redis");
    return Main.run(
        all.toArray(String[]::new),
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        environment,
        clock);
  }

  /** The export status of this test's env, in its env/exchange's own state directory. */
  String marker() throws Exception {
    return Files.readString(dir.resolve("state/" + env + ".bybit/last_export_status.json"));
  }

  @Test
  void exportsWithTheGuideFlagsAndWritesAnOkMarker() throws Exception {
    int code =
        run(
            Map.of(),
            "--env",
            env,
            "--exchange",
            "bybit",
            "--redis-url",
            REDIS.url(),
            "--ttl",
            "600",
            "--stream",
            "--stream-maxlen",
            "1000");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("[INFO] exported summary and 2 symbol hash(es)");
    assertThat(jedis.hget(env + ":bybit:soak:violations:BTCUSDT", "verdict")).isEqualTo("CRIT");
    assertThat(jedis.ttl(env + ":bybit:soak:summary")).isBetween(1L, 600L);
    assertThat(jedis.xlen(env + ":bybit:soak:violations:stream:BTCUSDT")).isEqualTo(3);
    assertThat(marker())
        .contains("\"summary\" : \"OK\"", "\"reason\" : \"ok\"", "\"consecutive_failures\" : 0");
  }

  @Test
  void takesRedisUrlEnvAndExchangeFromTheEnvironmentWhenFlagsAreAbsent() {
    int code = run(Map.of("REDIS_URL", REDIS.url(), "ENV", env, "EXCHANGE", "okx"));

    assertThat(code).as(err.toString()).isZero();
    assertThat(jedis.exists(env + ":okx:soak:summary")).isTrue();
  }

  @Test
  void flagsWinOverTheEnvironment() {
    int code =
        run(
            Map.of("REDIS_URL", "redis://127.0.0.1:1/0", "ENV", "ignored"),
            "--redis-url",
            REDIS.url(),
            "--env",
            env);

    assertThat(code).as(err.toString()).isZero();
    assertThat(jedis.exists(env + ":bybit:soak:summary")).isTrue();
  }

  @Test
  void unreachableRedisWarnsExitsZeroAndCountsConsecutiveFailures() throws Exception {
    String down = "redis://127.0.0.1:1/0";
    assertThat(run(Map.of(), "--redis-url", down, "--connect-timeout-ms", "300", "--env", env))
        .isZero();
    assertThat(err.toString()).isEqualTo("warn: redis unavailable, skip export\n");
    assertThat(marker()).contains("\"consecutive_failures\" : 1");

    clock.advance(Duration.ofMinutes(5));
    assertThat(run(Map.of(), "--redis-url", down, "--connect-timeout-ms", "300", "--env", env))
        .isZero();
    assertThat(marker())
        .contains(
            "\"ts\" : \"2025-10-26T12:39:56Z\"",
            "\"summary\" : \"SKIP\"",
            "\"violations\" : \"SKIP\"",
            "\"reason\" : \"redis_unavailable\"",
            "\"consecutive_failures\" : 2");

    assertThat(run(Map.of(), "--redis-url", REDIS.url(), "--env", env)).isZero();
    assertThat(marker()).contains("\"consecutive_failures\" : 0");
  }

  @Test
  void aWrongTypeKeyIsAnErrorWithItsRealReasonAndDoesNotCountAsUnavailable() throws Exception {
    run(
        Map.of(),
        "--redis-url",
        "redis://127.0.0.1:1/0",
        "--connect-timeout-ms",
        "300",
        "--env",
        env);
    jedis.lpush(env + ":bybit:soak:summary", "a list");

    int code = run(Map.of(), "--redis-url", REDIS.url(), "--env", env);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("error: ")
        .contains("WRONGTYPE")
        .doesNotContain("unavailable");
    assertThat(marker()).contains("\"reason\" : \"wrong_type\"", "\"consecutive_failures\" : 1");
  }

  @Test
  void aRefusedPasswordIsAnErrorThatNeverShowsThePassword() {
    RedisServer acl = REDIS.start(RedisServer.Options.plain().withAclUser("soak", "right-pw-42"));

    int code = run(Map.of(), "--redis-url", acl.url("soak", "wrong-pw-42", 0));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("authentication refused").contains("soak:***@");
    assertThat(out.toString() + err.toString()).doesNotContain("wrong-pw-42");
  }

  @Test
  void aMalformedSummaryExitsTwoNamingTheFileAndWritesNothing() throws Exception {
    Files.writeString(summary, "{\"windows\": 24, \"symbols\": ");

    int code = run(Map.of(), "--redis-url", REDIS.url(), "--env", env);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: " + summary + ": not valid JSON at line 1, column 28\n");
    assertThat(jedis.keys(env + ":*")).isEmpty();
    assertThat(dir.resolve("state/" + env + ".bybit/last_export_status.json")).doesNotExist();
    assertThat(dir.resolve("state/dev.bybit/last_export_status.json")).doesNotExist();
  }

  @Test
  void aMalformedViolationsFileExitsTwoNamingTheFieldAndWritesNothing() throws Exception {
    Files.writeString(
        violations, "[{\"symbol\":\"BTCUSDT\",\"metric\":\"edge_bps\",\"level\":\"BAD\"}]");

    int code = run(Map.of(), "--redis-url", REDIS.url(), "--env", env);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: " + violations + ": [0].level must be OK, WARN or CRIT\n");
    assertThat(jedis.keys(env + ":*")).isEmpty();
  }

  @Test
  void aMissingFileExitsTwo() {
    violations = dir.resolve("nope.json");

    int code = run(Map.of(), "--redis-url", REDIS.url());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: " + dir.resolve("nope.json") + ": file not found\n");
  }

  @Test
  void badFlagValuesAreReportedTogetherWithoutEchoingThePassword() {
    int code =
        run(
            Map.of(),
            "--redis-url",
            "http://user:topsecret@host/0",
            "--ttl",
            "0",
            "--stream-maxlen",
            "0");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "error: --redis-url: scheme must be redis:// or rediss://, got http://user:***@host/0")
        .contains("error: --ttl must be at least 1 second, not 0")
        .contains("error: --stream-maxlen must be at least 1, not 0")
        .doesNotContain("topsecret");
  }
}
