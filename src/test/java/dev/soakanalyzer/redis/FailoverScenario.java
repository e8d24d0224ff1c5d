package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;

/**
 * Ten exports of one growing run with a failover forced in the middle, counted afterwards: exactly
 * ten history records and exactly ten stream events (one new event per export), none twice.
 */
final class FailoverScenario {
  static final int EXPORTS = 10;

  /** How the export around the failover went, for the printed timings. */
  record Timing(String what, long millis, String message, boolean exported) {
    @Override
    public String toString() {
      return "FAILOVER "
          + what
          + ": "
          + millis
          + " ms, "
          + (exported ? "completed" : "SKIP")
          + " ("
          + message
          + ")";
    }
  }

  private FailoverScenario() {}

  /**
   * Runs the ten exports; {@code failover} is forced inside export #5 (before EXEC, from the
   * exporter's test seam) when {@code midExport}, else between exports #5 and #6. Exports that end
   * in SKIP are retried once the new master is there, as the next run would.
   */
  static List<Timing> run(
      String url,
      String env,
      Duration deadline,
      boolean midExport,
      Runnable failover,
      Supplier<Jedis> master,
      String what) {
    RedisExporter exporter =
        new RedisExporter(RedisConnectionSettings.of(url), Clock.systemUTC(), deadline);
    ExportOptions options =
        new ExportOptions(new RedisKeys(env, "bybit"), Duration.ofHours(1), true, 5000);
    List<Timing> timings = new ArrayList<>();
    for (int i = 0; i < EXPORTS; i++) {
      ExportPayload payload = RunSeries.run(i, 3.0);
      boolean forced = i == EXPORTS / 2;
      if (forced && !midExport) {
        failover.run();
      }
      boolean[] once = {forced && midExport};
      exporter.beforeExec(
          () -> {
            if (once[0]) {
              once[0] = false;
              failover.run();
            }
          });
      ExportResult r = exporter.export(payload, options);
      if (forced) {
        timings.add(new Timing(what, r.elapsed().toMillis(), r.message(), r.exported()));
      }
      while (!r.exported()) {
        assertThat(r.skippedUnreachable()).as(r.message()).isTrue();
        assertThat(r.elapsed()).isLessThan(deadline.plusSeconds(2));
        r = exporter.export(payload, options); // the next run's retry
      }
    }
    RedisKeys keys = new RedisKeys(env, "bybit");
    boolean cluster = url.startsWith("redis-cluster");
    RedisKeys stored = cluster ? keys.onCluster() : keys;
    try (Jedis j = master.get()) {
      var history = j.xrange(stored.history(), "-", "+");
      assertThat(history).as("history records").hasSize(EXPORTS);
      assertThat(history.stream().map(e -> e.getFields().get("run_id")))
          .containsExactly(
              "run-0", "run-1", "run-2", "run-3", "run-4", "run-5", "run-6", "run-7", "run-8",
              "run-9");
      var events = j.xrange(stored.stream("BTCUSDT"), "-", "+");
      assertThat(events.stream().map(e -> e.getFields().get("window_index")))
          .as("stream events")
          .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
      assertThat(j.hget(stored.summary(), "windows")).isEqualTo(Integer.toString(10 + EXPORTS - 1));
    }
    return timings;
  }
}
