package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Half-open clients holding connections to /metrics do not block the real scrape. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileScrapeTest {
  @Test
  void sixteenStalledHalfRequestsLeaveTheScrapeAnswered() throws Exception {
    RunnerMetrics metrics = new RunnerMetrics("prod", "bybit", List.of());
    List<Socket> stalled = new ArrayList<>();
    try (MetricsEndpoint endpoint = MetricsEndpoint.start(metrics, 0)) {
      for (int i = 0; i < 16; i++) {
        Socket s = new Socket("127.0.0.1", endpoint.port());
        OutputStream out = s.getOutputStream();
        out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        stalled.add(s);
      }
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("soak_");
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }
}
