package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertDispatcher;
import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExportOutcome;
import dev.soakanalyzer.app.ReportOptions;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.fake.FakeSoakGenerator;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisStateStore;
import dev.soakanalyzer.state.StateStore;
import dev.soakanalyzer.testsupport.MutableClock;
import dev.soakanalyzer.testsupport.RedisServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a Prometheus scraping {@code /metrics} sees before and between events. */
class RunnerMetricsTest {
  private static final String LABELS = "env=\"prod\",exchange=\"bybit\"";

  @TempDir Path work;

  private static Map<String, Double> scrape(RunnerMetrics metrics) throws Exception {
    try (MetricsEndpoint endpoint = MetricsEndpoint.start(metrics, 0)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      return RunnerOpsTest.parse(r.body());
    }
  }

  @Test
  void aFreshRunnerExposesEveryCounterAtZeroSoIncreaseCountsTheFirstEvent() throws Exception {
    Map<String, Double> samples =
        scrape(
            new RunnerMetrics("prod", "bybit", List.of(AlertChannel.TELEGRAM, AlertChannel.SLACK)));
    for (String outcome : List.of("ok", "warn", "crit", "unchanged", "fail")) {
      assertThat(samples)
          .containsEntry(
              "soak_runner_cycles_total{" + LABELS + ",outcome=\"" + outcome + "\"}", 0.0);
    }
    assertThat(samples)
        .containsEntry("soak_alerts_debounced_total{" + LABELS + "}", 0.0)
        .containsEntry("soak_alerts_sent_total{channel=\"telegram\"," + LABELS + "}", 0.0)
        .containsEntry("soak_alerts_sent_total{channel=\"slack\"," + LABELS + "}", 0.0)
        .containsEntry("soak_alerts_failed_total{channel=\"telegram\"," + LABELS + "}", 0.0)
        .containsEntry(
            "soak_redis_export_failures_total{" + LABELS + ",reason=\"redis_unavailable\"}", 0.0)
        .containsEntry("soak_alert_debounce_remaining_minutes{" + LABELS + "}", 0.0)
        .containsEntry("soak_redis_export_consecutive_failures{" + LABELS + "}", 0.0);
  }

  @Test
  void anUnchangedSummaryStillInRedisCountsAsACurrentExport() throws Exception {
    FakeSoakGenerator.write(work, Level.CRIT, 1);
    MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));
    Console console =
        new Console(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    AnalysisJob job = new AnalysisJob(clock, console);
    AnalysisRequest request =
        new AnalysisRequest(
            work,
            FakeSoakGenerator.GLOB,
            AnalysisSettings.defaults(),
            new ReportOptions(Path.of("out"), true, false, null));
    AnalysisStep step = AnalysisStep.of(job, request);
    try (RedisServer redis = RedisServer.start(RedisServer.Options.plain());
        StateStore store = new RedisStateStore(RedisConnectionSettings.of(redis.url()))) {
      RunnerConfig config = config(redis.url());
      RunnerMetrics metrics = new RunnerMetrics("prod", "bybit", List.of());
      RunnerCycle cycle =
          new RunnerCycle(
              config,
              clock,
              System::nanoTime,
              console,
              step,
              Optional.of((summary, violations) -> ExportOutcome.exported("exported")),
              new RunnerState(Optional.of(store), config, console),
              new AlertDispatcher(List.of()),
              metrics);
      assertThat(cycle.run(true).label()).isEqualTo("CRIT");
      clock.advance(Duration.ofMinutes(60));
      assertThat(cycle.run(true).label()).isEqualTo("UNCHANGED");
      assertThat(scrape(metrics))
          .containsEntry(
              "soak_redis_export_last_success_timestamp_seconds{" + LABELS + "}",
              (double) Instant.parse("2025-10-26T13:00:00Z").getEpochSecond());
    }
  }

  private RunnerConfig config(String redisUrl) {
    return RunnerConfig.local("prod", "bybit", work)
        .redis(RedisConnectionSettings.of(redisUrl))
        .intervalMin(60)
        .build();
  }
}
