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
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.io.Sleeper;
import dev.soakanalyzer.redis.ExportOptions;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisExporter;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.redis.RedisLease;
import dev.soakanalyzer.redis.RedisStateStore;
import dev.soakanalyzer.runner.AnalysisStep;
import dev.soakanalyzer.runner.DotEnv;
import dev.soakanalyzer.runner.EnvLayers;
import dev.soakanalyzer.runner.Lease;
import dev.soakanalyzer.runner.Runner;
import dev.soakanalyzer.runner.RunnerConfig;
import dev.soakanalyzer.runner.StopSignal;
import dev.soakanalyzer.state.ExportStatusFile;
import dev.soakanalyzer.state.StateStore;
import dev.soakanalyzer.state.StateStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soak-analyzer run}: the guide's {@code continuous_runner}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Continuous mode: analyse -> export to Redis -> alert (policy, debounce) -> heartbeat,",
      "every --interval-min minutes. Precedence: CLI > environment > .env > defaults.",
      "Environment: REDIS_URL, ENV, EXCHANGE, ALERT_POLICY, ALERT_MIN_SEVERITY,",
      "TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID, TELEGRAM_API_URL, SLACK_WEBHOOK_URL.",
      "",
      "Exit codes: 0 done or stopped (SIGTERM), 1 CRIT with --exit-on-crit or lock held,",
      "2 usage error or a bounded run whose last analysis failed."
    })
public final class RunCommand implements Callable<Integer> {
  static final String DEFAULT_REDIS_URL = "redis://localhost:6379/0";
  static final String DEFAULT_LOCK = "/tmp/soak_continuous.lock";

  private final CliContext context;

  /** Tests replace the stop signal and the waits. */
  StopSignal stopSignal = new StopSignal();

  Sleeper waiter;

  /** Null: waits on the stop signal, so SIGTERM cuts a retry backoff short and ends retries. */
  Sleeper retrySleeper;

  HttpRetryPolicy httpPolicy = HttpRetryPolicy.DEFAULT;
  boolean installSignalHandlers = true;

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

  @Option(names = "--env", paramLabel = "ENV", description = "Environment (env ENV, default dev).")
  String env;

  @Option(
      names = "--exchange",
      paramLabel = "NAME",
      description = "Exchange (env EXCHANGE, default bybit).")
  String exchange;

  @Option(
      names = "--redis-url",
      paramLabel = "URL",
      description =
          "Redis URL, redis:// or rediss:// (env REDIS_URL, default "
              + DEFAULT_REDIS_URL
              + "); 'none' disables Redis.")
  String redisUrl;

  @Option(
      names = "--ttl",
      paramLabel = "SEC",
      defaultValue = "3600",
      description = "TTL of exported Redis keys in seconds (default: ${DEFAULT-VALUE}).")
  long ttl;

  @Option(names = "--stream", description = "Also export violation streams (default: false).")
  boolean stream;

  @Option(
      names = "--stream-maxlen",
      paramLabel = "N",
      defaultValue = "5000",
      description = "Stream retention, MAXLEN ~ N (default: ${DEFAULT-VALUE}).")
  int streamMaxlen;

  @Option(
      names = "--lock-file",
      paramLabel = "FILE",
      defaultValue = DEFAULT_LOCK,
      description = "Single-runner lock file (default: ${DEFAULT-VALUE}).")
  Path lockFile;

  @Option(
      names = "--alert",
      paramLabel = "telegram|slack",
      split = ",",
      description = "Alert channel, repeatable (default: none).")
  List<String> alert = new ArrayList<>();

  @Option(
      names = "--alert-min-severity",
      paramLabel = "LEVEL",
      description =
          "Lowest verdict that alerts: OK, WARN, CRIT (env ALERT_MIN_SEVERITY, default CRIT).")
  String alertMinSeverity;

  @Option(
      names = "--alert-policy",
      paramLabel = "ENV=LEVEL,...",
      description =
          "Per-environment minimum severity, e.g. dev=WARN,staging=WARN,prod=CRIT (env ALERT_POLICY);"
              + " overrides --alert-min-severity for the listed envs.")
  String alertPolicy;

  @Option(
      names = "--alert-debounce-min",
      paramLabel = "MIN",
      description = "Debounce window in minutes, 0 = off (env ALERT_DEBOUNCE_MIN, default 180).")
  Long alertDebounceMin;

  @Option(
      names = "--alert-key",
      paramLabel = "KEY",
      defaultValue = RunnerConfig.DEFAULT_ALERT_KEY,
      description = "Alert state key, prefixed {env}:{exchange}: (default: ${DEFAULT-VALUE}).")
  String alertKey;

  @Option(
      names = "--heartbeat-key",
      paramLabel = "KEY",
      defaultValue = RunnerConfig.DEFAULT_HEARTBEAT_KEY,
      description = "Heartbeat key, prefixed {env}:{exchange}: (default: ${DEFAULT-VALUE}).")
  String heartbeatKey;

  @Option(
      names = "--redis-down-max",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "WARN alert after N consecutive exports skipped because Redis is down, 0 = never"
              + " (default: ${DEFAULT-VALUE}).")
  int redisDownMax;

  @Option(
      names = "--dry-run",
      description = "Print the alert text; touch no Redis and no network (default: false).")
  boolean dryRun;

  @Option(
      names = {"-v", "--verbose"},
      description = "Debug lines and the MINI-PLOTS table every cycle.")
  boolean verbose;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description = "Serve Prometheus metrics at http://HOST:PORT/metrics (default: off).")
  Integer metricsPort;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "artifacts/state",
      description =
          "Local state: alert_state.json, last_export_status.json, heartbeat.json"
              + " (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      defaultValue = ".env",
      description =
          "Variables file below the environment in precedence (default: ${DEFAULT-VALUE}).")
  Path envFile;

  public RunCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Console console = context.console(verbose);
    Path work = context.workDir();
    EnvLayers layers;
    try {
      layers = new EnvLayers(context.env(), DotEnv.load(work.resolve(envFile)));
    } catch (IOException e) {
      throw new UsageException("--env-file " + envFile + " cannot be read: " + e.getMessage());
    }
    RunnerConfig config = resolve(layers, work);
    AnalysisRequest request = analysis.toRequest(work, verbose);
    AnalysisStep step = analysisStep(request, console);

    Optional<StateStore> redis = Optional.empty();
    Optional<SummaryExport> exporter = Optional.empty();
    Lease lease = Lease.NONE;
    if (!config.dryRun() && config.redisUrl().isPresent()) {
      RedisConnectionSettings settings;
      try {
        settings = RedisConnectionSettings.of(config.redisUrl().get());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--redis-url: " + e.getMessage());
      }
      redis = Optional.of(new RedisStateStore(settings));
      exporter = Optional.of(redisExport(settings, config, console));
      RedisLease redisLease =
          new RedisLease(
              settings,
              config.key(RunnerConfig.LEASE_KEY),
              UUID.randomUUID().toString(),
              leaseTtl(config));
      lease =
          new Lease() {
            @Override
            public boolean acquireOrRenew() throws StateStoreException {
              return redisLease.acquireOrRenew();
            }

            @Override
            public void close() {
              redisLease.close();
            }
          };
      console.debug("redis: " + redis.get().describe());
    }
    Runnable restoreSignals = installSignalHandlers ? stopSignal.installSignalHandlers() : () -> {};
    Runner.Env runEnv =
        new Runner.Env(
            context.clock(),
            System::nanoTime,
            stopSignal,
            waiter != null ? waiter : stopSignal::await);
    try {
      return Runner.run(
              config,
              new Runner.Ports(
                  step,
                  redis,
                  exporter,
                  lease,
                  Runner.notifiers(
                      config,
                      httpPolicy,
                      retrySleeper != null ? retrySleeper : stopAware(stopSignal))),
              runEnv,
              console)
          .code();
    } finally {
      restoreSignals.run();
      redis.ifPresent(StateStore::close);
    }
  }

  private static Sleeper stopAware(StopSignal stop) {
    return new Sleeper() {
      @Override
      public void sleep(Duration d) throws InterruptedException {
        stop.await(d);
      }

      @Override
      public boolean stopRequested() {
        return stop.isStopped();
      }
    };
  }

  /** The lease outlives one interval so a slow cycle never loses it; min 5 minutes. */
  private static Duration leaseTtl(RunnerConfig config) {
    return Duration.ofMinutes(Math.max(5, config.intervalMin() * 2 + 5));
  }

  private AnalysisStep analysisStep(AnalysisRequest request, Console console) {
    return AnalysisStep.of(new AnalysisJob(context.clock(), console), request);
  }

  private SummaryExport redisExport(
      RedisConnectionSettings settings, RunnerConfig config, Console console) {
    return new RedisExportJob(
        new RedisExporter(settings, context.clock()),
        new ExportOptions(
            new RedisKeys(config.env(), config.exchange()),
            config.ttl(),
            config.stream(),
            config.streamMaxlen()),
        new ExportStatusFile(config.stateDir()),
        context.clock(),
        console);
  }

  /** CLI > environment > .env > defaults, every problem reported at once. */
  RunnerConfig resolve(EnvLayers layers, Path work) throws UsageException {
    List<String> problems = new ArrayList<>();
    String envName = layers.pick(env, "ENV", ExportOptions.DEFAULT_ENV);
    String exch = layers.pick(exchange, "EXCHANGE", ExportOptions.DEFAULT_EXCHANGE);
    String url = layers.pick(redisUrl, "REDIS_URL", DEFAULT_REDIS_URL).strip();
    Optional<String> redis =
        url.isEmpty() || url.equalsIgnoreCase("none") ? Optional.empty() : Optional.of(url);
    if (redis.isPresent()) {
      String lower = redis.get().toLowerCase(Locale.ROOT);
      if (!lower.startsWith("redis://") && !lower.startsWith("rediss://")) {
        problems.add("--redis-url must start with redis:// or rediss:// (or be 'none')");
      }
    }
    Level minSeverity = Level.CRIT;
    try {
      minSeverity =
          AlertPolicy.parseLevel(
              layers.pick(alertMinSeverity, "ALERT_MIN_SEVERITY", "CRIT"), "--alert-min-severity");
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    AlertPolicy policy = new AlertPolicy(java.util.Map.of(), minSeverity);
    try {
      policy = AlertPolicy.parse(layers.pick(alertPolicy, "ALERT_POLICY", ""), minSeverity);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    long debounce = 180;
    try {
      debounce =
          alertDebounceMin != null
              ? alertDebounceMin
              : Long.parseLong(layers.get("ALERT_DEBOUNCE_MIN").orElse("180").strip());
    } catch (NumberFormatException e) {
      problems.add("ALERT_DEBOUNCE_MIN must be a whole number of minutes");
    }
    if (debounce < 0) {
      problems.add("--alert-debounce-min must be 0 or more, not " + debounce);
    }
    if (intervalMin < 0) {
      problems.add("--interval-min must be 0 or more, not " + intervalMin);
    }
    if (maxIterations < 0) {
      problems.add("--max-iterations must be 0 or more, not " + maxIterations);
    }
    if (ttl < 1) {
      problems.add("--ttl must be at least 1 second, not " + ttl);
    }
    if (streamMaxlen < 1) {
      problems.add("--stream-maxlen must be at least 1, not " + streamMaxlen);
    }
    if (redisDownMax < 0) {
      problems.add("--redis-down-max must be 0 or more, not " + redisDownMax);
    }
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
      problems.add("--metrics-port must be 0..65535, not " + metricsPort);
    }
    List<AlertChannel> channels = new ArrayList<>();
    for (String a : alert) {
      if (a.isBlank()) {
        continue;
      }
      Optional<AlertChannel> ch = AlertChannel.parse(a);
      if (ch.isEmpty()) {
        problems.add("--alert must be telegram or slack, not '" + a.strip() + "'");
      } else if (!channels.contains(ch.get())) {
        channels.add(ch.get());
      }
    }
    RunnerConfig.Secrets secrets =
        new RunnerConfig.Secrets(
            layers.get("TELEGRAM_BOT_TOKEN").orElse(null),
            layers.get("TELEGRAM_CHAT_ID").orElse(null),
            layers.get("TELEGRAM_API_URL").orElse(null),
            layers.get("SLACK_WEBHOOK_URL").orElse(null));
    if (!dryRun) {
      if (channels.contains(AlertChannel.TELEGRAM)
          && (secrets.telegramToken() == null || secrets.telegramChatId() == null)) {
        problems.add("--alert telegram needs TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID");
      }
      if (channels.contains(AlertChannel.SLACK) && secrets.slackWebhookUrl() == null) {
        problems.add("--alert slack needs SLACK_WEBHOOK_URL");
      }
    }
    if (!problems.isEmpty()) {
      throw new dev.soakanalyzer.core.model.InvalidSettingsException(problems);
    }
    return new RunnerConfig(
        envName,
        exch,
        redis,
        Duration.ofSeconds(ttl),
        stream,
        streamMaxlen,
        work.resolve(lockFile),
        work.resolve(stateDir),
        work.resolve(analysis.outDir),
        intervalMin,
        maxIterations,
        exitOnCrit,
        channels,
        policy,
        debounce,
        alertKey,
        heartbeatKey,
        redisDownMax,
        dryRun,
        verbose,
        Optional.ofNullable(metricsPort),
        secrets);
  }
}
