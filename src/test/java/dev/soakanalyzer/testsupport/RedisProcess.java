package dev.soakanalyzer.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.Jedis;

/**
 * One {@code redis-server} process on a loopback port for the Sentinel and Cluster tests ({@link
 * SentinelSet}, {@link RedisClusterSet}): started from a config file in its own temp directory,
 * killed with SIGKILL or stopped. The binaries come from PATH ({@code redis-server}; a sentinel is
 * {@code redis-server --sentinel}; the cluster is created with {@code redis-cli --cluster create}).
 */
public final class RedisProcess implements AutoCloseable {
  private final int port;
  private final Path dir;
  private final List<String> args;
  private final boolean tls;
  private Process process;
  private boolean closed;

  private RedisProcess(int port, Path dir, List<String> args, boolean tls) {
    this.port = port;
    this.dir = dir;
    this.args = args;
    this.tls = tls;
  }

  /**
   * Starts {@code redis-server} with {@code config} (lines of redis.conf; {@code port} and {@code
   * dir} are added), optionally as a sentinel, and waits until it answers PING.
   */
  public static RedisProcess start(int port, List<String> config, boolean sentinel) {
    return start(port, config, sentinel, false);
  }

  /**
   * As {@link #start(int, List, boolean)}; with {@code tls} the server listens for TLS only on
   * {@code port} (certificates from {@link TestCertificates#shared()}, clients not asked for one)
   * and dials its master and the sentinels' masters over TLS ({@code tls-replication yes}).
   */
  public static RedisProcess start(int port, List<String> config, boolean sentinel, boolean tls) {
    try {
      Path dir = Files.createTempDirectory("soak-test-redis-ha-" + port);
      List<String> lines = new ArrayList<>();
      if (tls) {
        TestCertificates certs = TestCertificates.shared();
        lines.add("port 0");
        lines.add("tls-port " + port);
        lines.add("tls-cert-file " + certs.serverCert());
        lines.add("tls-key-file " + certs.serverKey());
        lines.add("tls-ca-cert-file " + certs.caCert());
        lines.add("tls-auth-clients no");
        lines.add("tls-replication yes");
      } else {
        lines.add("port " + port);
      }
      lines.add("bind 127.0.0.1");
      lines.add("dir " + dir);
      lines.add("daemonize no");
      if (!sentinel) {
        lines.add("save \"\"");
        lines.add("appendonly no");
      }
      lines.addAll(config);
      Path conf = dir.resolve(sentinel ? "sentinel.conf" : "redis.conf");
      Files.write(conf, lines);
      List<String> cmd = new ArrayList<>(List.of(binary("redis-server"), conf.toString()));
      if (sentinel) {
        cmd.add("--sentinel");
      }
      RedisProcess p = new RedisProcess(port, dir, cmd, tls);
      p.launch();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void launch() {
    if (closed) {
      return; // a restart racing the test's end starts nothing that would outlive it
    }
    try {
      process =
          new ProcessBuilder(args)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("server.log").toFile())
              .directory(dir.toFile())
              .start();
    } catch (IOException e) {
      fail("cannot run " + args.get(0) + " (Debian: apt-get install -y redis-server): " + e);
    }
    await(
        Duration.ofSeconds(20),
        () -> {
          try (Jedis j = client(port, tls, 500)) {
            return "PONG".equals(j.ping());
          } catch (RuntimeException e) {
            return false;
          }
        },
        "redis-server on port " + port + " to answer PING; its log: " + log());
  }

  public int port() {
    return port;
  }

  public Jedis client() {
    return client(port, tls, 2000);
  }

  public boolean tls() {
    return tls;
  }

  /** A client of a loopback server, over TLS (trusting the test CA) when {@code tls}. */
  public static Jedis client(int port, boolean tls, int timeoutMillis) {
    if (!tls) {
      return new Jedis("127.0.0.1", port, timeoutMillis);
    }
    return new Jedis(
        new redis.clients.jedis.HostAndPort("127.0.0.1", port),
        redis.clients.jedis.DefaultJedisClientConfig.builder()
            .timeoutMillis(timeoutMillis)
            .ssl(true)
            .sslSocketFactory(TestCertificates.shared().socketFactory())
            .build());
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: a crash, no shutdown. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts the killed server again on its port with its config (and node file). */
  public void restart() {
    launch();
  }

  String log() {
    try {
      return Files.readString(dir.resolve("server.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    kill();
  }

  /** A free loopback port; with {@code bus}, port + 10000 is free too (cluster bus). */
  public static int freePort(boolean bus) {
    for (int i = 0; i < 200; i++) {
      try (ServerSocket s = new ServerSocket(0)) {
        int p = s.getLocalPort();
        if (!bus) {
          return p;
        }
        if (p + 10000 <= 65535) {
          try (ServerSocket b = new ServerSocket(p + 10000)) {
            return p;
          } catch (IOException taken) {
            // try another
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port pair found");
  }

  /** Polls {@code condition} every 50 ms (a server's state, never the code under test). */
  public static void await(Duration max, BooleanSupplier condition, String what) {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    fail("waited " + max.toSeconds() + " s for " + what);
  }

  /** The first word of ROLE: master, slave or sentinel. */
  public static String role(Jedis j) {
    Object o = j.role().get(0);
    return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : "" + o;
  }

  static String binary(String name) {
    for (String d :
        (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin").split(":")) {
      if (!d.isBlank() && Files.isExecutable(Path.of(d, name))) {
        return Path.of(d, name).toString();
      }
    }
    fail(
        name
            + " not found on PATH: the Sentinel and Cluster tests run real servers (Debian:"
            + " apt-get install -y redis-server redis-tools; scripts/test installs them)");
    throw new AssertionError("unreachable");
  }
}
