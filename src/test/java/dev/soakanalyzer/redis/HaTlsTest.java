package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.testsupport.RedisClusterSet;
import dev.soakanalyzer.testsupport.SentinelSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rediss-sentinel://} and {@code rediss-cluster://} against real TLS-only servers (no plain
 * port anywhere; replication, sentinels and the cluster bus over TLS too): export-redis writes the
 * summary and the run's history record on the master, history reads it back, and a client that does
 * not trust the servers' CA gets a TLS error, not "unavailable".
 */
class HaTlsTest {
  @TempDir Path dir;

  private static String env() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private void fakeSummary() {
    var fake = CliRunner.run(dir, Map.of(), "fake-summary", "--warn", "--out", "reports/analysis");
    assertThat(fake.exitCode()).as(fake.err()).isZero();
  }

  private CliRunner.Result cli(String... args) {
    return CliRunner.run(dir, Map.of(), args);
  }

  @Test
  void sentinelOverTlsExportsAndReadsHistoryBackAndAnUntrustedCaIsATlsError() {
    fakeSummary();
    String env = env();
    try (SentinelSet set = SentinelSet.startTls()) {
      String ca = set.caFile().toString();
      var export =
          cli(
              "export-redis",
              "--redis-url",
              set.url(),
              "--redis-ca-file",
              ca,
              "--env",
              env,
              "--stream");
      assertThat(export.exitCode()).as(export.err()).isZero();
      assertThat(export.out())
          .contains("to rediss-sentinel://")
          .contains("run appended to history");
      try (var j = set.masterClient()) {
        assertThat(j.hget(env + ":bybit:soak:summary", "verdict")).isEqualTo("WARN");
        assertThat(j.xlen(env + ":bybit:soak:history")).isEqualTo(1);
      }

      var history = cli("history", "--redis-url", set.url(), "--redis-ca-file", ca, "--env", env);
      assertThat(history.exitCode()).as(history.err()).isZero();
      assertThat(history.out()).contains("history " + env + ":bybit").contains("last 1 run(s)");

      // The same set, the JVM's default trust: the sentinels' certificate is not trusted.
      String url = set.url("soak", "hunter2-tls");
      var untrusted = cli("export-redis", "--redis-url", url, "--env", env());
      // a Redis failure, not the "unavailable, skip export" of a down set (exit 0)
      assertThat(untrusted.exitCode())
          .as(untrusted.err() + untrusted.out())
          .isEqualTo(dev.soakanalyzer.app.ExitCode.FAILURE.code());
      assertThat(untrusted.err())
          .contains("TLS handshake failed")
          .doesNotContain("unreachable")
          .doesNotContain("hunter2-tls");
      assertThat(untrusted.out()).doesNotContain("hunter2-tls");
    }
  }

  @Test
  void clusterOverTlsExportsAndReadsHistoryBack() {
    fakeSummary();
    String env = env();
    try (RedisClusterSet cluster = RedisClusterSet.startTls()) {
      String ca = cluster.caFile().toString();
      var export =
          cli(
              "export-redis",
              "--redis-url",
              cluster.url(),
              "--redis-ca-file",
              ca,
              "--env",
              env,
              "--stream");
      assertThat(export.exitCode()).as(export.err()).isZero();
      assertThat(export.out()).contains("to rediss-cluster://").contains("run appended to history");
      String tag = "{" + env + ":bybit}:soak:";
      try (var j = cluster.clientFor(tag + "summary")) {
        assertThat(j.hget(tag + "summary", "verdict")).isEqualTo("WARN");
        assertThat(j.xlen(tag + "history")).isEqualTo(1);
      }

      var history =
          cli("history", "--redis-url", cluster.url(), "--redis-ca-file", ca, "--env", env);
      assertThat(history.exitCode()).as(history.err()).isZero();
      assertThat(history.out()).contains("history " + env + ":bybit").contains("last 1 run(s)");
    }
  }
}
