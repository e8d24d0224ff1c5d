package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RealRedis;
import dev.soakanalyzer.testsupport.RedisServer;
import dev.soakanalyzer.testsupport.RedisServer.Options;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Redis faults not covered elsewhere (issue 7): a server that comes back after a restart, and a
 * server slower than the read timeout. Stopped mid-export, wrong key type and refused auth are in
 * {@link RedisConnectionTest}, {@link RedisExporterTest} and {@link ExportRedisCommandTest}.
 */
class RedisFaultsTest {
  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path dir;
  MutableClock clock = MutableClock.at("2025-10-21T13:00:00Z");

  @Test
  void theSameExporterWritesAgainOnceARestartedServerIsBack() {
    RedisServer server = REDIS.start(Options.plain());
    var exporter = new RedisExporter(RedisConnectionSettings.of(server.url()), clock);
    ExportOptions options = ExportOptions.of("prod", "bybit");
    assertThat(exporter.export(new Payloads().parse(dir.resolve("v1")), options).exported())
        .isTrue();

    server.kill();
    clock.advance(Duration.ofMinutes(5));
    ExportResult whileDown = exporter.export(new Payloads().parse(dir.resolve("v2")), options);
    server.restart();
    clock.advance(Duration.ofMinutes(5));
    ExportResult afterRestart = exporter.export(new Payloads().parse(dir.resolve("v3")), options);

    assertThat(whileDown.skippedUnreachable()).as(whileDown.message()).isTrue();
    assertThat(whileDown.failure()).isEqualTo(RedisFailure.UNREACHABLE);
    assertThat(afterRestart.exported()).as(afterRestart.message()).isTrue();
    try (Jedis j = new Jedis(server.host(), server.port())) {
      assertThat(j.hget("prod:bybit:soak:summary", "updated_at")).isEqualTo("2025-10-21T13:10:00Z");
    }
  }

  @Test
  void aServerSlowerThanTheReadTimeoutIsUnreachableAndLeavesNoMixedExport() throws Exception {
    RedisServer server = REDIS.start(Options.plain());
    ExportOptions options = ExportOptions.of("prod", "bybit");
    ExportPayload big = BigPayload.symbols(50);
    var settings =
        RedisConnectionSettings.of(server.url())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200));
    var exporter = new RedisExporter(settings, clock);
    assertThat(exporter.export(big, options).exported()).isTrue();

    ExportResult slow;
    try (Socket blocker = new Socket(server.host(), server.port())) {
      // DEBUG SLEEP is queued before the exporter connects: every reply it waits for is late.
      OutputStream out = blocker.getOutputStream();
      out.write(
          "*3\r\n$5\r\nDEBUG\r\n$5\r\nSLEEP\r\n$1\r\n2\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      clock.advance(Duration.ofMinutes(1));
      slow = exporter.export(big, options);
      assertThat(blocker.getInputStream().read()).isEqualTo('+'); // the sleep is over: +OK
    }

    assertThat(slow.skippedUnreachable()).as(slow.message()).isTrue();
    assertThat(slow.failure()).isEqualTo(RedisFailure.UNREACHABLE);
    // Whatever the server ran after waking up, every hash comes from one and the same export.
    try (Jedis j =
        new Jedis(
            new HostAndPort(server.host(), server.port()),
            DefaultJedisClientConfig.builder().socketTimeoutMillis(10_000).build())) {
      String updated = j.hget("prod:bybit:soak:summary", "updated_at");
      for (String symbol : big.symbols()) {
        assertThat(j.hget("prod:bybit:soak:violations:" + symbol, "updated_at"))
            .as(symbol)
            .isEqualTo(updated);
      }
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(exporter.export(big, options).exported()).as("after the slow spell").isTrue();
  }
}
