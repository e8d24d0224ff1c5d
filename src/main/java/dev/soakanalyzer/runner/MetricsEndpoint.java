package dev.soakanalyzer.runner;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;

/** Serves {@link RunnerMetrics} in the Prometheus text format at {@code /metrics}. */
public final class MetricsEndpoint implements AutoCloseable {
  private final HTTPServer server;

  private MetricsEndpoint(HTTPServer server) {
    this.server = server;
  }

  /** Port 0 picks a free port (tests); {@link #port()} tells which. Listens on loopback. */
  public static MetricsEndpoint start(RunnerMetrics metrics, int port) throws IOException {
    return start(metrics, "127.0.0.1", port);
  }

  /** Listens on {@code bind} ({@code --metrics-bind}, e.g. 0.0.0.0 for every interface). */
  public static MetricsEndpoint start(RunnerMetrics metrics, String bind, int port)
      throws IOException {
    return new MetricsEndpoint(
        HTTPServer.builder()
            .hostname(bind)
            .port(port)
            .registry(metrics.registry())
            .buildAndStart());
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
