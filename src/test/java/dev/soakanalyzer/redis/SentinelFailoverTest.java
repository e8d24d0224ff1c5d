package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.testsupport.SentinelSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real Sentinel set (master, replica, three sentinels on loopback): exports and the runner's
 * calls follow the master through {@code SENTINEL FAILOVER} and a {@code kill -9} of the master,
 * and nothing is lost or written twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SentinelFailoverTest {
  private static SentinelSet set;

  @BeforeAll
  static void start() {
    set = SentinelSet.start();
  }

  @AfterAll
  static void stop() {
    if (set != null) {
      set.close();
    }
  }

  @org.junit.jupiter.api.BeforeEach
  void healthy() {
    set.awaitHealthy();
  }

  private static String env() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @Order(1)
  void exportRedisWorksUnchangedThroughSentinel(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String env = env();
    var fake =
        dev.soakanalyzer.cli.CliRunner.run(
            dir, java.util.Map.of(), "fake-summary", "--warn", "--out", "reports/analysis");
    assertThat(fake.exitCode()).as(fake.err()).isZero();
    var export =
        dev.soakanalyzer.cli.CliRunner.run(
            dir,
            java.util.Map.of(),
            "export-redis",
            "--redis-url",
            set.url(),
            "--env",
            env,
            "--stream");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains("to " + set.url()).contains("run appended to history");
    try (var j = set.masterClient()) {
      assertThat(j.hget(env + ":bybit:soak:summary", "verdict")).isEqualTo("WARN");
      assertThat(j.xlen(env + ":bybit:soak:history")).isEqualTo(1);
    }
  }

  @Test
  @Order(2)
  void sentinelFailoverInTheMiddleOfAnExportCompletesOnTheNewMaster() {
    List<FailoverScenario.Timing> t =
        FailoverScenario.run(
            set.url(),
            env(),
            Duration.ofSeconds(20),
            true,
            set::failover,
            set::masterClient,
            "sentinel SENTINEL FAILOVER mid-export");
    t.forEach(System.out::println);
    assertThat(t.get(0).exported()).isTrue();
  }

  @Test
  @Order(3)
  void killedMasterMidExportIsFollowedAndTheRunnerStoreFollowsToo() throws Exception {
    String env = env();
    RedisKeys keys = new RedisKeys(env, "bybit");
    RedisConnectionSettings settings = RedisConnectionSettings.of(set.url());
    try (RedisStateStore store = new RedisStateStore(settings, keys, Duration.ofSeconds(20))) {
      String heartbeat = RedisKeys.prefixed(env, "bybit", RedisKeys.HEARTBEAT);
      store.put(heartbeat, "before", Duration.ofMinutes(5));
      List<FailoverScenario.Timing> t =
          FailoverScenario.run(
              set.url(),
              env,
              Duration.ofSeconds(20),
              true,
              () -> {
                var killed = set.killMaster();
                restartAsReplicaLater(killed);
              },
              set::masterClient,
              "sentinel kill -9 of the master mid-export");
      t.forEach(System.out::println);
      assertThat(t.get(0).exported()).isTrue();
      // The store's kept connection went to the killed master: the next call finds the new one.
      long start = System.nanoTime();
      store.put(heartbeat, "after", Duration.ofMinutes(5));
      System.out.println(
          "FAILOVER sentinel runner heartbeat after kill -9: "
              + (System.nanoTime() - start) / 1_000_000
              + " ms, completed");
      assertThat(store.get(heartbeat)).contains("after");
    }
  }

  @Test
  @Order(4)
  void aFailoverLongerThanTheDeadlineIsSkippedWithinItAndRetriedNextTime() throws Exception {
    String env = env();
    RedisExporter exporter =
        new RedisExporter(
            RedisConnectionSettings.of(set.url()), Clock.systemUTC(), Duration.ofMillis(1500));
    ExportOptions options =
        new ExportOptions(new RedisKeys(env, "bybit"), Duration.ofHours(1), true, 5000);
    assertThat(exporter.export(RunSeries.run(0, 3.0), options).exported()).isTrue();
    int before = set.masterPort();
    boolean[] once = {true};
    exporter.beforeExec(
        () -> {
          if (once[0]) {
            once[0] = false;
            restartAsReplicaLater(set.killMaster());
          }
        });
    ExportResult skipped = exporter.export(RunSeries.run(1, 3.0), options);
    System.out.println(
        "FAILOVER sentinel kill -9 with --redis-timeout 1.5 s: "
            + skipped.elapsed().toMillis()
            + " ms, SKIP ("
            + skipped.message()
            + ")");
    assertThat(skipped.skippedUnreachable()).isTrue();
    assertThat(skipped.elapsed()).isLessThan(Duration.ofMillis(1500 + 1000));
    set.awaitNewMaster(before);
    ExportResult retried = exporter.export(RunSeries.run(1, 3.0), options);
    assertThat(retried.exported()).as(retried.message()).isTrue();
    RedisKeys keys = new RedisKeys(env, "bybit");
    try (var j = set.masterClient()) {
      assertThat(j.xlen(keys.history())).isEqualTo(2);
      assertThat(j.xlen(keys.stream("BTCUSDT"))).isEqualTo(2);
    }
  }

  /** The killed master comes back (as the sentinels' replica), so the set has two servers again. */
  private static void restartAsReplicaLater(dev.soakanalyzer.testsupport.RedisProcess killed) {
    Thread t =
        new Thread(
            () -> {
              try {
                set.awaitNewMaster(killed.port());
                killed.restart();
              } catch (Throwable e) {
                // the next test's failover would fail with a clear message
              }
            });
    t.setDaemon(true);
    t.start();
  }
}
