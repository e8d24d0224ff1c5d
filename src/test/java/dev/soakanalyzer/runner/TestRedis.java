package dev.soakanalyzer.runner;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis for tests: {@code SOAK_TEST_REDIS_URL} when set, else a {@code redis-server} process
 * on a free port. Never a mock, never a skip: without either the test fails saying what to do.
 */
final class TestRedis implements AutoCloseable {
  private final Process process;
  private final String url;
  private final int port;

  private TestRedis(Process process, String url, int port) {
    this.process = process;
    this.url = url;
    this.port = port;
  }

  static TestRedis start() throws Exception {
    String given = System.getenv("SOAK_TEST_REDIS_URL");
    if (given != null && !given.isBlank()) {
      return new TestRedis(null, given, -1);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Files.createTempDirectory("soak-redis");
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "redis-server",
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "These tests need a real Redis: install redis-server (Debian: apt-get install"
              + " redis-server) or set SOAK_TEST_REDIS_URL=redis://host:port/db",
          e);
    }
    for (int i = 0; i < 200; i++) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return new TestRedis(p, "redis://127.0.0.1:" + port + "/0", port);
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          break;
        }
        p.waitFor(25, TimeUnit.MILLISECONDS);
      }
    }
    p.destroyForcibly();
    throw new AssertionError("redis-server did not start on port " + port + " (see " + dir + ")");
  }

  String url() {
    return url;
  }

  /** redis-cli against this server, returning trimmed stdout. */
  String cli(String... args) throws Exception {
    java.util.List<String> cmd =
        new java.util.ArrayList<>(java.util.List.of("redis-cli", "-u", url));
    cmd.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor();
    return out;
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  int port() {
    return port;
  }
}
