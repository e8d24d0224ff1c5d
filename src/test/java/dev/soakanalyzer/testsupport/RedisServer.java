package dev.soakanalyzer.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * A real Redis server for a test: started, optionally killed and restarted, and stopped.
 *
 * <h2>Where the server comes from</h2>
 *
 * <ol>
 *   <li>{@code SOAK_TEST_REDIS_URL} (e.g. {@code redis://127.0.0.1:6379/0}): used as is for plain
 *       servers ({@link Options#plain()}); tests isolate their keys with {@link
 *       RealRedis#uniqueEnv()} and never flush it. Servers with ACL users, TLS or persistence are
 *       still started locally (below).
 *   <li>Testcontainers {@code redis:7} when a Docker engine is available.
 *   <li>Otherwise a {@code redis-server} process (from PATH, or {@code SOAK_TEST_REDIS_SERVER}) on
 *       a free port, {@code --save "" --appendonly no}, in a temp dir, stopped after the test.
 * </ol>
 *
 * {@code SOAK_TEST_REDIS_BACKEND=process|docker} forces a backend. When nothing works the test
 * FAILS with a message saying how to provide Redis; it never skips.
 *
 * <h2>Use</h2>
 *
 * Most tests want {@link RealRedis} (a JUnit 5 extension). Directly:
 *
 * <pre>{@code
 * try (RedisServer server = RedisServer.start(Options.plain().withAclUser("soak", "s3cret"))) {
 *   String url = server.url("soak", "s3cret", 3);   // redis://soak:s3cret@127.0.0.1:PORT/3
 *   ...
 *   server.kill();      // SIGKILL, as a crash
 *   server.restart();   // same port and data dir (data survives only withPersistence())
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

  /**
   * How to configure a server.
   *
   * @param aclUsers user -> password; when any is given the {@code default} user is disabled,
   *     unless it is one of them (password-only auth, as {@code requirepass})
   * @param tls TLS only (no plain port), certificates from {@link TestCertificates#shared()}
   * @param persistence AOF with {@code appendfsync always}, so a kill/restart keeps committed data
   */
  public record Options(Map<String, String> aclUsers, boolean tls, boolean persistence) {
    public Options {
      aclUsers = Map.copyOf(aclUsers);
    }

    public static Options plain() {
      return new Options(Map.of(), false, false);
    }

    public Options withAclUser(String user, String password) {
      var users = new java.util.HashMap<>(aclUsers);
      users.put(user, password);
      return new Options(users, tls, persistence);
    }

    public Options withTls() {
      return new Options(aclUsers, true, persistence);
    }

    public Options withPersistence() {
      return new Options(aclUsers, tls, true);
    }

    boolean isPlain() {
      return aclUsers.isEmpty() && !tls && !persistence;
    }
  }

  private final Options options;
  private final Backend backend;

  private RedisServer(Options options, Backend backend) {
    this.options = options;
    this.backend = backend;
  }

  /** Starts a server as described in the class comment; fails the test when none can be had. */
  public static RedisServer start(Options options) {
    String external = System.getenv("SOAK_TEST_REDIS_URL");
    if (options.isPlain() && external != null && !external.isBlank()) {
      return new RedisServer(options, new ExternalBackend(external.trim()));
    }
    String forced =
        System.getenv().getOrDefault("SOAK_TEST_REDIS_BACKEND", "").toLowerCase(Locale.ROOT);
    List<String> tried = new ArrayList<>();
    if (PodmanService.requested()) {
      PodmanService.ensureRunning();
    }
    if (!forced.equals("process") && dockerAvailable()) {
      return new RedisServer(options, new ContainerBackend(options));
    }
    tried.add("Docker engine: not available");
    if (forced.equals("docker")) {
      fail(
          "SOAK_TEST_REDIS_BACKEND=docker, but Testcontainers finds no Docker engine: start one, or"
              + " set SOAK_TEST_PODMAN_SERVICE=1 and DOCKER_HOST=unix:///path/podman.sock to use"
              + " podman (the testcontainers-redis run of mvn verify does)");
    }
    Path binary = redisServerBinary();
    if (!forced.equals("docker") && binary != null) {
      return new RedisServer(options, new ProcessBackend(binary, options));
    }
    tried.add("redis-server: not found on PATH");
    fail(
        "No Redis server for the tests ("
            + String.join("; ", tried)
            + "). Provide one of: (1) redis-server on PATH (Debian/Ubuntu: apt-get install -y"
            + " redis-server; or SOAK_TEST_REDIS_SERVER=/path/to/redis-server), (2) a Docker engine"
            + " (Testcontainers runs redis:7), (3) SOAK_TEST_REDIS_URL=redis://host:port/0 for a"
            + " server the tests may write keys to (plain servers only).");
    throw new AssertionError("unreachable");
  }

  /** {@code redis://host:port/0} or {@code rediss://...} without credentials. */
  public String url() {
    return backend.url(null, null, 0);
  }

  /** URL with ACL credentials and a db number. */
  public String url(String user, String password, int db) {
    return backend.url(user, password, db);
  }

  public String host() {
    return backend.host();
  }

  public int port() {
    return backend.port();
  }

  public Options options() {
    return options;
  }

  /** The CA that signed a TLS server's certificate (for {@code --redis-ca-file}). */
  public Path caFile() {
    if (!options.tls()) {
      throw new IllegalStateException("not a TLS server");
    }
    return TestCertificates.shared().caCert();
  }

  /** Kills the server with SIGKILL (a crash: no shutdown, no final save). */
  public void kill() {
    backend.kill();
  }

  /** Starts the killed server again on the same port with the same data directory. */
  public void restart() {
    backend.restart();
  }

  /**
   * Runs one command against the server (db 0) and returns the reply the way redis-cli prints it:
   * bulk strings as text, integers as digits, arrays one element per line, nil as empty. Uses a
   * client connection, so it works for process, container and external servers alike.
   */
  public String cli(String command, String... args) {
    try (redis.clients.jedis.Jedis jedis =
        new redis.clients.jedis.Jedis(java.net.URI.create(url()))) {
      Object reply =
          jedis.sendCommand(
              () -> redis.clients.jedis.util.SafeEncoder.encode(command.toUpperCase(Locale.ROOT)),
              args);
      return render(reply);
    }
  }

  private static String render(Object reply) {
    if (reply == null) {
      return "";
    }
    if (reply instanceof byte[] bytes) {
      return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    if (reply instanceof List<?> list) {
      List<String> lines = new ArrayList<>();
      for (Object o : list) {
        lines.add(render(o));
      }
      return String.join("\n", lines);
    }
    return String.valueOf(reply);
  }

  /** A local port nothing listens on (for "Redis unreachable" cases). */
  public static int closedPort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What this server is, for messages. */
  @Override
  public String toString() {
    return backend.describe();
  }

  @Override
  public void close() {
    backend.close();
  }

  // ---------------------------------------------------------------------------------------------

  private static Boolean dockerAvailable;

  private static synchronized boolean dockerAvailable() {
    if (dockerAvailable == null) {
      try {
        dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
      } catch (Throwable e) {
        dockerAvailable = false;
      }
    }
    return dockerAvailable;
  }

  private static Path redisServerBinary() {
    String explicit = System.getenv("SOAK_TEST_REDIS_SERVER");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    List<String> dirs =
        new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/usr/sbin", "/opt/homebrew/bin"));
    for (String d : dirs) {
      if (d.isBlank()) {
        continue;
      }
      Path p = Path.of(d, "redis-server");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** The redis-server arguments for {@code options} listening on {@code port}. */
  static List<String> serverArgs(Options options, int port, Path dir, Path certDir) {
    List<String> a = new ArrayList<>();
    if (options.tls()) {
      a.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port)));
      a.addAll(List.of("--tls-cert-file", certDir.resolve("server.crt").toString()));
      a.addAll(List.of("--tls-key-file", certDir.resolve("server.key").toString()));
      a.addAll(List.of("--tls-ca-cert-file", certDir.resolve("ca.crt").toString()));
      a.addAll(List.of("--tls-auth-clients", "no"));
    } else {
      a.addAll(List.of("--port", Integer.toString(port)));
    }
    a.addAll(List.of("--dir", dir.toString(), "--save", "", "--daemonize", "no"));
    // DEBUG SLEEP simulates a slow server in the fault tests (test servers only).
    a.addAll(List.of("--enable-debug-command", "yes"));
    if (options.persistence()) {
      a.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      a.addAll(List.of("--appendonly", "no"));
    }
    if (!options.aclUsers().isEmpty()) {
      // Users are declared once; an ACL user named "default" is the requirepass set-up.
      if (!options.aclUsers().containsKey("default")) {
        a.addAll(List.of("--user", "default", "off"));
      }
      options
          .aclUsers()
          .forEach((u, p) -> a.addAll(List.of("--user", u, "on", ">" + p, "~*", "&*", "+@all")));
    }
    return a;
  }

  private interface Backend extends AutoCloseable {
    String host();

    int port();

    boolean tls();

    default String url(String user, String password, int db) {
      String auth = "";
      if (user != null || password != null) {
        auth = (user == null ? "" : user) + (password == null ? "" : ":" + password) + "@";
      }
      return (tls() ? "rediss://" : "redis://") + auth + host() + ":" + port() + "/" + db;
    }

    void kill();

    void restart();

    String describe();

    @Override
    void close();
  }

  /** A redis-server child process on 127.0.0.1. */
  private static final class ProcessBackend implements Backend {
    private final Path binary;
    private final Options options;
    private final Path dir;
    private int port;
    private Process process;
    private final StringBuffer log = new StringBuffer();

    ProcessBackend(Path binary, Options options) {
      this.binary = binary;
      this.options = options;
      try {
        this.dir = Files.createTempDirectory("soak-test-redis");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      IllegalStateException last = null;
      for (int attempt = 0; attempt < 5; attempt++) {
        port = freePort();
        try {
          launch();
          return;
        } catch (IllegalStateException e) {
          last = e; // most likely the free port was taken meanwhile: try another
        }
      }
      throw last;
    }

    private void launch() {
      Path certDir = options.tls() ? TestCertificates.shared().dir() : dir;
      List<String> cmd = new ArrayList<>();
      cmd.add(binary.toString());
      cmd.addAll(serverArgs(options, port, dir, certDir));
      cmd.addAll(List.of("--bind", "127.0.0.1", "--logfile", ""));
      log.setLength(0);
      CountDownLatch ready = new CountDownLatch(1);
      try {
        process = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile()).start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
      }
      Process p = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    log.append(line).append('\n');
                    if (line.contains("Ready to accept connections")) {
                      ready.countDown();
                    }
                  }
                } catch (IOException e) {
                  // process gone; the exit is noticed below
                } finally {
                  ready.countDown();
                }
              },
              "redis-server-log-" + port);
      reader.setDaemon(true);
      reader.start();
      try {
        boolean signalled = ready.await(30, TimeUnit.SECONDS);
        if (!signalled || !p.isAlive()) {
          p.destroyForcibly();
          throw new IllegalStateException(
              "redis-server did not start on port " + port + ":\n" + log);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IllegalStateException("interrupted while starting redis-server", e);
      }
    }

    @Override
    public String host() {
      return "127.0.0.1";
    }

    @Override
    public int port() {
      return port;
    }

    @Override
    public boolean tls() {
      return options.tls();
    }

    @Override
    public void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void restart() {
      if (process.isAlive()) {
        throw new IllegalStateException("kill() the server before restart()");
      }
      launch();
    }

    @Override
    public String describe() {
      return "redis-server process on " + host() + ":" + port;
    }

    @Override
    public void close() {
      if (process != null) {
        kill();
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a leftover temp dir is harmless
      }
    }

    static int freePort() {
      try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Testcontainers redis:7 with the same arguments, certificates copied into the container. With
   * podman ({@link PodmanService}) the container shares the host's network and listens on 127.0.0.1
   * only, on a free port; with a Docker engine the port is mapped.
   */
  private static final class ContainerBackend implements Backend {
    private static final int INNER_PORT = 6379;
    private final Options options;
    private final GenericContainer<?> container;
    private final boolean hostNetwork = PodmanService.hostNetwork();
    private int mappedPort;

    @SuppressWarnings("resource")
    ContainerBackend(Options options) {
      this.options = options;
      int listenPort = hostNetwork ? ProcessBackend.freePort() : INNER_PORT;
      List<String> cmd = new ArrayList<>();
      cmd.add("redis-server");
      cmd.addAll(serverArgs(options, listenPort, Path.of("/data"), Path.of("/tls")));
      if (hostNetwork) {
        cmd.addAll(List.of("--bind", "127.0.0.1"));
      } else {
        cmd.addAll(List.of("--bind", "0.0.0.0", "--protected-mode", "no"));
      }
      GenericContainer<?> c =
          new GenericContainer<>("redis:7")
              .withCommand(cmd.toArray(String[]::new))
              .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
      c = hostNetwork ? c.withNetworkMode("host") : c.withExposedPorts(INNER_PORT);
      if (options.tls()) {
        TestCertificates certs = TestCertificates.shared();
        for (String f : List.of("ca.crt", "server.crt", "server.key")) {
          c =
              c.withCopyFileToContainer(
                  MountableFile.forHostPath(certs.dir().resolve(f), 0644), "/tls/" + f);
        }
      }
      this.container = c;
      container.start();
      mappedPort = hostNetwork ? listenPort : container.getMappedPort(INNER_PORT);
    }

    @Override
    public String host() {
      return hostNetwork ? "127.0.0.1" : container.getHost();
    }

    @Override
    public int port() {
      return mappedPort;
    }

    @Override
    public boolean tls() {
      return options.tls();
    }

    @Override
    public void kill() {
      client().killContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void restart() {
      DockerClient docker = client();
      docker.startContainerCmd(container.getContainerId()).exec();
      if (hostNetwork) {
        // Same port: the container shares the host's network.
        awaitReady(host(), mappedPort, options.tls());
        return;
      }
      Ports.Binding[] bindings =
          docker
              .inspectContainerCmd(container.getContainerId())
              .exec()
              .getNetworkSettings()
              .getPorts()
              .getBindings()
              .get(ExposedPort.tcp(INNER_PORT));
      mappedPort = Integer.parseInt(bindings[0].getHostPortSpec());
      awaitReady(host(), mappedPort, options.tls());
    }

    @Override
    public String describe() {
      return "redis:7 container on " + host() + ":" + mappedPort;
    }

    @Override
    public void close() {
      container.stop();
    }

    private static DockerClient client() {
      return DockerClientFactory.instance().client();
    }

    /**
     * Waits until a restarted server serves commands: a plain server answers PING (not {@code
     * LOADING}, which a server replaying its AOF answers at first); a TLS one accepts connections.
     */
    private static void awaitReady(String host, int port, boolean tls) {
      awaitTcp(host, port);
      if (tls) {
        return;
      }
      String last = "";
      for (int i = 0; i < 300; i++) {
        try (redis.clients.jedis.Jedis jedis = new redis.clients.jedis.Jedis(host, port, 2000)) {
          if ("PONG".equals(jedis.ping())) {
            return;
          }
        } catch (redis.clients.jedis.exceptions.JedisException e) {
          last = e.getMessage(); // LOADING, or not listening yet
        }
        try {
          Thread.sleep(100); // waiting for a server to come up, not timing an assertion
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      throw new IllegalStateException(
          "restarted container on " + host + ":" + port + " not ready in 30 s: " + last);
    }

    private static void awaitTcp(String host, int port) {
      for (int i = 0; i < 300; i++) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(host, port), 200);
          return;
        } catch (IOException e) {
          try {
            Thread.sleep(100); // waiting for a server to come up, not timing an assertion
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
      throw new IllegalStateException("restarted container not reachable on " + host + ":" + port);
    }
  }

  /** A server someone else runs ({@code SOAK_TEST_REDIS_URL}): never killed or flushed. */
  private static final class ExternalBackend implements Backend {
    private final String url;
    private final java.net.URI uri;

    ExternalBackend(String url) {
      this.url = url;
      this.uri = java.net.URI.create(url);
    }

    @Override
    public String host() {
      return uri.getHost();
    }

    @Override
    public int port() {
      return uri.getPort() < 0 ? 6379 : uri.getPort();
    }

    @Override
    public boolean tls() {
      return "rediss".equalsIgnoreCase(uri.getScheme());
    }

    @Override
    public String url(String user, String password, int db) {
      if (user == null && password == null && db == 0) {
        return url;
      }
      return Backend.super.url(user, password, db);
    }

    @Override
    public void kill() {
      throw new UnsupportedOperationException(
          "SOAK_TEST_REDIS_URL servers are not killed; start one with persistence/ACL/TLS options");
    }

    @Override
    public void restart() {
      kill();
    }

    @Override
    public String describe() {
      return "external Redis from SOAK_TEST_REDIS_URL";
    }

    @Override
    public void close() {
      // not ours
    }
  }
}
