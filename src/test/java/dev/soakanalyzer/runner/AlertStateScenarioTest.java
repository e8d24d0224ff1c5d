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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert state an SRE can trust, end to end through {@code Main}: a real redis-server killed and
 * restarted mid-run, Telegram and Slack fakes (one failing while the other delivers) and a clock
 * moved by hand (a 3 h debounce without sleeping, timestamps from the future).
 */
class AlertStateScenarioTest {
  private static final String KEY = "dev:bybit:soak:alerts:debounce";

  @TempDir Path work;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));
  private final Map<String, String> env = new HashMap<>();
  private RedisServer redis;
  private FakeChatServer telegram;
  private FakeChatServer slack;

  @BeforeEach
  void setUp() throws Exception {
    redis = RedisServer.start(RedisServer.Options.plain());
    telegram = new FakeChatServer();
    slack = new FakeChatServer();
    env.put("TELEGRAM_BOT_TOKEN", "123:SECRET");
    env.put("TELEGRAM_CHAT_ID", "-100");
    env.put("TELEGRAM_API_URL", telegram.url());
    env.put("SLACK_WEBHOOK_URL", slack.url() + "/services/HOOK");
    env.put("REDIS_URL", redis.url());
  }

  @AfterEach
  void tearDown() {
    telegram.close();
    slack.close();
    redis.close();
  }

  record Result(int code, String out, String err) {}

  private Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args, new CliContext(new PrintWriter(out), new PrintWriter(err), env, clock, work));
    return new Result(code, out.toString(), err.toString());
  }

  private void fake(String level) {
    Result r = cli("fake-summary", "--" + level, "--variant", "1", "--out", "reports/analysis");
    assertThat(r.code()).as(r.err()).isZero();
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
                "telegram",
                "--alert",
                "slack"));
    args.addAll(List.of(extra));
    Result r = cli(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private Path stateFile() {
    return work.resolve("artifacts/state/dev.bybit/alert_state.json");
  }

  /**
   * The page-losing bug: two runners in one working directory, as the make targets run them. With
   * one shared alert_state.json, dev's delivery was the "newer copy" for prod too, and prod's first
   * CRIT logged ALERT_DEBOUNCED. Each env now alerts and debounces on its own, with or without
   * Redis.
   */
  @Test
  void devAndProdInOneDirectoryEachAlertAndDebounceOnTheirOwn() throws Exception {
    fake("crit");
    for (boolean withRedis : new boolean[] {true, false}) {
      if (!withRedis) {
        env.put("REDIS_URL", "none");
        clock.advance(Duration.ofHours(4)); // both windows over: each env pages again
      }
      int sent = telegram.requests().size();
      assertThat(run("--env", "dev").out()).contains("ALERT_SENT verdict=CRIT");
      clock.advance(Duration.ofMinutes(5));
      Result prod = run("--env", "prod");
      assertThat(prod.out())
          .as("prod's first CRIT, redis=" + withRedis)
          .contains("ALERT_SENT verdict=CRIT")
          .doesNotContain("ALERT_DEBOUNCED");
      assertThat(telegram.requests()).hasSize(sent + 2);
      assertThat(telegram.requests().get(sent + 1).body()).contains("env=prod");

      clock.advance(Duration.ofMinutes(10));
      assertThat(run("--env", "dev").out()).contains("remaining_min=165");
      assertThat(run("--env", "prod").out()).contains("remaining_min=170");
      assertThat(telegram.requests()).hasSize(sent + 2);
    }
    for (String own : List.of("dev.bybit", "prod.bybit")) {
      Path dir = work.resolve("artifacts/state").resolve(own);
      assertThat(dir.resolve("alert_state.json")).isRegularFile();
      assertThat(dir.resolve("heartbeat.json")).isRegularFile();
    }
    assertThat(work.resolve("artifacts/state/alert_state.json")).doesNotExist();
  }

  @Test
  void aLegacyUnkeyedStateFileIsIgnoredWithOneWarningAndNeverMerged() throws Exception {
    fake("crit");
    env.put("REDIS_URL", "none");
    Path legacy = work.resolve("artifacts/state/alert_state.json");
    Files.createDirectories(legacy.getParent());
    // dev's delivery of five minutes ago, written by an earlier version into the shared file
    Files.writeString(
        legacy,
        "{\"last_level\":\"CRIT\",\"last_sent_utc\":\"2025-10-26T11:55:00Z\",\"last_signature\":\"x\"}");
    Files.writeString(legacy.resolveSibling("heartbeat.json"), "{}");
    Result prod = run("--env", "prod");
    assertThat(prod.out()).contains("ALERT_SENT verdict=CRIT").doesNotContain("ALERT_DEBOUNCED");
    assertThat(prod.err().lines().filter(l -> l.contains("unkeyed state file")))
        .singleElement()
        .asString()
        .startsWith("warn: ignored unkeyed state files " + legacy)
        .contains("heartbeat.json")
        .contains(work.resolve("artifacts/state/prod.bybit").toString());
    assertThat(Files.readString(legacy)).contains("11:55:00Z"); // left alone, never rewritten
  }

  @Test
  void anAlertSentWhileRedisWasDownIsNotRepeatedWhenRedisAnswersAgain() throws Exception {
    fake("crit");
    redis.kill();
    Result down = run();
    assertThat(down.out()).contains("ALERT_SENT verdict=CRIT channels=telegram,slack");
    assertThat(Files.readString(stateFile())).contains("\"last_level\":\"CRIT\"");

    redis.restart(); // no persistence: Redis comes back without the alert state
    clock.advance(Duration.ofMinutes(60));
    Result back = run();
    assertThat(back.out())
        .contains("ALERT_DEBOUNCED level=CRIT")
        .contains("remaining_min=120")
        .doesNotContain("ALERT_SENT");
    assertThat(telegram.requests()).hasSize(1);
    assertThat(slack.requests()).hasSize(1);
    // The local record, newer than Redis's (none), was written back to Redis.
    assertThat(redis.cli("GET", KEY)).contains("\"last_sent_utc\":\"2025-10-26T12:00:00Z\"");
  }

  @Test
  void aNewerLocalRecordBeatsAnOlderOneInRedisAndTheOtherWayRound() throws Exception {
    fake("crit");
    String older =
        "{\"last_level\":\"CRIT\",\"last_sent_utc\":\"2025-10-26T08:00:00Z\",\"last_signature\":\"x\"}";
    redis.cli("SET", KEY, older);
    assertThat(run().out()).contains("ALERT_SENT"); // the 08:00 window has expired
    String sent = redis.cli("GET", KEY);
    assertThat(Files.readString(stateFile())).isEqualTo(sent);

    // Redis loses the key while the local file stays: local wins, no second page.
    redis.cli("SET", KEY, older);
    clock.advance(Duration.ofMinutes(10));
    assertThat(run().out()).contains("ALERT_DEBOUNCED").doesNotContain("ALERT_SENT");
    assertThat(redis.cli("GET", KEY)).isEqualTo(sent);

    // The local file is older (restored from an old artefact): Redis wins.
    Files.writeString(stateFile(), older);
    clock.advance(Duration.ofMinutes(10));
    assertThat(run().out()).contains("ALERT_DEBOUNCED").doesNotContain("ALERT_SENT");
    assertThat(Files.readString(stateFile())).isEqualTo(sent);
    assertThat(telegram.requests()).hasSize(1);
  }

  @Test
  void aFailedChannelAloneIsRetriedNextCycleAndEachChannelDebouncesFromItsOwnSend()
      throws Exception {
    fake("crit");
    telegram.reply(new Reply(400, "{\"ok\":false,\"description\":\"chat not found\"}", Map.of()));
    Result first = run();
    assertThat(first.out()).contains("ALERT_SENT verdict=CRIT channels=slack");
    assertThat(first.err()).contains("ALERT_FAILED not delivered on telegram");
    assertThat(slack.requests()).hasSize(1);
    int telegramTries = telegram.requests().size();

    clock.advance(Duration.ofMinutes(60));
    Result retry = run();
    assertThat(retry.out())
        .contains("ALERT_SENT verdict=CRIT channels=telegram")
        .contains("ALERT_DEBOUNCED level=CRIT last_sent=\"2025-10-26T12:00:00Z\"")
        .contains("channel=slack");
    assertThat(slack.requests()).hasSize(1);
    assertThat(telegram.requests()).hasSize(telegramTries + 1);

    // 3 h after Slack's send (2 h after Telegram's): only Slack's window has ended.
    clock.advance(Duration.ofMinutes(120));
    Result later = run();
    assertThat(later.out()).contains("ALERT_SENT verdict=CRIT channels=slack");
    assertThat(later.out()).contains("remaining_min=60").contains("channel=telegram");
    assertThat(slack.requests()).hasSize(2);
    assertThat(telegram.requests()).hasSize(telegramTries + 1);
  }

  @Test
  void aLastSentInTheFutureIsReplacedByNowWithAWarningSoTheDebounceEnds() throws Exception {
    fake("crit");
    assertThat(run().out()).contains("ALERT_SENT verdict=CRIT");
    String future = redis.cli("GET", KEY).replace("2025-10-26T12:00:00Z", "2026-01-01T00:00:00Z");
    redis.cli("SET", KEY, future);
    Files.writeString(stateFile(), future);
    clock.advance(Duration.ofMinutes(10));
    Result skewed = run();
    assertThat(skewed.err())
        .contains("warn: alert state redis key " + KEY)
        .contains("has last_sent_utc 2026-01-01T00:00:00Z in the future")
        .contains("replaced by 2025-10-26T12:10:00Z");
    assertThat(redis.cli("GET", KEY))
        .contains("\"last_sent_utc\":\"2025-10-26T12:10:00Z\"")
        .doesNotContain("2026");
    assertThat(Files.readString(stateFile())).doesNotContain("2026");
    assertThat(skewed.out()).contains("remaining_min=180").doesNotContain("ALERT_SENT");

    // Debounced at most one window from now, never for ever.
    clock.advance(Duration.ofMinutes(180));
    assertThat(run().out()).contains("ALERT_SENT verdict=CRIT");
  }

  @Test
  void aCorruptStateIsReportedNamingItAndAFreshStateAlerts() throws Exception {
    fake("crit");
    Files.createDirectories(stateFile().getParent());
    Files.writeString(stateFile(), "{not json");
    redis.cli("SET", KEY, "[1,2]");
    Result r = run();
    assertThat(r.err())
        .contains("warn: redis key " + KEY + " is not a valid alert state")
        .contains("warn: alert state file " + stateFile() + " is not a valid alert state")
        .contains("starting fresh");
    assertThat(r.out()).contains("ALERT_SENT verdict=CRIT channels=telegram,slack");
    assertThat(redis.cli("GET", KEY)).contains("\"channels\"");
  }

  @Test
  void aClearedVerdictSendsOneResolvedThenANewCritAlertsAtOnce() throws Exception {
    fake("crit");
    assertThat(run().out()).contains("ALERT_SENT verdict=CRIT");
    fake("ok");
    clock.advance(Duration.ofMinutes(5));
    Result cleared = run();
    assertThat(cleared.out())
        .contains("ALERT_RESOLVED verdict=OK prev=CRIT channels=telegram,slack");
    assertThat(telegram.requests().get(1).body())
        .contains("[✅ RESOLVED] Soak summary (env=dev, exch=bybit)");
    assertThat(slack.requests().get(1).body())
        .contains("[✅ RESOLVED] Soak summary (env=dev, exch=bybit)");

    clock.advance(Duration.ofMinutes(5));
    assertThat(run().out()).doesNotContain("ALERT_RESOLVED").doesNotContain("ALERT_SENT");
    assertThat(telegram.requests()).hasSize(2);

    fake("crit");
    clock.advance(Duration.ofMinutes(5));
    assertThat(run().out()).contains("ALERT_SENT verdict=CRIT channels=telegram,slack");
    assertThat(telegram.requests()).hasSize(3);

    fake("ok");
    clock.advance(Duration.ofMinutes(5));
    assertThat(run("--no-alert-resolved").out()).doesNotContain("ALERT_RESOLVED");
    assertThat(telegram.requests()).hasSize(3);
  }

  @Test
  void guardsAreUsageErrorsNamingTheFlag() {
    Result loop =
        cli(
            "run",
            "--iter-glob",
            "x/*.json",
            "--interval-min",
            "0",
            "--max-iterations",
            "0",
            "--lock-file",
            "x.lock");
    assertThat(loop.code()).isEqualTo(2);
    assertThat(loop.err())
        .contains("error: --interval-min must be at least 1 when --max-iterations is 0");
    Result envFile = cli("run", "--iter-glob", "x/*.json", "--env-file", "missing.env");
    assertThat(envFile.code()).isEqualTo(2);
    assertThat(envFile.err()).contains("error: --env-file missing.env does not exist");
    Result dup =
        cli("run", "--iter-glob", "x/*.json", "--alert-policy", "dev=WARN,prod=CRIT,DEV=CRIT");
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err()).contains("error: --alert-policy names env 'dev' twice");
  }
}
