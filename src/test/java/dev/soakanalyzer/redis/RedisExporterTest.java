package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RealRedis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

class RedisExporterTest {
  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path dir;
  MutableClock clock = MutableClock.at("2025-10-21T13:00:00.750Z");
  String env;
  Jedis jedis;
  RedisExporter exporter;

  @BeforeEach
  void connect() {
    env = REDIS.uniqueEnv();
    jedis = new Jedis(REDIS.server().host(), REDIS.server().port());
    exporter = new RedisExporter(RedisConnectionSettings.of(REDIS.url()), clock);
  }

  @AfterEach
  void close() {
    jedis.close();
  }

  ExportOptions options() {
    return ExportOptions.of(env, "bybit");
  }

  ExportOptions streaming() {
    return options().withStream(true);
  }

  ExportResult export(Payloads p, ExportOptions o) {
    return exporter.export(p.parse(dir.resolve("in" + System.nanoTime())), o);
  }

  @Test
  void summaryHashHasTheDecidedFieldsAndTtl() {
    ExportResult r = export(new Payloads(), options());

    assertThat(r.exported()).as(r.message()).isTrue();
    assertThat(jedis.hgetAll(env + ":bybit:soak:summary"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("verdict", "CRIT"),
                Map.entry("windows", "24"),
                Map.entry("symbols", "2"),
                Map.entry("crit_count", "1"),
                Map.entry("warn_count", "2"),
                Map.entry("ok_count", "4"),
                Map.entry("generated_at", "2025-10-21T12:34:56Z"),
                Map.entry("updated_at", "2025-10-21T13:00:00Z"),
                Map.entry("commit_range", "abc123..def456"),
                Map.entry("profile", "moderate"),
                Map.entry("source", "soak")));
    assertThat(jedis.ttl(env + ":bybit:soak:summary")).isBetween(1L, 3600L);
  }

  @Test
  void symbolHashHasCountsLastValuesVerdictAndTtl() {
    export(new Payloads(), options());

    assertThat(jedis.type(env + ":bybit:soak:violations:BTCUSDT")).isEqualTo("hash");
    assertThat(jedis.hgetAll(env + ":bybit:soak:violations:BTCUSDT"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "crit_count", "1",
                "warn_count", "2",
                "last_edge", "1.9",
                "last_maker_taker", "0.86",
                "last_latency_p95", "360",
                "last_risk", "0.34",
                "verdict", "CRIT",
                "updated_at", "2025-10-21T13:00:00Z"));
    assertThat(jedis.ttl(env + ":bybit:soak:violations:BTCUSDT")).isBetween(1L, 3600L);
  }

  @Test
  void aMetricWithoutDataAndUnknownMetaAreNeverWrittenAsFields() {
    export(new Payloads().summary(s -> s.remove("meta")), options());

    assertThat(jedis.hgetAll(env + ":bybit:soak:violations:ETHUSDT"))
        .containsEntry("verdict", "WARN")
        .containsEntry("warn_count", "1")
        .containsEntry("crit_count", "0")
        .doesNotContainKey("last_risk");
    assertThat(jedis.hgetAll(env + ":bybit:soak:summary"))
        .doesNotContainKeys("commit_range", "profile", "source");
    assertThat(jedis.hvals(env + ":bybit:soak:summary")).doesNotContain("null", "");
  }

  @Test
  void aSecondExportReplacesFieldsThatNoLongerHaveData() {
    export(new Payloads(), options());
    export(
        new Payloads()
            .summary(
                s ->
                    ((ObjectNode) s.at("/symbols/BTCUSDT/risk_ratio"))
                        .putNull("last")
                        .put("status", "NO_DATA")),
        options());

    assertThat(jedis.hgetAll(env + ":bybit:soak:violations:BTCUSDT"))
        .doesNotContainKey("last_risk");
  }

  @Test
  void streamsHoldOneEntryPerEventWithItsFieldsAndTs() {
    ExportResult r = export(new Payloads(), streaming());

    assertThat(r.eventsStreamed()).isEqualTo(4);
    String stream = env + ":bybit:soak:violations:stream:BTCUSDT";
    assertThat(jedis.xlen(stream)).isEqualTo(3);
    List<StreamEntry> entries = jedis.xrange(stream, (StreamEntryID) null, null);
    // Window order (not CRIT first): the newest entry is the latest window, trimming drops the
    // oldest windows whatever their level.
    assertThat(entries)
        .extracting(e -> e.getFields().get("window_index"))
        .containsExactly("22", "23", "24");
    assertThat(entries.get(1).getFields())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "symbol", "BTCUSDT",
                "metric", "edge_bps",
                "level", "CRIT",
                "window_index", "23",
                "value", "1.9",
                "threshold", "2",
                "note", "Edge below critical threshold",
                "ts", "2025-10-21T13:00:00Z"));
    assertThat(jedis.xlen(env + ":bybit:soak:violations:stream:ETHUSDT")).isEqualTo(1);
  }

  @Test
  void exportingTheSameRunAgainAddsNoDuplicateStreamEntries() {
    export(new Payloads(), streaming());
    clock.advance(Duration.ofMinutes(30));
    ExportResult again = export(new Payloads(), streaming());

    assertThat(again.eventsStreamed()).isZero();
    assertThat(jedis.xlen(env + ":bybit:soak:violations:stream:BTCUSDT")).isEqualTo(3);
    assertThat(jedis.hget(env + ":bybit:soak:violations:BTCUSDT", "updated_at"))
        .isEqualTo("2025-10-21T13:30:00Z");
  }

  @Test
  void theStreamBookkeepingExpiresAfterAtLeastAWeekAndIsRefreshedOnEachExport() {
    export(new Payloads(), streaming());
    String streamed = env + ":bybit:soak:violations:streamed:BTCUSDT";
    jedis.expire(streamed, 100);
    export(new Payloads(), streaming());
    assertThat(jedis.ttl(streamed)).isBetween(7 * 86_400L - 60, 7 * 86_400L);
  }

  @Test
  void aSelfTestNamespaceWritesNoneOfTheProductionKeys() {
    ExportOptions selftest =
        new ExportOptions(
            new RedisKeys(env, "bybit", RedisKeys.SELFTEST_NAMESPACE),
            Duration.ofMinutes(10),
            true,
            100);
    assertThat(export(new Payloads(), selftest).exported()).isTrue();
    assertThat(jedis.keys(env + ":*"))
        .isNotEmpty()
        .allMatch(k -> k.startsWith(env + ":bybit:soak:selftest:"));
  }

  @Test
  void aLongerRunStreamsOnlyItsNewEvents() {
    export(new Payloads(), streaming());
    ExportResult longer =
        export(
            new Payloads()
                .summary(s -> s.put("windows", 25))
                .violations(
                    v ->
                        v.addObject()
                            .put("symbol", "BTCUSDT")
                            .put("metric", "edge_bps")
                            .put("level", "CRIT")
                            .put("window_index", 25)
                            .put("value", 1.8)
                            .put("threshold", 2.0)
                            .put("note", "Edge below critical threshold")),
            streaming());

    assertThat(longer.eventsStreamed()).isEqualTo(1);
    String stream = env + ":bybit:soak:violations:stream:BTCUSDT";
    assertThat(jedis.xlen(stream)).isEqualTo(4);
    assertThat(jedis.xrevrange(stream, (StreamEntryID) null, null, 1).get(0).getFields())
        .containsEntry("window_index", "25");
  }

  @Test
  void aRestartedRunWithFewerWindowsStreamsItsEventsAgain() {
    export(new Payloads(), streaming());
    ExportResult restarted =
        export(new Payloads().summary(s -> s.put("windows", 24 - 1)), streaming());

    assertThat(restarted.eventsStreamed()).isEqualTo(4);
    assertThat(jedis.xlen(env + ":bybit:soak:violations:stream:BTCUSDT")).isEqualTo(6);
  }

  @Test
  void aRunWithOtherValuesAtTheSameWindowsIsANewRun() {
    export(new Payloads(), streaming());
    ExportResult other =
        export(
            new Payloads().violations(v -> ((ObjectNode) v.get(3)).put("value", 0.77)),
            streaming());

    assertThat(other.eventsStreamed()).isEqualTo(1); // only ETHUSDT's data changed
    assertThat(jedis.xlen(env + ":bybit:soak:violations:stream:ETHUSDT")).isEqualTo(2);
    assertThat(jedis.xlen(env + ":bybit:soak:violations:stream:BTCUSDT")).isEqualTo(3);
  }

  @Test
  void aRunFromAnotherStartingCommitStreamsAgain() {
    export(new Payloads(), streaming());
    ExportResult other =
        export(
            new Payloads().summary(s -> ((ObjectNode) s.get("meta")).put("commit_range", "fff999")),
            streaming());

    assertThat(other.eventsStreamed()).isEqualTo(4);
  }

  @Test
  void streamsAreTrimmedToAboutMaxlen() {
    Payloads many =
        new Payloads()
            .summary(s -> s.put("windows", 2000))
            .violations(
                v -> {
                  v.removeAll();
                  for (int w = 1; w <= 2000; w++) {
                    v.addObject()
                        .put("symbol", "BTCUSDT")
                        .put("metric", "edge_bps")
                        .put("level", "WARN")
                        .put("window_index", w)
                        .put("value", 2.4)
                        .put("threshold", 2.5);
                  }
                });
    ExportOptions o =
        new ExportOptions(new RedisKeys(env, "bybit"), Duration.ofHours(1), true, 100);
    ExportResult r = export(many, o);

    assertThat(r.eventsStreamed()).isEqualTo(2000);
    // MAXLEN ~ trims whole radix-tree nodes (100 entries by default), so "about" 100.
    assertThat(jedis.xlen(env + ":bybit:soak:violations:stream:BTCUSDT")).isBetween(100L, 300L);
  }

  @Test
  void aKeyOfAnotherTypeFailsWithWrongTypeAndWritesNothing() {
    jedis.set(env + ":bybit:soak:violations:ETHUSDT", "not a hash");

    ExportResult r = export(new Payloads(), streaming());

    assertThat(r.failure()).isEqualTo(RedisFailure.WRONG_TYPE);
    assertThat(r.message())
        .contains("WRONGTYPE", env + ":bybit:soak:violations:ETHUSDT")
        .doesNotContain("unavailable");
    assertThat(jedis.exists(env + ":bybit:soak:summary")).isFalse();
    assertThat(jedis.exists(env + ":bybit:soak:violations:BTCUSDT")).isFalse();
    assertThat(jedis.exists(env + ":bybit:soak:violations:stream:BTCUSDT")).isFalse();
  }

  @Test
  void anUnreachableServerIsReportedAsUnreachable() {
    var settings =
        RedisConnectionSettings.of("redis://127.0.0.1:1/0")
            .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500));
    ExportResult r =
        new RedisExporter(settings, clock).export(new Payloads().parse(dir), options());

    assertThat(r.skippedUnreachable()).as(r.message()).isTrue();
    assertThat(r.failure().reasonCode()).isEqualTo("redis_unavailable");
  }
}
