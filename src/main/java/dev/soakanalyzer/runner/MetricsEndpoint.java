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
    // The JDK server reads a request's headers on an executor thread: with the library's pool of
    // 10, sixteen clients that send half a request and stall blocked every scrape. Threads are
    // cheap next to a blind monitoring system; the JDK's own limit closes requests that are not
    // read within 10 s (honoured when this is the process' first HTTP server, as in the runner).
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "10");
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "soak-metrics-http");
              t.setDaemon(true);
              return t;
            });
    return new MetricsEndpoint(
        HTTPServer.builder()
            .hostname(bind)
            .port(port)
            .registry(metrics.registry())
            .executorService(pool)
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
