package dev.soakanalyzer.cli;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertPolicy;
import dev.soakanalyzer.alert.HttpRetryPolicy;
import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.RedisExportJob;
import dev.soakanalyzer.app.SummaryExport;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.io.Sleeper;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisExporter;
import dev.soakanalyzer.redis.RedisKeys;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soak-analyzer run}: the guide's {@code continuous_runner}. */
@Command(
    name = "run",
    header = RunCommand.HEADER,
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Continuous mode: analyse -> export to Redis -> alert (policy, debounce) ->",
      "heartbeat, every --interval-min minutes.",
      "Precedence: CLI > environment > .env > defaults.",
      "Environment: REDIS_URL, ENV, EXCHANGE, ALERT_POLICY, ALERT_MIN_SEVERITY,",
      "TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID, TELEGRAM_API_URL, SLACK_WEBHOOK_URL.",
      "",
      "Exit codes: 0 done or stopped (SIGTERM), 1 CRIT with --exit-on-crit or the",
      "lock held, 2 usage error or a bounded run whose last analysis failed."
    })
public final class RunCommand implements Callable<Integer> {
  /** The one line of the top-level command list. */
  static final String HEADER = "Continuous runner: analyse, export, alert, heartbeat, metrics.";

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

  @Mixin AnalysisOptions analysis;

  @Option(
      names = "--interval-min",
      paramLabel = "MIN",
      defaultValue = "60",
      description = "Pause between cycles in minutes (default: ${DEFAULT-VALUE}).")
  long intervalMin;

  @Option(
      names = "--max-iterations",
      paramLabel = "N",
      defaultValue = "0",
      description = "Cycles to run, 0 = until stopped (default: ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(
      names = "--exit-on-crit",
      description = "After a CRIT cycle (exported and alerted), exit 1 (default: false).")
  boolean exitOnCrit;

  @Mixin RedisOptions redis;

  @Option(
      names = "--lock-file",
      paramLabel = "FILE",
      defaultValue = DEFAULT_LOCK,
      description = "Single-runner lock file (default: ${DEFAULT-VALUE}).")
  Path lockFile;

  @Mixin AlertOptions alerts;

  @Option(
      names = "--heartbeat-key",
      paramLabel = "KEY",
      defaultValue = RunnerConfig.DEFAULT_HEARTBEAT_KEY,
      description = "Heartbeat key, prefixed {env}:{exchange}: (default: ${DEFAULT-VALUE}).")
  String heartbeatKey;

  @Option(
      names = "--dry-run",
      description = "Print the alert text; touch no Redis and no network (default: false).")
  boolean dryRun;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description = "Serve Prometheus metrics at http://HOST:PORT/metrics (default: off).")
  Integer metricsPort;

  @Option(
      names = "--metrics-bind",
      paramLabel = "ADDR",
      defaultValue = RunnerConfig.DEFAULT_METRICS_BIND,
      description = "Address the metrics endpoint listens on (default: ${DEFAULT-VALUE}).")
  String metricsBind;

  @Option(
      names = "--key-namespace",
      paramLabel = "NS",
      defaultValue = RedisKeys.DEFAULT_NAMESPACE,
      description =
          "First segment of the exported keys, summary hash and lease: {env}:{exchange}:NS:summary"
              + " ... (default: ${DEFAULT-VALUE}; the self-test uses soak:selftest).")
  String keyNamespace;

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description =
          "Variables file below the environment in precedence; must exist when given"
              + " (default: .env when present).")
  Path envFile;

  public RunCommand(CliContext context) {
    this(context, Hooks.PRODUCTION);
  }

  RunCommand(CliContext context, Hooks hooks) {
    this.context = context;
    this.hooks = hooks;
  }

  @Override
  public Integer call() throws Exception {
    Console console = context.console(verbose.on);
    Path work = context.workDir();
    EnvLayers layers = DotEnv.layers(context.environment(), work, envFile);
    RunnerConfig config = resolve(layers, work);
    AnalysisRequest request = analysis.toRequest(work, verbose.on);
    AnalysisStep step = AnalysisStep.of(new AnalysisJob(context.clock(), console), request);

    Optional<StateStore> store = Optional.empty();
    Optional<SummaryExport> exporter = Optional.empty();
    Lease lease = Lease.NONE;
    if (!config.dryRun() && config.redis().isPresent()) {
      RedisConnectionSettings settings = config.redis().get();
      try {
        store = Optional.of(new RedisStateStore(settings));
        exporter = Optional.of(redisExport(settings, config, console));
        lease =
            new RedisLease(
                settings, config.keys().lease(), UUID.randomUUID().toString(), config.leaseTtl());
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
                  Runner.notifiers(config, hooks.httpPolicy(), retries)),
              timing,
              console)
          .code();
    } finally {
      restoreSignals.run();
      store.ifPresent(StateStore::close);
    }
  }

  private SummaryExport redisExport(
      RedisConnectionSettings settings, RunnerConfig config, Console console) {
    return new RedisExportJob(
        new RedisExporter(settings, context.clock(), redis.exportDeadline()),
        redis.exportOptions(config.keys()),
        new ExportStatusFile(config.stateDir()),
        context.clock(),
        console);
  }

  /** CLI > environment > .env > defaults, every problem reported at once. */
  RunnerConfig resolve(EnvLayers layers, Path work) throws UsageException {
    List<String> problems = new ArrayList<>();
    Optional<RedisConnectionSettings> connection = redis.connection(layers, work, true, problems);
    redis.checkExport(problems);
    AlertPolicy policy = alerts.policy(layers, problems);
    long debounce = alerts.debounceMin(layers, problems);
    alerts.check(problems);
    if (intervalMin < 0) {
      problems.add("--interval-min must be 0 or more, not " + intervalMin);
    } else if (intervalMin < 1 && maxIterations == 0) {
      // An endless run without a pause would hammer Redis and the channels many times a second.
      problems.add(
          "--interval-min must be at least 1 when --max-iterations is 0 (run until stopped)");
    }
    if (maxIterations < 0) {
      problems.add("--max-iterations must be 0 or more, not " + maxIterations);
    }
    if (!RedisKeys.validNamespace(keyNamespace)) {
      problems.add(
          "--key-namespace must be words of a-z, 0-9, _ or - joined by ':', not '"
              + keyNamespace
              + "'");
    }
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      problems.add("--metrics-port must be 0..65535, not " + metricsPort);
    }
    List<AlertChannel> channels = alerts.channels(problems);
    RunnerConfig.Secrets secrets = alerts.secrets(layers, channels, dryRun, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new RunnerConfig(
        redis.env(layers),
        redis.exchange(layers),
        connection,
        redis.ttl(),
        redis.stream,
        redis.streamMaxlen,
        work.resolve(lockFile),
        work.resolve(redis.stateDir),
        work.resolve(analysis.outDir),
        intervalMin,
        maxIterations,
        exitOnCrit,
        channels,
        policy,
        debounce,
        alerts.alertKey,
        heartbeatKey,
        alerts.redisDownMax,
        dryRun,
        verbose.on,
        Optional.ofNullable(metricsPort),
        metricsBind,
        !alerts.noAlertResolved,
        keyNamespace,
        secrets);
  }
}
