package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.testsupport.RedisClusterSet;
import dev.soakanalyzer.testsupport.RedisProcess;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A real Cluster (three masters, one replica each, on loopback): every key of one env/exchange is
 * in one slot, exports follow the slot through {@code CLUSTER FAILOVER} and a {@code kill -9} of
 * its master, and nothing is lost or written twice.
 */
class ClusterFailoverTest {
  private static RedisClusterSet cluster;

  @BeforeAll
  static void start() {
    cluster = RedisClusterSet.start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static String env() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void everyKeyOfOneEnvExchangeIsWrittenInOneSlotUnderTheHashTag() {
    String env = env();
    RedisKeys keys = new RedisKeys(env, "bybit").onCluster();
    ExportResult r =
        new RedisExporter(RedisConnectionSettings.of(cluster.url()), java.time.Clock.systemUTC())
            .export(
                RunSeries.run(0, 3.0),
                new ExportOptions(new RedisKeys(env, "bybit"), Duration.ofHours(1), true, 5000));

    assertThat(r.exported()).as(r.message()).isTrue();
    try (Jedis j = cluster.clientFor(keys.summary())) {
      int slot = (int) j.clusterKeySlot(keys.summary());
      List<String> written = j.clusterGetKeysInSlot(slot, 100);
      assertThat(written)
          .containsExactlyInAnyOrder(
              "{" + env + ":bybit}:soak:summary",
              "{" + env + ":bybit}:soak:violations:BTCUSDT",
              "{" + env + ":bybit}:soak:violations:stream:BTCUSDT",
              "{" + env + ":bybit}:soak:violations:streamed:BTCUSDT",
              "{" + env + ":bybit}:soak:history");
    }
  }

  @Test
  void exportRedisAndRunWorkUnchangedOnTheCluster(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    String env = env();
    var fake =
        dev.soakanalyzer.cli.CliRunner.run(
            dir, java.util.Map.of(), "fake-summary", "--crit", "--out", "reports/analysis");
    assertThat(fake.exitCode()).as(fake.err()).isZero();
    var export =
        dev.soakanalyzer.cli.CliRunner.run(
            dir,
            java.util.Map.of(),
            "export-redis",
            "--redis-url",
            cluster.url(),
            "--env",
            env,
            "--stream");
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains("run appended to history");
    var run =
        dev.soakanalyzer.cli.CliRunner.run(
            dir,
            java.util.Map.of(),
            "run",
            "--iter-glob",
            "reports/analysis/fake/FAKE_ITER_*.json",
            "--out-dir",
            "reports/analysis",
            "--max-iterations",
            "1",
            "--lock-file",
            dir.resolve("soak.lock").toString(),
            "--redis-url",
            cluster.url(),
            "--env",
            env);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("EXPORT_STATUS summary=OK violations=OK")
        .contains("Heartbeat written");
    RedisKeys keys = new RedisKeys(env, "bybit").onCluster();
    try (Jedis j = cluster.clientFor(keys.summary())) {
      assertThat(j.hget(keys.summary(), "verdict")).isEqualTo("CRIT");
      assertThat(j.exists(keys.key(RedisKeys.HEARTBEAT))).isTrue();
      assertThat(j.exists(keys.summaryHash())).isTrue();
      // export-redis and run exported the same analysis: one run in the history
      assertThat(j.xlen(keys.history())).isEqualTo(1);
    }
  }

  @Test
  void killedMasterMidExportIsFollowedToItsReplica() {
    String env = env();
    String slotKey = new RedisKeys(env, "bybit").onCluster().summary();
    cluster.awaitReplicaInSync(slotKey);
    List<FailoverScenario.Timing> t =
        FailoverScenario.run(
            cluster.url(),
            env,
            Duration.ofSeconds(20),
            true,
            () -> {
              RedisProcess killed = cluster.killMasterOf(slotKey);
              Thread back =
                  new Thread(
                      () -> {
                        try {
                          cluster.awaitNewMaster(slotKey, killed.port());
                          killed.restart(); // rejoins as the new master's replica
                        } catch (Throwable e) {
                          // the next test says what is missing
                        }
                      });
              back.setDaemon(true);
              back.start();
            },
            () -> cluster.clientFor(slotKey),
            "cluster kill -9 of the slot's master mid-export");
    t.forEach(System.out::println);
    assertThat(t.get(0).exported()).isTrue();
  }

  @Test
  void clusterFailoverMidExportCompletesOnTheNewMaster() throws Exception {
    String env = env();
    String slotKey = new RedisKeys(env, "bybit").onCluster().summary();
    cluster.awaitReplicaInSync(slotKey);
    RedisConnectionSettings settings = RedisConnectionSettings.of(cluster.url());
    try (RedisStateStore store =
            new RedisStateStore(settings, new RedisKeys(env, "bybit"), Duration.ofSeconds(20));
        RedisLease lease =
            new RedisLease(
                settings,
                new RedisKeys(env, "bybit"),
                "me",
                Duration.ofMinutes(5),
                Duration.ofSeconds(20))) {
      String alertKey = RedisKeys.prefixed(env, "bybit", RedisKeys.ALERT_DEBOUNCE);
      store.put(alertKey, "{\"last_level\":\"WARN\"}", null);
      assertThat(lease.acquireOrRenew()).isTrue();
      List<FailoverScenario.Timing> t =
          FailoverScenario.run(
              cluster.url(),
              env,
              Duration.ofSeconds(20),
              true,
              () -> cluster.failoverSlotOf(slotKey),
              () -> cluster.clientFor(slotKey),
              "cluster CLUSTER FAILOVER mid-export");
      t.forEach(System.out::println);
      assertThat(t.get(0).exported()).isTrue();
      // The runner's kept connection is on the demoted master: its next calls follow the slot.
      long start = System.nanoTime();
      assertThat(store.get(alertKey)).contains("{\"last_level\":\"WARN\"}");
      assertThat(lease.acquireOrRenew()).isTrue();
      store.put(alertKey, "{\"last_level\":\"CRIT\"}", null);
      System.out.println(
          "FAILOVER cluster runner alert state + lease after CLUSTER FAILOVER: "
              + (System.nanoTime() - start) / 1_000_000
              + " ms, completed");
      try (Jedis j = cluster.clientFor(slotKey)) {
        assertThat(j.get("{" + env + ":bybit}:soak:alerts:debounce"))
            .isEqualTo("{\"last_level\":\"CRIT\"}");
        assertThat(j.get("{" + env + ":bybit}:soak:runner:lease")).isEqualTo("me");
      }
    }
  }
}
