package dev.soakanalyzer.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that gives a test class a real Redis (see {@link RedisServer} for where it
 * comes from: {@code SOAK_TEST_REDIS_URL}, Testcontainers {@code redis:7}, or a {@code
 * redis-server} process). It never skips: without Redis the tests fail saying how to provide it.
 *
 * <pre>{@code
 * class MyRedisTest {
 *   @RegisterExtension static final RealRedis REDIS = new RealRedis();
 *
 *   @Test void writesAKey() {
 *     String url = REDIS.url();              // redis://127.0.0.1:PORT/0
 *     String env = REDIS.uniqueEnv();        // "t3x..." : prefix keys with it, no flush needed
 *     RedisServer tls = REDIS.start(RedisServer.Options.plain().withTls()); // stopped after all
 *   }
 * }
 * }</pre>
 *
 * Register it as a {@code static} field: the shared server starts before the first test (or on
 * first use) and every server started through it stops after the last test of the class.
 */
public final class RealRedis implements BeforeAllCallback, AfterAllCallback {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private final RedisServer.Options options;
  private final List<RedisServer> started = new ArrayList<>();
  private RedisServer shared;

  /** A plain server (no ACL, no TLS, no persistence). */
  public RealRedis() {
    this(RedisServer.Options.plain());
  }

  public RealRedis(RedisServer.Options options) {
    this.options = options;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server();
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    for (RedisServer s : started) {
      s.close();
    }
    started.clear();
    shared = null;
  }

  /** The class's shared server, started on first use. */
  public synchronized RedisServer server() {
    if (shared == null) {
      shared = RedisServer.start(options);
      started.add(shared);
    }
    return shared;
  }

  /** URL of the shared server, without credentials, db 0. */
  public String url() {
    return server().url();
  }

  /** Another server (ACL, TLS, persistence...), stopped after the class's last test. */
  public synchronized RedisServer start(RedisServer.Options serverOptions) {
    RedisServer s = RedisServer.start(serverOptions);
    started.add(s);
    return s;
  }

  /**
   * A key prefix environment no other test uses, so tests sharing a server (even an external one)
   * never see each other's keys.
   */
  public String uniqueEnv() {
    return "t" + COUNTER.incrementAndGet() + Long.toString(System.nanoTime() & 0xffffff, 36);
  }
}
