package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.testsupport.RealRedis;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

/** The run history on a real server: written once per run, read back, hostile entries skipped. */
class RunHistoryTest {
  @RegisterExtension static final RealRedis REDIS = new RealRedis();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private RedisExporter exporter() {
    return new RedisExporter(RedisConnectionSettings.of(REDIS.url()), Clock.systemUTC());
  }

  private static ExportOptions options(String env) {
    return new ExportOptions(new RedisKeys(env, "bybit"), Duration.ofHours(1), false, 5000, 1000);
  }

  /**
   * 40 runs of main: edge_bps about 3.05 for twenty runs, then about 2.41 (seeded noise). The
   * detector is calibrated for autocorrelated series, so on a few runs it only believes large
   * shifts; 40 runs make this one unmistakable.
   */
  private String runsWithAShift() {
    String env = REDIS.uniqueEnv();
    Random rnd = new Random(20261201);
    for (int i = 0; i < 40; i++) {
      double level = i < 20 ? 3.05 : 2.41;
      double median = Math.round((level + rnd.nextGaussian() * 0.03) * 100) / 100.0;
      ExportResult r = exporter().export(RunSeries.run(i, median), options(env));
      assertThat(r.exported()).as(r.message()).isTrue();
    }
    return env;
  }

  @Test
  void historyNamesTheRunWhereAMedianShifted() {
    String env = runsWithAShift();

    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of(),
            "history",
            "--redis-url",
            REDIS.url(),
            "--env",
            env,
            "--branch",
            "main",
            "--last",
            "40");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .contains("history " + env + ":bybit branch main, last 40 run(s)")
        .contains("BTCUSDT edge_bps fell from 3.06 to 2.40 at run 2026-12-21 abc0014 (main)");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonCarriesRunsMediansOldestFirstAndTheShift() throws Exception {
    String env = runsWithAShift();

    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of(),
            "history",
            "--redis-url",
            REDIS.url(),
            "--env",
            env,
            "--last",
            "30",
            "--symbols",
            "BTCUSDT",
            "--json");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.get("runs")).hasSize(30);
    assertThat(root.at("/runs/0/run_id").asText()).isEqualTo("run-10");
    assertThat(root.at("/runs/29/run_id").asText()).isEqualTo("run-39");
    JsonNode cell = root.at("/cells/0");
    assertThat(cell.get("symbol").asText()).isEqualTo("BTCUSDT");
    assertThat(cell.get("medians")).hasSize(30);
    assertThat(cell.at("/shift/run_id").asText()).isEqualTo("run-20");
    assertThat(cell.at("/shift/p_value").asDouble()).isLessThan(0.01);
  }

  @Test
  void theSameSummaryExportedTwiceAppendsOnceAndMaxlenTrims() {
    String env = REDIS.uniqueEnv();
    RedisExporter exporter = exporter();
    ExportPayload run0 = RunSeries.run(0, 3.0);
    ExportResult first = exporter.export(run0, options(env));
    ExportResult again = exporter.export(run0, options(env));
    exporter.export(RunSeries.run(1, 3.0), options(env));
    ExportResult older = exporter.export(run0, options(env)); // an older summary again

    assertThat(first.message()).contains("run appended to history");
    assertThat(again.message()).contains("run already in history");
    assertThat(older.message()).contains("run already in history");
    try (Jedis j = new Jedis(java.net.URI.create(REDIS.url()))) {
      String key = new RedisKeys(env, "bybit").history();
      assertThat(j.xlen(key)).isEqualTo(2);
      var entry = j.xrange(key, "-", "+").get(0).getFields();
      assertThat(entry)
          .containsEntry("v", "1")
          .containsEntry("run_id", "run-0")
          .containsEntry("ref", "main")
          .containsEntry("sha", RunSeries.sha(0))
          .containsEntry("verdict", "WARN")
          .containsEntry("windows", "10")
          .containsEntry(
              "stats",
              "{\"BTCUSDT\":{\"edge_bps\":{\"median\":3.0,\"mean\":3.0,\"n\":10,\"sd\":0.1,"
                  + "\"lag1\":0.2,\"status\":\"WARN\"}}}");
    }
  }

  @Test
  void shaFallsBackToTheLastCommitOfTheRange() {
    var root = RunSeries.summary(0, 3.0, "main");
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("meta")).remove("sha");
    try {
      var s = ExportPayloadReader.readSummary(Path.of("S.json"), root);
      assertThat(HistoryRecords.fromSummary(s, root).sha()).isEqualTo(RunSeries.sha(0));
    } catch (InvalidExportInputException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void hostileEntriesAreSkippedWithOneWarningEachAndNeverBecomeTheBaseline() {
    String env = REDIS.uniqueEnv();
    RedisKeys keys = new RedisKeys(env, "bybit");
    exporter().export(RunSeries.run(0, 3.0), options(env));
    String valid;
    try (Jedis j = new Jedis(java.net.URI.create(REDIS.url()))) {
      valid = j.xrange(keys.history(), "-", "+").get(0).getFields().get("digest");
      String key = keys.history();
      j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("note", "written by hand", "ref", "main"));
      j.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("v", "1", "run_id", "x", "ref", "main"));
      var wrongJson = new java.util.LinkedHashMap<>(j.xrange(key, "-", "+").get(0).getFields());
      wrongJson.put("stats", "{\"BTCUSDT\":{\"edge_bps\":{\"median\":\"high\"");
      j.xadd(key, StreamEntryID.NEW_ENTRY, wrongJson);
      var future = new java.util.LinkedHashMap<>(j.xrange(key, "-", "+").get(0).getFields());
      future.put("v", "2");
      j.xadd(key, StreamEntryID.NEW_ENTRY, future);
      var edited = new java.util.LinkedHashMap<>(j.xrange(key, "-", "+").get(0).getFields());
      edited.put("windows", "99");
      j.xadd(key, StreamEntryID.NEW_ENTRY, edited);
    }

    List<String> warnings = new ArrayList<>();
    try (RunHistory history =
        new RunHistory(RedisConnectionSettings.of(REDIS.url()), Duration.ofSeconds(5))) {
      String baseline = history.newestAsSummary(keys, "main", warnings::add).orElseThrow();
      assertThat(baseline)
          .isEqualTo(
              "{\"symbols\":{\"BTCUSDT\":{\"edge_bps\":{\"median\":3.0,\"mean\":3.0,\"n\":10,"
                  + "\"sd\":0.1,\"lag1\":0.2,\"status\":\"WARN\"}}},\"meta\":{\"ref\":\"main\","
                  + "\"sha\":\""
                  + RunSeries.sha(0)
                  + "\",\"run_id\":\"run-0\",\"generated_at_utc\":\"2026-12-01T10:00:00Z\","
                  + "\"source\":\"redis\"}}");
    }
    assertThat(valid).hasSize(64);
    assertThat(warnings)
        .hasSize(5)
        .allSatisfy(w -> assertThat(w).startsWith("history: skipped entry "))
        .anySatisfy(w -> assertThat(w).contains("no version field v"))
        .anySatisfy(w -> assertThat(w).contains("no field stats"))
        .anySatisfy(w -> assertThat(w).contains("stats is not valid JSON"))
        .anySatisfy(w -> assertThat(w).contains("version 2, this soak-analyzer reads version 1"))
        .anySatisfy(w -> assertThat(w).contains("digest does not match"));

    CliRunner.Result r =
        CliRunner.run(dir, Map.of(), "history", "--redis-url", REDIS.url(), "--env", env);
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.err().lines().filter(l -> l.startsWith("warn: history: skipped entry")))
        .hasSize(5);
    assertThat(r.out()).contains("last 1 run(s)");
  }

  @Test
  void noBaselineWhenTheBranchHasNoRunOrRedisIsDown() {
    String env = REDIS.uniqueEnv();
    RedisKeys keys = new RedisKeys(env, "bybit");
    exporter().export(RunSeries.run(0, 3.0, "feature/x"), options(env));
    List<String> warnings = new ArrayList<>();
    try (RunHistory history =
        new RunHistory(RedisConnectionSettings.of(REDIS.url()), Duration.ofSeconds(5))) {
      assertThat(history.newestAsSummary(keys, "main", warnings::add)).isEmpty();
      assertThat(history.newestAsSummary(keys, "feature/x", warnings::add)).isPresent();
    }
    String down =
        "redis://:hunter2@127.0.0.1:"
            + dev.soakanalyzer.testsupport.RedisServer.closedPort()
            + "/0";
    try (RunHistory history =
        new RunHistory(RedisConnectionSettings.of(down), Duration.ofSeconds(2))) {
      assertThat(history.newestAsSummary(keys, "main", warnings::add)).isEmpty();
    }
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("no run of branch main in " + keys.history());
    assertThat(warnings.get(1)).contains("unreachable").doesNotContain("hunter2");
  }

  @Test
  void badFlagsAreExitTwoWithoutThePassword() {
    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of(),
            "history",
            "--redis-url",
            "redis-sentinel://u:hunter2@h1:1",
            "--last",
            "0");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("error: --redis-url: no master name")
        .contains("error: --last must be at least 1, not 0")
        .doesNotContain("hunter2");
  }
}
