package dev.soakanalyzer.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Podman's Docker-compatible API for Testcontainers, on a machine without a Docker engine.
 *
 * <p>Used when {@code SOAK_TEST_PODMAN_SERVICE=1} (the {@code testcontainers-redis} run of {@code
 * mvn verify} sets it, with {@code DOCKER_HOST=unix://...}): makes sure the local {@code redis:7}
 * image exists ({@code scripts/container-images.sh redis}, which builds it on Debian's base when
 * missing), then starts {@code podman system service} on the {@code DOCKER_HOST} socket for this
 * JVM and stops it when the JVM exits. Fails, saying what to install, when podman cannot run.
 */
public final class PodmanService {
  private static Process service;
  private static boolean ready;

  private PodmanService() {}

  /** True when this JVM is to reach containers through a podman service it starts itself. */
  public static boolean requested() {
    return "1".equals(System.getenv("SOAK_TEST_PODMAN_SERVICE"));
  }

  /** Containers run in the host's network namespace and listen on 127.0.0.1 only. */
  static boolean hostNetwork() {
    return requested();
  }

  /** Starts the service (once per JVM) and returns when its socket answers. */
  public static synchronized void ensureRunning() {
    if (ready) {
      return;
    }
    String dockerHost = System.getenv().getOrDefault("DOCKER_HOST", "");
    if (!dockerHost.startsWith("unix://")) {
      throw new AssertionError(
          "SOAK_TEST_PODMAN_SERVICE=1 needs DOCKER_HOST=unix:///path/to/podman.sock (got '"
              + dockerHost
              + "')");
    }
    Path socket = Path.of(dockerHost.substring("unix://".length()));
    if (socket.toString().length() > 100) {
      throw new AssertionError(
          "the podman socket path "
              + socket
              + " is longer than a Unix socket path may be: clone the project to a shorter path");
    }
    Path root = Path.of(System.getProperty("soak.project.dir", "."));
    String containersConf = run(List.of("bash", "scripts/container-images.sh", "redis"), root);
    try {
      Files.createDirectories(socket.getParent());
      Files.deleteIfExists(socket);
      ProcessBuilder pb =
          new ProcessBuilder(
                  "podman", "system", "service", "--time=300", "unix://" + socket.toAbsolutePath())
              .redirectErrorStream(true)
              .redirectOutput(socket.resolveSibling("podman-service.log").toFile());
      pb.environment().put("CONTAINERS_CONF", containersConf);
      service = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot start 'podman system service' ("
              + e.getMessage()
              + "): on Debian, apt-get install -y podman buildah runc (or run scripts/test)",
          e);
    }
    Process p = service;
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "podman-service-stop"));
    for (int i = 0; i < 300; i++) {
      if (!p.isAlive()) {
        throw new AssertionError(
            "'podman system service' exited with "
                + p.exitValue()
                + "; its log: "
                + socket.resolveSibling("podman-service.log"));
      }
      if (answersPing(socket)) {
        ready = true;
        return;
      }
      try {
        Thread.sleep(100); // waiting for the service to listen, not timing an assertion
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while starting the podman service", e);
      }
    }
    p.destroyForcibly();
    throw new AssertionError("'podman system service' did not answer on " + socket + " in 30 s");
  }

  private static boolean answersPing(Path socket) {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(
          ByteBuffer.wrap(
              "GET /_ping HTTP/1.0\r\nHost: d\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(256);
      ch.read(buf);
      return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII)
          .startsWith("HTTP/1.");
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs a helper script and returns its last output line; fails with its output otherwise. */
  private static String run(List<String> command, Path dir) {
    try {
      Path log = Files.createTempFile("soak-container-images", ".log");
      Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(20, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not finish in 20 minutes");
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      if (p.exitValue() != 0 || lines.isEmpty()) {
        throw new AssertionError(
            command + " failed (exit " + p.exitValue() + "):\n" + String.join("\n", lines));
      }
      return lines.get(lines.size() - 1).trim();
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }
}
