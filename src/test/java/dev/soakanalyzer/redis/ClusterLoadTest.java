package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.testsupport.RedisClusterSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The fleet case: 50 exporters in parallel, each its own env/exchange, against a real 3x2 Cluster.
 * Every export completes, nothing is lost, and the p50/p99 export times and the history's bytes per
 * record are printed (docs/REDIS.md sizes a fleet from them). Times are printed, never asserted.
 */
class ClusterLoadTest {
  private static final int EXPORTERS = 50;
  private static RedisClusterSet cluster;

  @TempDir Path dir;

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

  @Test
  void fiftyExportersInParallelAllCompleteAndNothingIsLost() throws Exception {
    ExportPayload payload = new Payloads().parse(dir);
    int events = payload.violations().size();
    String url = cluster.url();
    List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(EXPORTERS);
    long wallStart = System.nanoTime();
    List<Future<ExportResult[]>> done = new ArrayList<>();
    try {
      for (int i = 0; i < EXPORTERS; i++) {
        int n = i;
        done.add(
            pool.submit(
                () -> {
                  RedisExporter exporter =
                      new RedisExporter(
                          RedisConnectionSettings.of(url),
                          Clock.systemUTC(),
                          Duration.ofSeconds(30));
                  ExportOptions options =
                      new ExportOptions(
                          new RedisKeys("load" + n, "ex" + n), Duration.ofHours(1), true, 5000);
                  ExportResult first = exporter.export(payload, options);
                  ExportResult again = exporter.export(payload, options); // unchanged: no-op
                  millis.add(first.elapsed().toMillis());
                  millis.add(again.elapsed().toMillis());
                  return new ExportResult[] {first, again};
                }));
      }
      for (Future<ExportResult[]> f : done) {
        ExportResult[] r = f.get();
        assertThat(r[0].exported()).as(r[0].message()).isTrue();
        assertThat(r[0].eventsStreamed()).isEqualTo(events);
        assertThat(r[1].exported()).as(r[1].message()).isTrue();
        assertThat(r[1].eventsStreamed()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
    long historyBytes = 0;
    for (int i = 0; i < EXPORTERS; i++) {
      RedisKeys keys = new RedisKeys("load" + i, "ex" + i).onCluster();
      try (Jedis j = cluster.clientFor(keys.summary())) {
        assertThat(j.xlen(keys.history())).isEqualTo(1);
        long streamed = 0;
        for (String s : payload.symbols()) {
          streamed += j.xlen(keys.stream(s));
        }
        assertThat(streamed).isEqualTo(events);
        assertThat(j.hget(keys.summary(), "verdict")).isEqualTo(payload.summary().verdict().name());
        historyBytes += j.memoryUsage(keys.history());
      }
    }
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        "LOAD %d exporters x 2 exports (%d symbols, %d events) on a 3x2 cluster: p50 %d ms, p99 %d"
            + " ms, max %d ms; %d exports in %d ms; history %d bytes per one-record stream%n",
        EXPORTERS,
        payload.symbols().size(),
        events,
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
        sorted.get(sorted.size() - 1),
        sorted.size(),
        wallMillis,
        historyBytes / EXPORTERS);
  }
}
