package dev.soakanalyzer.cli;

import dev.soakanalyzer.alert.HttpRetryPolicy;
import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.RedisExportJob;
import dev.soakanalyzer.app.SummaryExport;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.http.HttpClientFactory;
import dev.soakanalyzer.io.Sleeper;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisExporter;
import dev.soakanalyzer.redis.RedisLease;
import dev.soakanalyzer.redis.RedisStateStore;
import dev.soakanalyzer.runner.AnalysisStep;
import dev.soakanalyzer.runner.DotEnv;
import dev.soakanalyzer.runner.EnvLayers;
import dev.soakanalyzer.runner.Runner;
import dev.soakanalyzer.runner.RunnerConfig;
import dev.soakanalyzer.runner.StopSignal;
import dev.soakanalyzer.state.ExportStatusFile;
import dev.soakanalyzer.state.Lease;
import dev.soakanalyzer.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code soak-analyzer run}: the guide's {@code continuous_runner}. */
public final class RunCommand implements Callable<Integer> {
  /** The one line of the top-level command list. */
  static final String HEADER = "Continuous runner: analyse, export, alert, heartbeat, metrics.";

  private static final String DESCRIPTION =
      """
      Continuous mode: analyse -> export to Redis -> alert (policy, debounce) ->
      heartbeat, every --interval-min minutes.
      Precedence: CLI > environment > .env > defaults.
      Environment: REDIS_URL, ENV, EXCHANGE, ALERT_POLICY, ALERT_MIN_SEVERITY,
      TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID, TELEGRAM_API_URL, SLACK_WEBHOOK_URL.

      Exit codes: 0 done or stopped (SIGTERM), 1 CRIT with --exit-on-crit, a
      regression with --exit-on-regression or the lock held, 2 usage error or a
      bounded run whose last analysis failed.""";

  static final String DEFAULT_LOCK = "/tmp/soak_continuous.lock";

  private final CliContext context;

  /**
   * What tests replace, given once at construction.
   *
   * @param waiter the wait between cycles; null waits on the stop signal
   * @param retrySleeper the wait between HTTP retries; null waits on the stop signal, so SIGTERM
   *     cuts a backoff short and ends retries
   */
  record Hooks(
      boolean installSignalHandlers,
      Sleeper waiter,
      Sleeper retrySleeper,
      HttpRetryPolicy httpPolicy) {
    static final Hooks PRODUCTION = new Hooks(true, null, null, HttpRetryPolicy.DEFAULT);
  }

  private final Hooks hooks;
  private final StopSignal stopSignal = new StopSignal();
  private final RunOptions options = new RunOptions();

  public RunCommand(CliContext context) {
    this(context, Hooks.PRODUCTION);
  }

  RunCommand(CliContext context, Hooks hooks) {
    this.context = context;
    this.hooks = hooks;
  }

  CommandSpec spec() {
    return Specs.standardHelp(
        options.addTo(Specs.command(this, "run", HEADER, DESCRIPTION, false)));
  }

  @Override
  public Integer call() throws Exception {
    Console console = context.console(options.verbose());
    Path work = context.workDir();
    EnvLayers layers = DotEnv.layers(context.environment(), work, options.envFile());
    RunnerConfig config = options.resolve(layers, work);
    HttpClientFactory http = httpClients(work, console);
    AnalysisRequest request =
        options.request(
            work,
            config
                .redis()
                .map(r -> HistoryBaselines.of(r, config.keys(), options.redis().exportDeadline()))
                .orElse(null));
    AnalysisStep step = AnalysisStep.of(new AnalysisJob(context.clock(), console), request);

    Optional<StateStore> store = Optional.empty();
    Optional<SummaryExport> exporter = Optional.empty();
    Lease lease = Lease.NONE;
    if (!config.dryRun() && config.redis().isPresent()) {
      RedisConnectionSettings settings = config.redis().get();
      try {
        // Every runner call to Redis ends within --redis-timeout, as the export does.
        Duration deadline = options.redis().exportDeadline();
        store = Optional.of(new RedisStateStore(settings, config.keys(), deadline));
        exporter = Optional.of(redisExport(settings, config, console));
        lease =
            new RedisLease(
                settings, config.keys(), UUID.randomUUID().toString(), config.leaseTtl(), deadline);
      } catch (IllegalArgumentException e) {
        store.ifPresent(StateStore::close);
        throw new UsageException("--redis-ca-file: " + e.getMessage());
      }
      console.debug("redis: " + store.get().describe());
    }
    Runnable restoreSignals =
        hooks.installSignalHandlers() ? stopSignal.installSignalHandlers() : () -> {};
    Runner.Timing timing =
        new Runner.Timing(
            context.clock(),
            System::nanoTime,
            stopSignal,
            hooks.waiter() != null ? hooks.waiter() : stopSignal::await);
    Sleeper retries = hooks.retrySleeper() != null ? hooks.retrySleeper() : stopSignal.asSleeper();
    try {
      return Runner.run(
              config,
              new Runner.Ports(
                  step,
                  store,
                  exporter,
                  lease,
                  Runner.notifiers(config, hooks.httpPolicy(), retries, http)),
              timing,
              console)
          .code();
    } finally {
      restoreSignals.run();
      store.ifPresent(StateStore::close);
    }
  }

  /** Proxies and extra CAs for Telegram and Slack; a bad --ca-file is exit 2. */
  private HttpClientFactory httpClients(Path work, Console console) {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    HttpClientFactory http =
        HttpClientFactory.fromEnvironment(
            context.environment(), options.alerts().caFiles(work), problems, warnings);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems.stream().map(p -> "--ca-file " + p).toList());
    }
    warnings.forEach(console::warn);
    console.debug("http: " + http.proxies() + ", extra CAs " + http.extraCas());
    return http;
  }

  private SummaryExport redisExport(
      RedisConnectionSettings settings, RunnerConfig config, Console console) {
    return new RedisExportJob(
        new RedisExporter(settings, context.clock(), options.redis().exportDeadline()),
        options.redis().exportOptions(config.keys()),
        new ExportStatusFile(config.stateDirectory().dir()),
        context.clock(),
        console);
  }
}
