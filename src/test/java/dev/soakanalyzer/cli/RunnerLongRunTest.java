package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.alert.FakeChatServer;
import dev.soakanalyzer.alert.HttpRetryPolicy;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.fake.FakeSoakGenerator;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RealRedis;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 7, long run: one {@code run} process state driven for many fast cycles (interval 0) against
 * a live Redis, exporting, alerting (debounce off, so every cycle posts to the Telegram fake) and
 * writing state every cycle. Threads, file descriptors and heap after GC are sampled between cycles
 * (through the runner's own wait), after a warm-up and at the last wait, so what the runner closes
 * only at exit cannot hide a per-cycle leak.
 *
 * <p>The suite runs {@value #DEFAULT_CYCLES} cycles; {@code -Dsoak.longrun.cycles=10000} runs the
 * measured campaign (figures in docs/RELIABILITY.md).
 */
class RunnerLongRunTest {
  static final int DEFAULT_CYCLES = 150;
  private static final int MAX_EXTRA_THREADS = 4;
  private static final int MAX_EXTRA_FDS = 8;
  private static final long MAX_EXTRA_HEAP = 32L << 20;

  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path work;

  /** Resources of this JVM at one moment. */
  record Sample(int threads, long fds, long heapUsed) {
    static Sample take() {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      long fds;
      try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
        fds = s.count();
      } catch (IOException e) {
        throw new AssertionError("cannot count file descriptors in /proc/self/fd", e);
      }
      return new Sample(
          ManagementFactory.getThreadMXBean().getThreadCount(),
          fds,
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    @Override
    public String toString() {
      return "threads=" + threads + " fds=" + fds + " heap_used_mb=" + (heapUsed >> 20);
    }
  }

  /** Keeps no output (it would be the growth we look for), only counts the lines that matter. */
  static final class CountingWriter extends Writer {
    private final StringBuilder line = new StringBuilder();
    final Map<String, Integer> counts = new HashMap<>();
    String lastProblem = "";

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (buf[i] == '\n') {
          String l = line.toString();
          for (String key :
              new String[] {
                "CONTINUOUS_METRICS", "EXPORT_STATUS summary=OK", "ALERT_SENT", "warn:", "error:"
              }) {
            if (l.contains(key)) {
              counts.merge(key, 1, Integer::sum);
              if (key.endsWith(":")) {
                lastProblem = l;
              }
            }
          }
          line.setLength(0);
        } else {
          line.append(buf[i]);
        }
      }
    }

    int count(String key) {
      return counts.getOrDefault(key, 0);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void manyFastCyclesAgainstALiveRedisGrowNeitherThreadsNorFilesNorHeap() throws Exception {
    int cycles = Integer.getInteger("soak.longrun.cycles", DEFAULT_CYCLES);
    int warmup = Math.max(20, cycles / 10);
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T12:00:00Z"));
    CountingWriter out = new CountingWriter();
    CountingWriter err = new CountingWriter();
    StringWriter setupErr = new StringWriter();
    Map<String, String> env = new HashMap<>();
    try (FakeChatServer telegram = new FakeChatServer().countOnly()) {
      env.put("TELEGRAM_BOT_TOKEN", "42:LONGRUN");
      env.put("TELEGRAM_CHAT_ID", "-100");
      env.put("TELEGRAM_API_URL", telegram.url());
      env.put("REDIS_URL", REDIS.url());
      int fake =
          Main.run(
              new String[] {"fake-summary", "--crit", "--out", "reports"},
              new CliContext(
                  new PrintWriter(new StringWriter()),
                  new PrintWriter(setupErr),
                  env,
                  clock,
                  work));
      assertThat(fake).as(setupErr.toString()).isZero();

      Sample[] samples = new Sample[2];
      int[] waits = {0};
      dev.soakanalyzer.io.Sleeper waiter =
          d -> {
            waits[0]++;
            // Each cycle a new minute and other windows: a new summary to export, an alert to send.
            clock.advance(Duration.ofMinutes(1));
            try {
              FakeSoakGenerator.write(work.resolve("reports"), Level.CRIT, 1 + waits[0] % 2);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            if (waits[0] == warmup) {
              samples[0] = Sample.take();
            } else if (waits[0] == cycles - 1) {
              samples[1] = Sample.take();
            }
          };
      RunCommand run =
          new RunCommand(
              new CliContext(new PrintWriter(out), new PrintWriter(err), env, clock, work),
              new RunCommand.Hooks(false, waiter, d -> {}, HttpRetryPolicy.DEFAULT));
      long started = System.nanoTime();
      int code =
          new CommandLine(run.spec())
              .execute(
                  "--iter-glob",
                  "reports/fake/FAKE_ITER_*.json",
                  "--out-dir",
                  "reports/analysis",
                  "--max-iterations",
                  Integer.toString(cycles),
                  "--interval-min",
                  "0",
                  "--env",
                  REDIS.uniqueEnv(),
                  "--stream",
                  "--stream-maxlen",
                  "100",
                  "--alert",
                  "telegram",
                  "--alert-debounce-min",
                  "0",
                  "--lock-file",
                  "soak.lock");
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      Sample after = Sample.take();
      String figures =
          "LONG_RUN cycles="
              + cycles
              + " seconds="
              + seconds
              + " warmup("
              + warmup
              + ") "
              + samples[0]
              + " last "
              + samples[1]
              + " after_exit "
              + after
              + " telegram_requests="
              + telegram.requestCount();
      System.out.println(figures);

      assertThat(code).as(err.lastProblem).isZero();
      assertThat(out.count("CONTINUOUS_METRICS")).isEqualTo(cycles);
      assertThat(out.count("EXPORT_STATUS summary=OK")).as(figures).isEqualTo(cycles);
      assertThat(out.count("ALERT_SENT")).as(figures).isEqualTo(cycles);
      assertThat(telegram.requestCount()).isEqualTo(cycles);
      assertThat(err.count("warn:") + err.count("error:")).as(err.lastProblem).isZero();
      assertThat(samples[1].threads())
          .as(figures)
          .isLessThanOrEqualTo(samples[0].threads() + MAX_EXTRA_THREADS);
      assertThat(samples[1].fds())
          .as(figures)
          .isLessThanOrEqualTo(samples[0].fds() + MAX_EXTRA_FDS);
      assertThat(samples[1].heapUsed())
          .as(figures)
          .isLessThanOrEqualTo(samples[0].heapUsed() + MAX_EXTRA_HEAP);
      assertThat(work.resolve("soak.lock")).doesNotExist();
    }
  }
}
