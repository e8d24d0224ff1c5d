package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.testsupport.HostilePeer;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RealRedis;
import dev.soakanalyzer.testsupport.RedisServer;
import dev.soakanalyzer.testsupport.RedisServer.Options;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Redis peers that drip, announce absurd replies or do not speak TLS. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileRedisTest {
  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path dir;
  private final MutableClock clock = MutableClock.at("2025-10-21T13:00:00Z");
  private final ExportOptions options = ExportOptions.of("prod", "bybit");

  private ExportResult exportTo(String url, Duration deadline) {
    return new RedisExporter(RedisConnectionSettings.of(url), clock, deadline)
        .export(new Payloads().parse(dir), options);
  }

  @Test
  void aServerDrippingOneByteAtATimeIsCutAtTheExportDeadline() throws Exception {
    // Every read gets a byte well within the read timeout, so only the whole deadline ends it.
    try (HostilePeer peer = HostilePeer.drip("+", 50)) {
      ExportResult r = exportTo("redis://127.0.0.1:" + peer.port(), Duration.ofMillis(500));

      assertThat(r.skippedUnreachable()).as(r.message()).isTrue();
      assertThat(r.message()).endsWith("no complete reply within 500 ms, export abandoned");
    }
  }

  @Test
  void exportRedisHonoursRedisTimeoutAgainstADrippingServer() throws Exception {
    Path summary = new Payloads().write(dir.resolve("reports"));
    try (HostilePeer peer = HostilePeer.drip("+", 50)) {
      dev.soakanalyzer.cli.CliRunner.Result r =
          dev.soakanalyzer.cli.CliRunner.run(
              dir,
              java.util.Map.of(),
              "export-redis",
              "--summary",
              summary.toString(),
              "--violations",
              summary.resolveSibling("VIOLATIONS.json").toString(),
              "--redis-url",
              "redis://127.0.0.1:" + peer.port(),
              "--redis-timeout",
              "1");

      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.err()).contains("redis unavailable, skip export");
      assertThat(r.out()).contains("no complete reply within 1 s");
    }
    assertThat(
            dev.soakanalyzer.cli.CliRunner.run(
                    dir, java.util.Map.of(), "export-redis", "--redis-timeout", "0")
                .err())
        .contains("--redis-timeout must be at least 1 second, not 0");
  }

  @Test
  void aReplyHeaderAskingForGigabytesIsAFailureInWordsNotAnOutOfMemoryDeath() throws Exception {
    try (HostilePeer peer = HostilePeer.stallAfter("$2147483647\r\n")) {
      ExportResult r = exportTo("redis://127.0.0.1:" + peer.port(), Duration.ofSeconds(10));

      assertThat(r.exported()).isFalse();
      assertThat(r.failure()).isEqualTo(RedisFailure.SERVER_ERROR);
      assertThat(r.message()).contains("reply too large").doesNotContain("heap");
    }
  }

  @Test
  void redissToAPlaintextServerIsATlsErrorNotUnavailable() {
    RedisServer server = REDIS.start(Options.plain());
    String url = server.url().replaceFirst("^redis://", "rediss://");

    ExportResult r = exportTo(url, Duration.ofSeconds(10));

    assertThat(r.failure()).as(r.message()).isEqualTo(RedisFailure.TLS);
    assertThat(r.skippedUnreachable()).isFalse();
  }
}
