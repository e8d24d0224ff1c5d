package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RealRedis;
import dev.soakanalyzer.testsupport.RedisServer;
import dev.soakanalyzer.testsupport.RedisServer.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** URLs with ACL users and db numbers, TLS, and a server that dies in the middle of an export. */
class RedisConnectionTest {
  static final String PASSWORD = "pa55-w0rd-xyz";

  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @TempDir Path dir;
  MutableClock clock = MutableClock.at("2025-10-21T13:00:00Z");

  @Test
  void anAclUserWithPasswordWritesIntoTheDbOfTheUrl() {
    RedisServer acl = REDIS.start(Options.plain().withAclUser("soak", PASSWORD));
    var exporter =
        new RedisExporter(RedisConnectionSettings.of(acl.url("soak", PASSWORD, 3)), clock);

    ExportResult r = exporter.export(new Payloads().parse(dir), ExportOptions.of("prod", "bybit"));

    assertThat(r.exported()).as(r.message()).isTrue();
    assertThat(r.message()).contains("soak:***@").doesNotContain(PASSWORD);
    try (Jedis j = login(acl, 3)) {
      assertThat(j.hget("prod:bybit:soak:violations:BTCUSDT", "verdict")).isEqualTo("CRIT");
    }
    try (Jedis j = login(acl, 0)) {
      assertThat(j.exists("prod:bybit:soak:violations:BTCUSDT")).isFalse();
    }
  }

  @Test
  void aPasswordOnlyUrlWithAnEmptyUserAuthenticatesTheDefaultUser() {
    // The default user with a password is what requirepass sets up.
    RedisServer server = REDIS.start(Options.plain().withAclUser("default", PASSWORD));
    String url = server.url(null, PASSWORD, 5);
    assertThat(url).contains("://:" + PASSWORD + "@");
    var exporter = new RedisExporter(RedisConnectionSettings.of(url), clock);

    ExportResult r = exporter.export(new Payloads().parse(dir), ExportOptions.of("prod", "bybit"));

    assertThat(r.exported()).as(r.message()).isTrue();
    assertThat(r.message()).doesNotContain(PASSWORD);
    try (Jedis j =
        new Jedis(
            new HostAndPort(server.host(), server.port()),
            DefaultJedisClientConfig.builder().password(PASSWORD).database(5).build())) {
      assertThat(j.hget("prod:bybit:soak:violations:BTCUSDT", "verdict")).isEqualTo("CRIT");
    }
  }

  @Test
  void aWrongPasswordIsAuthRefusedNeverUnavailableAndNeverPrinted() {
    RedisServer acl = REDIS.start(Options.plain().withAclUser("soak", PASSWORD));
    String wrong = "not-the-" + PASSWORD;
    var exporter = new RedisExporter(RedisConnectionSettings.of(acl.url("soak", wrong, 0)), clock);

    ExportResult r = exporter.export(new Payloads().parse(dir), ExportOptions.of("prod", "bybit"));

    assertThat(r.failure()).isEqualTo(RedisFailure.AUTH_REFUSED);
    assertThat(r.message()).doesNotContain(wrong).doesNotContain("unavailable");
  }

  @Test
  void aTlsServerIsReachedWithTheCaFileOfItsCertificate() {
    RedisServer tls = REDIS.start(Options.plain().withTls());
    var settings = RedisConnectionSettings.of(tls.url()).withCaFile(tls.caFile());

    ExportResult r =
        new RedisExporter(settings, clock)
            .export(new Payloads().parse(dir), ExportOptions.of("prod", "bybit").withStream(true));

    assertThat(r.exported()).as(r.message()).isTrue();
    assertThat(r.message()).startsWith("exported").contains("rediss://");
    try (var store = new RedisStateStore(settings)) {
      store.put("prod:bybit:probe", "tls-ok", null);
      assertThat(store.get("prod:bybit:probe")).contains("tls-ok");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTlsServerWithAnUntrustedCertificateIsATlsFailureNotUnavailable() {
    RedisServer tls = REDIS.start(Options.plain().withTls());

    ExportResult r =
        new RedisExporter(RedisConnectionSettings.of(tls.url()), clock)
            .export(new Payloads().parse(dir), ExportOptions.of("prod", "bybit"));

    assertThat(r.failure()).as(r.message()).isEqualTo(RedisFailure.TLS);
  }

  @Test
  void aServerKilledBeforeExecKeepsThePreviousExportWhole() {
    RedisServer server = REDIS.start(Options.plain().withPersistence());
    var exporter = new RedisExporter(RedisConnectionSettings.of(server.url()), clock);
    ExportOptions options = ExportOptions.of("prod", "bybit").withStream(true);
    assertThat(exporter.export(new Payloads().parse(dir.resolve("v1")), options).exported())
        .isTrue();
    Map<String, String> before;
    try (Jedis j = new Jedis(server.host(), server.port())) {
      before = j.hgetAll("prod:bybit:soak:violations:BTCUSDT");
    }

    clock.advance(Duration.ofHours(1));
    exporter.beforeExec(server::kill);
    Payloads v2 = new Payloads().summary(s -> s.put("windows", 30)).violations(v -> v.removeAll());
    ExportResult r = exporter.export(v2.parse(dir.resolve("v2")), options);
    server.restart();

    assertThat(r.skippedUnreachable()).as(r.message()).isTrue();
    try (Jedis j = new Jedis(server.host(), server.port())) {
      assertThat(j.hgetAll("prod:bybit:soak:violations:BTCUSDT")).isEqualTo(before);
      assertThat(j.hget("prod:bybit:soak:summary", "updated_at")).isEqualTo("2025-10-21T13:00:00Z");
      assertThat(j.xlen("prod:bybit:soak:violations:stream:BTCUSDT")).isEqualTo(3);
    }
  }

  @Test
  void aServerKilledWhileExportsRunNeverLeavesMixedHashes() throws Exception {
    RedisServer server = REDIS.start(Options.plain().withPersistence());
    var exporter = new RedisExporter(RedisConnectionSettings.of(server.url()), clock);
    ExportOptions options = ExportOptions.of("prod", "bybit");
    ExportPayload big = BigPayload.symbols(300);
    assertThat(exporter.export(big, options).exported()).isTrue();

    // Kill from another thread while exports keep running; wherever the kill lands, every hash
    // must come from one and the same export.
    Thread killer = new Thread(server::kill);
    int exports = 0;
    ExportResult r;
    do {
      clock.advance(Duration.ofSeconds(1));
      if (++exports == 3) {
        killer.start();
      }
      r = exporter.export(big, options);
    } while (r.exported());
    killer.join();
    server.restart();

    assertThat(r.skippedUnreachable()).as(r.message()).isTrue();
    try (Jedis j = new Jedis(server.host(), server.port())) {
      String updated = j.hget("prod:bybit:soak:summary", "updated_at");
      for (String symbol : big.symbols()) {
        assertThat(j.hget("prod:bybit:soak:violations:" + symbol, "updated_at"))
            .as(symbol)
            .isEqualTo(updated);
      }
    }
  }

  private static Jedis login(RedisServer server, int db) {
    return new Jedis(
        new HostAndPort(server.host(), server.port()),
        DefaultJedisClientConfig.builder().user("soak").password(PASSWORD).database(db).build());
  }
}
