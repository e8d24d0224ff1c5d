package dev.soakanalyzer.runner;

import dev.soakanalyzer.core.model.Level;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;

/**
 * The runner's Prometheus metrics, one registry per runner. The names here are the contract of
 * {@code ops/grafana/soak_runner_dashboard.json} and {@code ops/prometheus/soak_runner_rules.yml};
 * {@code RunnerMetricsTest} keeps them in sync.
 */
public final class RunnerMetrics {
  public static final String DEBOUNCE_REMAINING = "soak_alert_debounce_remaining_minutes";
  public static final String HEARTBEAT_TS = "soak_runner_heartbeat_timestamp_seconds";
  public static final String LAST_VERDICT = "soak_runner_last_verdict";
  public static final String CYCLES = "soak_runner_cycles_total";
  public static final String CYCLE_DURATION = "soak_runner_cycle_duration_seconds";
  public static final String EXPORT_FAILURES = "soak_redis_export_failures_total";
  public static final String EXPORT_CONSECUTIVE = "soak_redis_export_consecutive_failures";
  public static final String EXPORT_LAST_SUCCESS =
      "soak_redis_export_last_success_timestamp_seconds";
  public static final String ALERTS_SENT = "soak_alerts_sent_total";
  public static final String ALERTS_DEBOUNCED = "soak_alerts_debounced_total";
  public static final String ALERTS_FAILED = "soak_alerts_failed_total";
  public static final String ALERT_MIN_SEVERITY = "soak_alert_min_severity";
  public static final String LAST_CYCLE_TS = "soak_runner_last_cycle_timestamp_seconds";
  public static final String INTERVAL = "soak_runner_interval_seconds";
  public static final String START_TS = "soak_runner_start_time_seconds";
  public static final String BUILD_INFO = "soak_runner_build_info";
  public static final String DEBOUNCE_WINDOW = "soak_alert_debounce_window_minutes";

  /** Every metric name above; the dashboard and the rules use only these. */
  public static final java.util.List<String> NAMES =
      java.util.List.of(
          DEBOUNCE_REMAINING,
          HEARTBEAT_TS,
          LAST_VERDICT,
          CYCLES,
          CYCLE_DURATION,
          EXPORT_FAILURES,
          EXPORT_CONSECUTIVE,
          EXPORT_LAST_SUCCESS,
          ALERTS_SENT,
          ALERTS_DEBOUNCED,
          ALERTS_FAILED,
          ALERT_MIN_SEVERITY,
          LAST_CYCLE_TS,
          INTERVAL,
          START_TS,
          BUILD_INFO,
          DEBOUNCE_WINDOW);

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final String env;
  private final String exchange;
  private final Gauge debounceRemaining;
  private final Gauge heartbeat;
  private final Gauge lastVerdict;
  private final Counter cycles;
  private final Histogram cycleDuration;
  private final Counter exportFailures;
  private final Gauge exportConsecutive;
  private final Gauge exportLastSuccess;
  private final Counter alertsSent;
  private final Counter alertsDebounced;
  private final Counter alertsFailed;
  private final Gauge minSeverity;
  private final Gauge lastCycle;
  private final Gauge interval;
  private final Gauge startTime;
  private final Info buildInfo;
  private final Gauge debounceWindow;

  /** Cycle outcomes, as in {@code CONTINUOUS_METRICS verdict=...} (lower case). */
  static final java.util.List<String> OUTCOMES =
      java.util.List.of("ok", "warn", "crit", "unchanged", "fail");

  /** The export failure reason that the Redis-down rule and panel watch. */
  static final String REDIS_UNAVAILABLE = "redis_unavailable";

  public RunnerMetrics(String env, String exchange) {
    this(env, exchange, java.util.List.of());
  }

  /**
   * @param channels the configured alert channels, whose counters start at 0
   */
  public RunnerMetrics(
      String env, String exchange, java.util.List<dev.soakanalyzer.alert.AlertChannel> channels) {
    this.env = env;
    this.exchange = exchange;
    debounceRemaining =
        Gauge.builder()
            .name(DEBOUNCE_REMAINING)
            .help("Minutes until the next alert of the same level and violations is allowed")
            .labelNames("env", "exchange")
            .register(registry);
    heartbeat =
        Gauge.builder()
            .name(HEARTBEAT_TS)
            .help("Unix time of the last runner heartbeat")
            .labelNames("env", "exchange")
            .register(registry);
    lastVerdict =
        Gauge.builder()
            .name(LAST_VERDICT)
            .help("Verdict of the last analysed cycle: 0=OK 1=WARN 2=CRIT -1=FAIL")
            .labelNames("env", "exchange")
            .register(registry);
    cycles =
        Counter.builder()
            .name(CYCLES)
            .help("Runner cycles by outcome (ok, warn, crit, unchanged, fail)")
            .labelNames("env", "exchange", "outcome")
            .register(registry);
    cycleDuration =
        Histogram.builder()
            .name(CYCLE_DURATION)
            .help("Wall time of one runner cycle")
            .labelNames("env", "exchange")
            .classicOnly()
            .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
            .register(registry);
    exportFailures =
        Counter.builder()
            .name(EXPORT_FAILURES)
            .help("Redis exports skipped or failed, by reason")
            .labelNames("env", "exchange", "reason")
            .register(registry);
    exportConsecutive =
        Gauge.builder()
            .name(EXPORT_CONSECUTIVE)
            .help("Consecutive cycles whose export was skipped because Redis was unreachable")
            .labelNames("env", "exchange")
            .register(registry);
    exportLastSuccess =
        Gauge.builder()
            .name(EXPORT_LAST_SUCCESS)
            .help("Unix time of the last successful Redis export (or check that it is current)")
            .labelNames("env", "exchange")
            .register(registry);
    alertsSent =
        Counter.builder()
            .name(ALERTS_SENT)
            .help("Alerts delivered, by channel")
            .labelNames("env", "exchange", "channel")
            .register(registry);
    alertsDebounced =
        Counter.builder()
            .name(ALERTS_DEBOUNCED)
            .help("Alerts held back by the debounce window")
            .labelNames("env", "exchange")
            .register(registry);
    alertsFailed =
        Counter.builder()
            .name(ALERTS_FAILED)
            .help("Alert deliveries that failed after retries, by channel")
            .labelNames("env", "exchange", "channel")
            .register(registry);
    minSeverity =
        Gauge.builder()
            .name(ALERT_MIN_SEVERITY)
            .help("Effective alert minimum severity: 0=OK 1=WARN 2=CRIT")
            .labelNames("env", "exchange")
            .register(registry);
    lastCycle =
        Gauge.builder()
            .name(LAST_CYCLE_TS)
            .help("Unix time the last cycle ended (the runner's start until one has)")
            .labelNames("env", "exchange")
            .register(registry);
    interval =
        Gauge.builder()
            .name(INTERVAL)
            .help("Configured pause between cycles (--interval-min), in seconds")
            .labelNames("env", "exchange")
            .register(registry);
    startTime =
        Gauge.builder()
            .name(START_TS)
            .help("Unix time this runner process started")
            .labelNames("env", "exchange")
            .register(registry);
    buildInfo =
        Info.builder()
            .name("soak_runner_build")
            .help("Always 1; the version label says which build runs")
            .labelNames("env", "exchange", "version")
            .register(registry);
    debounceWindow =
        Gauge.builder()
            .name(DEBOUNCE_WINDOW)
            .help("Configured debounce window (--alert-debounce-min), in minutes")
            .labelNames("env", "exchange")
            .register(registry);
    debounceRemaining.labelValues(env, exchange).set(0);
    exportConsecutive.labelValues(env, exchange).set(0);
    // Counters exist at 0 from the first scrape: every panel has data, and increase() counts the
    // first event (a series born at 1 hides it).
    for (String outcome : OUTCOMES) {
      cycles.initLabelValues(env, exchange, outcome);
    }
    exportFailures.initLabelValues(env, exchange, REDIS_UNAVAILABLE);
    alertsDebounced.initLabelValues(env, exchange);
    for (var channel : channels) {
      alertsSent.initLabelValues(env, exchange, channel.label());
      alertsFailed.initLabelValues(env, exchange, channel.label());
    }
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /**
   * What is known at start: the process start (also the first "last cycle", so a first cycle that
   * hangs is seen), the interval, the debounce window and the build.
   */
  void started(Instant at, Duration every, long debounceMin, String version) {
    startTime.labelValues(env, exchange).set(at.getEpochSecond());
    lastCycle.labelValues(env, exchange).set(at.getEpochSecond());
    heartbeat.labelValues(env, exchange).set(at.getEpochSecond());
    interval.labelValues(env, exchange).set(every.getSeconds());
    debounceWindow.labelValues(env, exchange).set(debounceMin);
    buildInfo.setLabelValues(env, exchange, version);
  }

  void cycleCompleted(Instant at) {
    lastCycle.labelValues(env, exchange).set(at.getEpochSecond());
  }

  void debounceRemaining(long minutes) {
    debounceRemaining.labelValues(env, exchange).set(minutes);
  }

  void heartbeat(Instant at) {
    heartbeat.labelValues(env, exchange).set(at.getEpochSecond());
  }

  void verdict(Level level) {
    lastVerdict.labelValues(env, exchange).set(level.ordinal());
  }

  void verdictFailed() {
    lastVerdict.labelValues(env, exchange).set(-1);
  }

  void cycle(String outcome, Duration duration) {
    cycles.labelValues(env, exchange, outcome).inc();
    cycleDuration.labelValues(env, exchange).observe(duration.toNanos() / 1e9);
  }

  void exportFailed(String reason, int consecutiveUnreachable) {
    exportFailures.labelValues(env, exchange, reason).inc();
    exportConsecutive.labelValues(env, exchange).set(consecutiveUnreachable);
  }

  /**
   * An unchanged summary whose hash Redis still holds: Redis is reachable and holds the current
   * export, so the export is as fresh as a successful one.
   */
  void exportConfirmed(Instant at) {
    exportSucceeded(at);
  }

  void exportSucceeded(Instant at) {
    exportConsecutive.labelValues(env, exchange).set(0);
    exportLastSuccess.labelValues(env, exchange).set(at.getEpochSecond());
  }

  void alertSent(dev.soakanalyzer.alert.AlertChannel channel) {
    alertsSent.labelValues(env, exchange, channel.label()).inc();
  }

  void alertFailed(dev.soakanalyzer.alert.AlertChannel channel) {
    alertsFailed.labelValues(env, exchange, channel.label()).inc();
  }

  void alertDebounced() {
    alertsDebounced.labelValues(env, exchange).inc();
  }

  void minSeverity(Level level) {
    minSeverity.labelValues(env, exchange).set(level.ordinal());
  }
}
