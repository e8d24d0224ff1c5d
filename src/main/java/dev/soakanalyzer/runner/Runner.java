package dev.soakanalyzer.runner;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertDispatcher;
import dev.soakanalyzer.alert.HttpRetryPolicy;
import dev.soakanalyzer.alert.Notifier;
import dev.soakanalyzer.alert.SlackNotifier;
import dev.soakanalyzer.alert.TelegramNotifier;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.SummaryExport;
import dev.soakanalyzer.http.HttpClientFactory;
import dev.soakanalyzer.io.Sleeper;
import dev.soakanalyzer.state.Lease;
import dev.soakanalyzer.state.StateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/** Composition root of {@code soak-analyzer run}: lock, metrics endpoint, cycle loop, cleanup. */
public final class Runner {

  /**
   * The adapters one runner uses. {@code redis} and {@code exporter} are empty without Redis and in
   * dry-run.
   */
  public record Ports(
      AnalysisStep analysis,
      Optional<StateStore> redis,
      Optional<SummaryExport> exporter,
      Lease lease,
      List<Notifier> notifiers) {
    public Ports {
      notifiers = List.copyOf(notifiers);
    }
  }

  /** Injected time and waiting, so tests control both. */
  public record Timing(Clock clock, LongSupplier nanoTime, StopSignal stop, Sleeper waiter) {}

  private Runner() {}

  /** The notifiers for the configured channels (credentials already validated). */
  public static List<Notifier> notifiers(
      RunnerConfig config, HttpRetryPolicy policy, Sleeper sleeper) {
    return notifiers(config, policy, sleeper, HttpClientFactory.direct());
  }

  /** As above, every channel's client built by {@code http} (proxies, extra CAs). */
  public static List<Notifier> notifiers(
      RunnerConfig config, HttpRetryPolicy policy, Sleeper sleeper, HttpClientFactory http) {
    List<Notifier> out = new ArrayList<>();
    RunnerConfig.Secrets s = config.secrets();
    for (AlertChannel ch : config.channels()) {
      out.add(
          switch (ch) {
            case TELEGRAM ->
                new TelegramNotifier(
                    s.telegramApiUrl(),
                    s.telegramToken(),
                    s.telegramChatId(),
                    policy,
                    sleeper,
                    http);
            case SLACK -> new SlackNotifier(s.slackWebhookUrl(), policy, sleeper, http);
          });
    }
    return out;
  }

  /**
   * Runs until max iterations, CRIT with --exit-on-crit, or a stop signal; returns the exit code.
   */
  public static ExitCode run(RunnerConfig config, Ports ports, Timing timing, Console console) {
    LockFile lock;
    try {
      lock = LockFile.acquire(config.lockFile(), timing.clock());
      lock.takeover().ifPresent(console::warn);
    } catch (LockHeldException e) {
      console.error(e.getMessage());
      return ExitCode.CRIT;
    } catch (IOException e) {
      console.error("cannot create lock file " + config.lockFile() + ": " + e.getMessage());
      return ExitCode.USAGE;
    }
    // Belt and braces: a JVM shutdown we did not route through StopSignal still frees the lock.
    Thread hook = new Thread(lock::release, "soak-runner-lock-release");
    Runtime.getRuntime().addShutdownHook(hook);
    RunnerMetrics metrics = new RunnerMetrics(config.env(), config.exchange(), config.channels());
    String version = Runner.class.getPackage().getImplementationVersion();
    metrics.started(
        timing.clock().instant(),
        Duration.ofMinutes(config.intervalMin()),
        config.debounceMin(),
        version == null ? "dev" : version);
    MetricsEndpoint endpoint = null;
    try {
      if (config.metricsPort().isPresent()) {
        try {
          endpoint =
              MetricsEndpoint.start(metrics, config.metricsBind(), config.metricsPort().get());
          console.info(
              "Metrics at http://" + config.metricsBind() + ":" + endpoint.port() + "/metrics");
        } catch (IOException e) {
          console.error(
              "--metrics-port "
                  + config.metricsPort().get()
                  + " cannot be used: "
                  + e.getMessage());
          return ExitCode.USAGE;
        }
      }
      RunnerState state = new RunnerState(ports.redis(), config, console);
      RunnerCycle cycle =
          new RunnerCycle(
              config,
              timing.clock(),
              timing.nanoTime(),
              console,
              ports.analysis(),
              ports.exporter(),
              state,
              new AlertDispatcher(ports.notifiers()),
              metrics);
      return new ContinuousRunner(
              config, console, cycle, lock, ports.lease(), timing.stop(), timing.waiter())
          .run();
    } finally {
      if (endpoint != null) {
        endpoint.close();
      }
      ports.lease().close();
      lock.release();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook runs and release() is idempotent.
      }
    }
  }
}
