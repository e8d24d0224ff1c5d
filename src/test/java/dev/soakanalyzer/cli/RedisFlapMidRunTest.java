package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.alert.FakeChatServer;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runner process while its redis-server is killed and restarted between cycles (without
 * persistence, so it comes back empty): the steady CRIT is paged once, never again.
 */
class RedisFlapMidRunTest {
  private static final String KEY = "dev:bybit:soak:alerts:debounce";

  @TempDir Path work;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));
  private final Map<String, String> env = new HashMap<>();
  private RedisServer redis;
  private FakeChatServer telegram;

  @BeforeEach
  void setUp() throws Exception {
    redis = RedisServer.start(RedisServer.Options.plain());
    telegram = new FakeChatServer();
    env.put("REDIS_URL", redis.url());
    env.put("TELEGRAM_BOT_TOKEN", "123:FLAP");
    env.put("TELEGRAM_CHAT_ID", "-100");
    env.put("TELEGRAM_API_URL", telegram.url());
  }

  @AfterEach
  void tearDown() {
    telegram.close();
    redis.close();
  }

  @Test
  void aRedisFlapMidRunNeverRepeatsThePage() {
    StringWriter setupErr = new StringWriter();
    int fake =
        Main.run(
            new String[] {"fake-summary", "--crit", "--out", "reports/analysis"},
            new CliContext(
                new PrintWriter(new StringWriter()), new PrintWriter(setupErr), env, clock, work));
    assertThat(fake).as(setupErr.toString()).isZero();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] waits = {0};
    String[] afterDown = {null};
    dev.soakanalyzer.io.Sleeper waiter =
        d -> {
          clock.advance(d);
          if (++waits[0] == 1) {
            redis.kill(); // after cycle 1 (sent, stored in Redis and the file)
          } else {
            afterDown[0] = out.toString();
            redis.restart(); // after cycle 2 (Redis down): back, empty
          }
        };
    RunCommand command =
        new RunCommand(
            new CliContext(new PrintWriter(out), new PrintWriter(err), env, clock, work),
            new RunCommand.Hooks(
                false, waiter, null, dev.soakanalyzer.alert.HttpRetryPolicy.DEFAULT));
    int code =
        new picocli.CommandLine(command.spec())
            .execute(
                "--iter-glob",
                "reports/analysis/fake/FAKE_ITER_*.json",
                "--out-dir",
                "reports/analysis",
                "--max-iterations",
                "3",
                "--interval-min",
                "1",
                "--alert",
                "telegram",
                "--lock-file",
                work.resolve("soak.lock").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(waits[0]).isEqualTo(2);
    assertThat(afterDown[0]).contains("ALERT_SENT verdict=CRIT channels=telegram");
    assertThat(out.toString().lines().filter(l -> l.contains("ALERT_SENT"))).hasSize(1);
    assertThat(out.toString().lines().filter(l -> l.contains("ALERT_DEBOUNCED level=CRIT")))
        .hasSize(2);
    assertThat(err.toString()).contains("redis unavailable");
    assertThat(telegram.requests()).hasSize(1);
    // Redis came back empty; the local record was written back to it.
    assertThat(redis.cli("GET", KEY)).contains("\"last_sent_utc\":\"2025-10-26T12:00:00Z\"");
  }
}
