package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertPolicy;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.HistorySource;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.runner.EnvLayers;
import dev.soakanalyzer.runner.RunnerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of {@code run}, mapped once to a validated {@link RunnerConfig}: CLI > environment >
 * .env > defaults.
 */
final class RunOptions {
  private final AnalysisOptions analysis = new AnalysisOptions();
  private final BaselineOptions baseline = new BaselineOptions();

  private final OptionSpec intervalMin =
      option(
              "--interval-min",
              long.class,
              "MIN",
              "Pause between cycles in minutes (default: ${DEFAULT-VALUE}).")
          .defaultValue("60")
          .build();

  private final OptionSpec maxIterations =
      option(
              "--max-iterations",
              int.class,
              "N",
              "Cycles to run, 0 = until stopped (default: ${DEFAULT-VALUE}).")
          .defaultValue("0")
          .build();

  private final OptionSpec exitOnCrit =
      Specs.flag(
          "After a CRIT cycle (exported and alerted), exit 1 (default: false).", "--exit-on-crit");

  private final OptionSpec exitOnRegression =
      Specs.flag(
          "After a cycle in which a cell REGRESSED against the baseline (exported and alerted),"
              + " exit 1 (default: false).",
          "--exit-on-regression");

  private final RedisOptions redis = new RedisOptions();

  private final OptionSpec lockFile =
      option(
              "--lock-file",
              Path.class,
              "FILE",
              "Single-runner lock file (default: ${DEFAULT-VALUE}).")
          .defaultValue(RunCommand.DEFAULT_LOCK)
          .build();

  private final AlertOptions alerts = new AlertOptions();

  private final OptionSpec heartbeatKey =
      option(
              "--heartbeat-key",
              String.class,
              "KEY",
              "Heartbeat key, prefixed {env}:{exchange}: (default: ${DEFAULT-VALUE}).")
          .defaultValue(RunnerConfig.DEFAULT_HEARTBEAT_KEY)
          .build();

  private final OptionSpec dryRun =
      Specs.flag(
          "Print the alert text; touch no Redis and no network (default: false).", "--dry-run");

  private final VerboseOption verbose = new VerboseOption();

  private final OptionSpec metricsPort =
      option(
              "--metrics-port",
              Integer.class,
              "PORT",
              "Serve Prometheus metrics at http://HOST:PORT/metrics (default: off).")
          .build();

  private final OptionSpec metricsBind =
      option(
              "--metrics-bind",
              String.class,
              "ADDR",
              "Address the metrics endpoint listens on (default: ${DEFAULT-VALUE}).")
          .defaultValue(RunnerConfig.DEFAULT_METRICS_BIND)
          .build();

  private final OptionSpec keyNamespace =
      option(
              "--key-namespace",
              String.class,
              "NS",
              "First segment of the exported keys, summary hash and lease: {env}:{exchange}:NS:summary"
                  + " ... (default: ${DEFAULT-VALUE}; the self-test uses soak:selftest).")
          .defaultValue(RedisKeys.DEFAULT_NAMESPACE)
          .build();

  private final OptionSpec envFile =
      option(
              "--env-file",
              Path.class,
              "FILE",
              "Variables file below the environment in precedence; must exist when given"
                  + " (default: .env when present).")
          .build();

  /** Adds these options to {@code spec}, in the order its help lists them. */
  CommandSpec addTo(CommandSpec spec) {
    analysis.addTo(spec);
    baseline.addTo(spec);
    spec.addOption(intervalMin).addOption(maxIterations).addOption(exitOnCrit);
    spec.addOption(exitOnRegression);
    redis.addTo(spec);
    spec.addOption(lockFile);
    alerts.addTo(spec);
    spec.addOption(heartbeatKey).addOption(dryRun);
    verbose.addTo(spec);
    return spec.addOption(metricsPort)
        .addOption(metricsBind)
        .addOption(keyNamespace)
        .addOption(envFile);
  }

  boolean verbose() {
    return verbose.on();
  }

  Path envFile() {
    return envFile.getValue();
  }

  AnalysisRequest request(Path work) throws UsageException {
    return request(work, null);
  }

  /** As above; {@code history} reads {@code --baseline redis} (null: no Redis connection). */
  AnalysisRequest request(Path work, HistorySource history) throws UsageException {
    return analysis
        .toRequest(work, verbose.on())
        .withComparison(baseline.toOptions(null, null, null, null, history));
  }

  RedisOptions redis() {
    return redis;
  }

  AlertOptions alerts() {
    return alerts;
  }

  /** CLI > environment > .env > defaults, every problem reported at once. */
  RunnerConfig resolve(EnvLayers layers, Path work) throws UsageException {
    long intervalMin = this.intervalMin.getValue();
    int maxIterations = this.maxIterations.getValue();
    String keyNamespace = this.keyNamespace.getValue();
    Integer metricsPort = this.metricsPort.getValue();
    boolean dryRun = Specs.on(this.dryRun);
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
        redis.stream(),
        redis.streamMaxlen(),
        work.resolve(lockFile.<Path>getValue()),
        work.resolve(redis.stateDir()),
        work.resolve(analysis.outDir()),
        intervalMin,
        maxIterations,
        Specs.on(exitOnCrit),
        Specs.on(exitOnRegression),
        channels,
        policy,
        debounce,
        alerts.alertKey(),
        heartbeatKey.getValue(),
        alerts.redisDownMax(),
        dryRun,
        verbose.on(),
        Optional.ofNullable(metricsPort),
        metricsBind.getValue(),
        alerts.alertResolved(),
        keyNamespace,
        secrets);
  }
}
