package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.FakeChatServer;
import dev.soakanalyzer.alert.FakeChatServer.Reply;
import dev.soakanalyzer.alert.HttpRetryPolicy;
import dev.soakanalyzer.alert.Notifier;
import dev.soakanalyzer.alert.NotifyException;
import dev.soakanalyzer.alert.SlackNotifier;
import dev.soakanalyzer.alert.TelegramNotifier;
import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ReportOptions;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.fake.FakeSoakGenerator;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisStateStore;
import dev.soakanalyzer.state.Lease;
import dev.soakanalyzer.state.StateStore;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RealRedis;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, notifier faults inside the runner loop: each failed delivery leaves the alert state
 * untouched (Redis and the local mirror), warns with the reason, and the next cycle sends the
 * alert. Retry waits go through a recording sleeper, so nothing here sleeps.
 */
class AlertFaultsTest {
  // Answers come from loopback fakes, but a loaded 2-core CI machine can take well over 300 ms to
  // serve one: only the hanging-server case gets the short deadline it is about.
  private static final HttpRetryPolicy PATIENT =
      new HttpRetryPolicy(
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));
  private static final HttpRetryPolicy SHORT_DEADLINE =
      new HttpRetryPolicy(
          Duration.ofSeconds(5),
          Duration.ofMillis(300),
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));

  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path work;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T12:00:00Z"));
  private final List<Duration> waits = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private FakeChatServer faulty;
  private FakeChatServer healthy;
  private String env;

  @BeforeEach
  void setUp() throws Exception {
    FakeSoakGenerator.write(work, Level.CRIT, 1);
    faulty = new FakeChatServer();
    healthy = new FakeChatServer();
    env = REDIS.uniqueEnv();
  }

  @AfterEach
  void tearDown() {
    faulty.close();
    healthy.close();
  }

  private TelegramNotifier telegram(String url) {
    return telegram(url, PATIENT);
  }

  private TelegramNotifier telegram(String url, HttpRetryPolicy policy) {
    return new TelegramNotifier(url, "42:TOKEN", "-100", policy, waits::add);
  }

  /** Answers through the faulty server in cycle 1 and the healthy one from cycle 2 on. */
  private static final class Switching implements Notifier {
    final AtomicReference<Notifier> target;
    final AlertChannel channel;

    Switching(Notifier first) {
      this.target = new AtomicReference<>(first);
      this.channel = first.channel();
    }

    @Override
    public AlertChannel channel() {
      return channel;
    }

    @Override
    public void send(String text) throws NotifyException {
      target.get().send(text);
    }
  }

  /** Two cycles; between them the channel's server is replaced by a healthy one. */
  private int twoCycles(Notifier first, Notifier then, StateStore store, Runnable betweenCycles) {
    Switching channel = new Switching(first);
    Console console = new Console(new PrintWriter(out), new PrintWriter(err), false);
    AnalysisJob job = new AnalysisJob(clock, console);
    AnalysisRequest request =
        new AnalysisRequest(
            work,
            FakeSoakGenerator.GLOB,
            AnalysisSettings.defaults(),
            new ReportOptions(Path.of("out"), true, false, null));
    AnalysisStep step = AnalysisStep.of(job, request);
    RunnerConfig config =
        RunnerConfig.local(env, "bybit", work)
            .redis(RedisConnectionSettings.of(REDIS.url()))
            .maxIterations(2)
            .channels(List.of(first.channel()))
            .redisDownMax(0)
            .build();
    return Runner.run(
            config,
            new Runner.Ports(
                step, Optional.of(store), Optional.empty(), Lease.NONE, List.of(channel)),
            new Runner.Timing(
                clock,
                System::nanoTime,
                new StopSignal(),
                d -> {
                  betweenCycles.run();
                  assertNotAdvanced(store);
                  channel.target.set(then);
                  clock.advance(Duration.ofMinutes(1));
                }),
            console)
        .code();
  }

  private void assertNotAdvanced(StateStore store) {
    assertThat(out.toString()).as(err.toString()).doesNotContain("ALERT_SENT");
    assertThat(err.toString())
        .contains("warn: ALERT_FAILED not delivered on any channel, will retry next cycle");
    try {
      assertThat(store.get(env + ":bybit:" + RunnerConfig.DEFAULT_ALERT_KEY)).isEmpty();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(work.resolve("state").resolve(env + ".bybit").resolve(RunnerState.ALERT_STATE_FILE))
        .doesNotExist();
  }

  private void assertSentInTheSecondCycle(int code) {
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("ALERT_SENT verdict=CRIT channels=");
    assertThat(healthy.requests()).hasSize(1);
    assertThat(work.resolve("state").resolve(env + ".bybit").resolve(RunnerState.ALERT_STATE_FILE))
        .exists();
  }

  private StateStore store() {
    return new RedisStateStore(RedisConnectionSettings.of(REDIS.url()));
  }

  @Test
  void a429WithRetryAfterIsWaitedOutThenGivenUpAndTheNextCycleSends() {
    Reply limited = new Reply(429, "{\"ok\":false,\"parameters\":{\"retry_after\":5}}", Map.of());
    faulty.reply(limited, limited, limited);
    try (StateStore store = store()) {
      int code = twoCycles(telegram(faulty.url()), telegram(healthy.url()), store, () -> {});
      assertSentInTheSecondCycle(code);
    }
    assertThat(err.toString())
        .contains("alert not delivered: telegram: HTTP 429 rate limited (retry_after=5s)");
    assertThat(waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(faulty.requests()).hasSize(3);
  }

  @Test
  void a429AskingForMoreThanTheBoundIsNotWaitedAndTheNextCycleSends() {
    faulty.reply(new Reply(429, "rate_limited", Map.of("Retry-After", "900")));
    try (StateStore store = store()) {
      int code =
          twoCycles(
              new SlackNotifier(faulty.url() + "/hook", PATIENT, waits::add),
              new SlackNotifier(healthy.url() + "/hook", PATIENT, waits::add),
              store,
              () -> {});
      assertSentInTheSecondCycle(code);
    }
    assertThat(err.toString()).contains("retry_after=900s is longer than the 60s bound");
    assertThat(waits).isEmpty();
  }

  @Test
  void serverErrorsBackOffAndTheNextCycleSends() {
    Reply error = new Reply(500, "oops", Map.of());
    faulty.reply(error, error, error);
    try (StateStore store = store()) {
      int code = twoCycles(telegram(faulty.url()), telegram(healthy.url()), store, () -> {});
      assertSentInTheSecondCycle(code);
    }
    assertThat(err.toString()).contains("alert not delivered: telegram: HTTP 500 after 3 attempts");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aServerHangingPastTheTimeoutIsGivenUpAndTheNextCycleSends() {
    faulty.reply(Reply.hang(), Reply.hang(), Reply.hang());
    try (StateStore store = store()) {
      int code =
          twoCycles(
              telegram(faulty.url(), SHORT_DEADLINE), telegram(healthy.url()), store, () -> {});
      assertSentInTheSecondCycle(code);
    }
    assertThat(err.toString())
        .contains("alert not delivered: telegram: timed out after 300 ms after 3 attempts");
    assertThat(faulty.requests()).hasSize(3);
  }

  @Test
  void aRefusedConnectionIsRetriedThenGivenUpAndTheNextCycleSends() {
    String closed = "http://127.0.0.1:" + RedisServer.closedPort();
    try (StateStore store = store()) {
      int code =
          twoCycles(
              new SlackNotifier(closed + "/hook", PATIENT, waits::add),
              new SlackNotifier(healthy.url() + "/hook", PATIENT, waits::add),
              store,
              () -> {});
      assertSentInTheSecondCycle(code);
    }
    assertThat(err.toString())
        .contains("alert not delivered: slack: connection failed (connection refused) after 3");
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }
}
