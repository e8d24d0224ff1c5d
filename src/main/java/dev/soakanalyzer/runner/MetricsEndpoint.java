package dev.soakanalyzer.runner;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;

/** Serves {@link RunnerMetrics} in the Prometheus text format at {@code /metrics}. */
public final class MetricsEndpoint implements AutoCloseable {
  private final HTTPServer server;

  private MetricsEndpoint(HTTPServer server) {
    this.server = server;
  }

  /** Port 0 picks a free port (tests); {@link #port()} tells which. */
  public static MetricsEndpoint start(RunnerMetrics metrics, int port) throws IOException {
    return new MetricsEndpoint(
        HTTPServer.builder().port(port).registry(metrics.registry()).buildAndStart());
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
