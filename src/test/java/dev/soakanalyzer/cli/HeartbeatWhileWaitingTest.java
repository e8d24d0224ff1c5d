package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * Liveness independent of the interval: at {@code --interval-min 60} the heartbeat in Redis is
 * never older than 60 s, also during the hour between cycles (an injected wait moves the clock).
 */
class HeartbeatWhileWaitingTest {
  @TempDir Path work;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));
  private final Map<String, String> env = new HashMap<>();
  private RedisServer redis;

  @BeforeEach
  void setUp() {
    redis = RedisServer.start(RedisServer.Options.plain());
    env.put("REDIS_URL", redis.url());
  }

  @AfterEach
  void tearDown() {
    redis.close();
  }

  private void fake(String level) {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"fake-summary", "--" + level, "--out", "reports/analysis"},
            new CliContext(
                new PrintWriter(new StringWriter()), new PrintWriter(err), env, clock, work));
    assertThat(code).as(err.toString()).isZero();
  }

  @Test
  void theHeartbeatIsRefreshedWhileWaitingAtInterval60() throws Exception {
    fake("ok");
    List<Long> ages = new ArrayList<>();
    int[] waits = {0};
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    dev.soakanalyzer.io.Sleeper waiter =
        d -> {
          waits[0]++;
          Instant beat = Instant.parse(redis.cli("GET", "dev:bybit:soak:runner:heartbeat"));
          ages.add(Duration.between(beat, clock.instant()).toSeconds());
          clock.advance(d);
          ages.add(Duration.between(beat, clock.instant()).toSeconds());
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
                "2",
                "--interval-min",
                "60",
                "--lock-file",
                work.resolve("soak.lock").toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(waits[0]).isEqualTo(60);
    assertThat(ages).isNotEmpty().allMatch(age -> age <= 60);
    assertThat(out.toString().lines().filter(l -> l.contains("CONTINUOUS_METRICS"))).hasSize(2);
  }
}
