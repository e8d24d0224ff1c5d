package dev.soakanalyzer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.alert.FakeChatServer;
import dev.soakanalyzer.alert.FakeChatServer.Reply;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.fake.FakeSoakGenerator;
import dev.soakanalyzer.testsupport.HostilePeer;
import dev.soakanalyzer.testsupport.RealRedis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, SIGTERM/SIGINT at any point: a real runner process (live Redis, Telegram fake) is
 * signalled during the analysis, during the Redis export, while an alert is being retried and
 * between cycles. Each time it finishes the cycle, exits 0, removes its lock and leaves every
 * report and state file whole.
 *
 * <p>The moments are made certain, not timed: the analysis blocks writing the skip warnings of
 * thousands of junk files into an output pipe the test stops reading; the export blocks on a Redis
 * {@code CLIENT PAUSE WRITE}, entered once the runner printed its mini-plots (the end of the
 * analysis); the retry is the backoff after the fake answered the first attempt with HTTP 500.
 */
class RunnerSignalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path work;
  private FakeChatServer telegram;
  private Process runner;
  private BufferedReader lines;
  private final StringBuilder seen = new StringBuilder();
  private String env;
  private String telegramUrl;

  @BeforeEach
  void setUp() throws IOException {
    telegram = new FakeChatServer();
    env = REDIS.uniqueEnv();
    FakeSoakGenerator.write(work.resolve("data"), Level.CRIT, 1);
  }

  @AfterEach
  void tearDown() {
    if (runner != null) {
      runner.destroyForcibly();
    }
    telegram.close();
  }

  private void start(String... extra) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.soakanalyzer.cli.Main",
                "run",
                "--verbose",
                "--iter-glob",
                "data/fake/FAKE_ITER_*.json",
                "--out-dir",
                "out",
                "--state-dir",
                "state",
                "--env",
                env,
                "--interval-min",
                "60",
                "--alert",
                "telegram",
                "--lock-file",
                "soak.lock"));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true);
    Map<String, String> childEnv = pb.environment();
    childEnv.keySet().removeIf(k -> k.startsWith("TELEGRAM_") || k.startsWith("SLACK_"));
    childEnv.put("REDIS_URL", REDIS.url());
    childEnv.put("TELEGRAM_BOT_TOKEN", "42:SIGNAL");
    childEnv.put("TELEGRAM_CHAT_ID", "-100");
    childEnv.put("TELEGRAM_API_URL", telegramUrl != null ? telegramUrl : telegram.url());
    runner = pb.start();
    lines =
        new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Reads the runner's output up to the first line matching {@code until}. */
  private void readUntil(Predicate<String> until) throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      seen.append(line).append('\n');
      if (until.test(line)) {
        return;
      }
    }
    throw new AssertionError("runner ended before the expected line:\n" + seen);
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(runner.pid())).start();
    assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  /** Drains the rest of the output and checks the exit, the lock and every file. */
  private String stoppedCleanly() throws Exception {
    seen.append(new String(runner.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertThat(runner.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as(seen.toString()).isTrue();
    assertThat(runner.exitValue()).as(seen.toString()).isZero();
    assertThat(seen.toString()).contains("Stop requested, exiting");
    assertThat(work.resolve("soak.lock")).as(seen.toString()).doesNotExist();
    for (String report :
        List.of(
            "POST_SOAK_ANALYSIS.md",
            "RECOMMENDATIONS.md",
            "SOAK_SUMMARY.json",
            "VIOLATIONS.json")) {
      Path f = work.resolve("out").resolve(report);
      assertThat(f).as(seen.toString()).exists();
      String text = Files.readString(f);
      if (report.endsWith(".json")) {
        assertThat(JSON.readTree(text)).as(report).isNotNull();
      } else {
        assertThat(text).as(report).isNotBlank().endsWith("\n");
      }
    }
    assertThat(
            JSON.readTree(work.resolve("out/SOAK_SUMMARY.json").toFile()).path("windows").asInt())
        .isEqualTo(FakeSoakGenerator.WINDOWS);
    try (Stream<Path> state = Files.list(work.resolve("state/" + env + ".bybit"))) {
      for (Path f : state.filter(p -> p.toString().endsWith(".json")).toList()) {
        assertThat(JSON.readTree(f.toFile())).as(f.toString()).isNotNull();
      }
    }
    assertThat(work.resolve("state/" + env + ".bybit/heartbeat.json")).exists();
    return seen.toString();
  }

  /**
   * Adds enough unreadable files that their skip warnings overflow the output pipe: the runner's
   * analysis then blocks writing them until the test reads on, so whatever the test does after the
   * first warning happens while the analysis is under way. (A named pipe no longer works as the
   * gate: the runner skips anything that is not a regular file without opening it.)
   */
  private void floodOfSkippedFiles() throws IOException {
    Path dir = work.resolve("data/fake");
    for (int i = 0; i < 4000; i++) {
      Files.writeString(dir.resolve(String.format("FAKE_ITER_0000_junk_%04d.json", i)), "x");
    }
  }

  private void untilTheAnalysisIsUnderWay() throws IOException {
    readUntil(l -> l.contains("warn: skipped"));
  }

  @Test
  void sigtermDuringTheAnalysisFinishesTheCycleAndExitsCleanly() throws Exception {
    floodOfSkippedFiles();
    start();
    untilTheAnalysisIsUnderWay();
    signal("TERM");
    String out = stoppedCleanly();
    assertThat(out).contains("EXPORT_STATUS summary=OK").contains("ALERT_SENT verdict=CRIT");
    assertThat(out.lines().filter(l -> l.contains("CONTINUOUS_METRICS"))).hasSize(1);
  }

  @Test
  void sigintDuringTheRedisExportFinishesTheCycleAndExitsCleanly() throws Exception {
    floodOfSkippedFiles();
    start();
    untilTheAnalysisIsUnderWay();
    // The lease is taken before the analysis: from here on, the next Redis write is the export.
    REDIS.server().cli("CLIENT", "PAUSE", "3000", "WRITE");
    readUntil(l -> l.startsWith("SOLUSDT"));
    readUntil(l -> l.startsWith("====="));
    signal("INT");
    String out = stoppedCleanly();
    assertThat(out).contains("EXPORT_STATUS summary=");
    assertThat(out.lines().filter(l -> l.contains("CONTINUOUS_METRICS"))).hasSize(1);
  }

  @Test
  void sigtermWhileAWebhookStallsItsBodyEndsTheRequestAndExitsCleanly() throws Exception {
    try (HostilePeer stalling = HostilePeer.httpHeadersThenStall()) {
      telegramUrl = stalling.httpUrl();
      start();
      while (stalling.accepted() == 0) {
        Thread.sleep(10);
      }
      signal("TERM");
      String out = stoppedCleanly();
      assertThat(out)
          .contains("alert not delivered: telegram: request abandoned: stop requested")
          .doesNotContain("ALERT_SENT");
    }
  }

  @Test
  void sigtermWhileAnAlertWaitsToBeRetriedEndsTheRetriesAndDoesNotRecordTheAlert()
      throws Exception {
    // Telegram asks for 30 s: the runner is in that wait when the signal comes.
    telegram.reply(new Reply(429, "{\"ok\":false,\"parameters\":{\"retry_after\":30}}", Map.of()));
    start();
    telegram.awaitRequests(1, DEADLINE);
    signal("TERM");
    String out = stoppedCleanly();
    assertThat(out)
        .contains(
            "alert not delivered: telegram: HTTP 429 rate limited (retry_after=30s), not retried:"
                + " stop requested")
        .contains("ALERT_FAILED")
        .doesNotContain("ALERT_SENT");
    assertThat(telegram.requests()).hasSize(1);
    assertThat(work.resolve("state/" + env + ".bybit/alert_state.json")).doesNotExist();
    assertThat(REDIS.server().cli("EXISTS", env + ":bybit:soak:alerts:debounce")).isEqualTo("0");
  }

  @Test
  void sigtermAndSigintBetweenCyclesExitCleanly() throws Exception {
    for (String sig : List.of("TERM", "INT")) {
      seen.setLength(0);
      start();
      readUntil(l -> l.contains("CONTINUOUS_METRICS"));
      signal(sig);
      assertThat(stoppedCleanly()).as(sig).contains("Heartbeat written");
    }
  }
}
