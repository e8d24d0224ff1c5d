package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import dev.soakanalyzer.redis.ExportOptions;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.redis.RedisUrl;
import dev.soakanalyzer.runner.EnvLayers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The Redis options of {@code export-redis} and {@code run}, mapped once: flag, else environment
 * (for {@code run} also {@code .env}), else default; every problem added to one list.
 */
final class RedisOptions extends OptionGroup {
  static final String DEFAULT_REDIS_URL = "redis://localhost:6379/0";
  static final String DEFAULT_STATE_DIR = "artifacts/state";

  private final OptionSpec env =
      add(
          option(
                  "--env",
                  String.class,
                  "ENV",
                  "Environment, the Redis key prefix {env}: (env ENV, default dev).")
              .build());

  private final OptionSpec exchange =
      add(
          option(
                  "--exchange",
                  String.class,
                  "NAME",
                  "Exchange, the Redis key prefix :{exchange}: (env EXCHANGE, default bybit).")
              .build());

  private final OptionSpec redisUrl =
      add(
          option(
                  "--redis-url",
                  String.class,
                  "URL",
                  "redis://[user:password@]host:port/db, redis-sentinel://[user:password@]h:p[,h:p...]/MASTER[/db],"
                      + " redis-cluster://[user:password@]h:p[,h:p...]; rediss... for TLS (env"
                      + " REDIS_URL, default "
                      + DEFAULT_REDIS_URL
                      + "); for run, 'none' disables Redis.")
              .build());

  private final OptionSpec caFile =
      add(
          option(
                  "--redis-ca-file",
                  Path.class,
                  "PEM",
                  "CA certificate(s) that signed the rediss:// server's certificate.")
              .build());

  private final OptionSpec connectTimeoutMs =
      add(
          option(
                  "--connect-timeout-ms",
                  int.class,
                  "MS",
                  "Redis connect timeout (default: ${DEFAULT-VALUE}).")
              .defaultValue("2000")
              .build());

  private final OptionSpec readTimeoutMs =
      add(
          option(
                  "--read-timeout-ms",
                  int.class,
                  "MS",
                  "Redis read timeout (default: ${DEFAULT-VALUE}).")
              .defaultValue("5000")
              .build());

  private final OptionSpec redisTimeoutSec =
      add(
          option(
                  "--redis-timeout",
                  int.class,
                  "SEC",
                  "Deadline of a whole Redis export, connect included; then the connection is cut and"
                      + " the export counts as Redis unavailable (default: ${DEFAULT-VALUE}).")
              .defaultValue("30")
              .build());

  private final OptionSpec ttlSeconds =
      add(
          option(
                  "--ttl",
                  long.class,
                  "SEC",
                  "TTL of the summary and symbol hashes in seconds (default: ${DEFAULT-VALUE}).")
              .defaultValue("3600")
              .build());

  private final OptionSpec stream =
      add(
          Specs.flag(
              "Also append violation events to per-symbol streams (default: false).", "--stream"));

  private final OptionSpec streamMaxlen =
      add(
          option(
                  "--stream-maxlen",
                  int.class,
                  "N",
                  "MAXLEN ~ of each stream on XADD and XTRIM (default: ${DEFAULT-VALUE}).")
              .defaultValue("5000")
              .build());

  private final OptionSpec historyMaxlen =
      add(
          option(
                  "--history-maxlen",
                  int.class,
                  "N",
                  "MAXLEN ~ of the run history stream {env}:{exchange}:soak:history (default:"
                      + " ${DEFAULT-VALUE}).")
              .defaultValue("1000")
              .build());

  private final OptionSpec stateDir =
      add(
          option(
                  "--state-dir",
                  Path.class,
                  "DIR",
                  "Local state root: each env/exchange keeps last_export_status.json (run: also"
                      + " alert_state.json, heartbeat.json) in its own {env}.{exchange}/ below it"
                      + " (default: ${DEFAULT-VALUE}).")
              .defaultValue(DEFAULT_STATE_DIR)
              .build());

  /**
   * Only what reaching Redis takes (env, exchange, URL, CA file, timeouts): for commands that read
   * and write no export ({@code history}).
   */
  CommandSpec addConnectionTo(CommandSpec spec) {
    for (OptionSpec o :
        List.of(
            env, exchange, redisUrl, caFile, connectTimeoutMs, readTimeoutMs, redisTimeoutSec)) {
      spec.addOption(o);
    }
    return spec;
  }

  /** The whole-export deadline ({@code --redis-timeout}). */
  Duration exportDeadline() {
    return Duration.ofSeconds(Math.max(1, redisTimeoutSec()));
  }

  private int redisTimeoutSec() {
    return redisTimeoutSec.getValue();
  }

  boolean stream() {
    return Specs.on(stream);
  }

  int streamMaxlen() {
    return streamMaxlen.getValue();
  }

  Path stateDir() {
    return stateDir.getValue();
  }

  /** The key prefix environment: flag, else ENV, else {@code dev}; blank counts as unset. */
  String env(EnvLayers layers) {
    return firstNonBlank(env.getValue(), layers.get("ENV").orElse(null), ExportOptions.DEFAULT_ENV);
  }

  /** The key prefix exchange: flag, else EXCHANGE, else {@code bybit}; blank counts as unset. */
  String exchange(EnvLayers layers) {
    return firstNonBlank(
        exchange.getValue(), layers.get("EXCHANGE").orElse(null), ExportOptions.DEFAULT_EXCHANGE);
  }

  /**
   * The connection, or empty when {@code noneDisables} and the URL given is {@code none} or blank
   * (the runner's local-only mode).
   */
  Optional<RedisConnectionSettings> connection(
      EnvLayers layers, Path work, boolean noneDisables, List<String> problems) {
    String redisUrl = this.redisUrl.getValue();
    Path caFile = this.caFile.getValue();
    int redisTimeoutSec = redisTimeoutSec();
    int connectTimeoutMs = this.connectTimeoutMs.getValue();
    int readTimeoutMs = this.readTimeoutMs.getValue();
    String text;
    if (noneDisables && redisUrl != null) {
      text = redisUrl.strip();
      if (text.isEmpty() || text.equalsIgnoreCase("none")) {
        return Optional.empty();
      }
    } else {
      text = firstNonBlank(redisUrl, layers.get("REDIS_URL").orElse(null), DEFAULT_REDIS_URL);
      if (noneDisables && text.equalsIgnoreCase("none")) {
        return Optional.empty();
      }
    }
    String flag = redisUrl == null && !text.equals(DEFAULT_REDIS_URL) ? "REDIS_URL" : "--redis-url";
    RedisUrl url = null;
    try {
      url = RedisUrl.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(flag + ": " + e.getMessage());
    }
    if (redisTimeoutSec < 1) {
      problems.add("--redis-timeout must be at least 1 second, not " + redisTimeoutSec);
    }
    if (connectTimeoutMs < 1) {
      problems.add("--connect-timeout-ms must be at least 1, not " + connectTimeoutMs);
    }
    if (readTimeoutMs < 1) {
      problems.add("--read-timeout-ms must be at least 1, not " + readTimeoutMs);
    }
    if (url == null || connectTimeoutMs < 1 || readTimeoutMs < 1) {
      return Optional.empty();
    }
    return Optional.of(
        new RedisConnectionSettings(
            url,
            caFile == null ? null : work.resolve(caFile),
            Duration.ofMillis(connectTimeoutMs),
            Duration.ofMillis(readTimeoutMs)));
  }

  /** TTL and stream settings, checked; {@code problems} gets one sentence per bad value. */
  void checkExport(List<String> problems) {
    long ttlSeconds = this.ttlSeconds.getValue();
    int streamMaxlen = streamMaxlen();
    if (ttlSeconds < 1) {
      problems.add("--ttl must be at least 1 second, not " + ttlSeconds);
    }
    if (streamMaxlen < 1) {
      problems.add("--stream-maxlen must be at least 1, not " + streamMaxlen);
    }
    int historyMaxlen = this.historyMaxlen.getValue();
    if (historyMaxlen < 1) {
      problems.add("--history-maxlen must be at least 1, not " + historyMaxlen);
    }
  }

  /** The export options for the key prefix; call after {@link #checkExport} found nothing. */
  ExportOptions exportOptions(String envName, String exchangeName) {
    return exportOptions(new RedisKeys(envName, exchangeName));
  }

  /** The export options for these keys (e.g. the runner's, in its key namespace). */
  ExportOptions exportOptions(RedisKeys keys) {
    return new ExportOptions(keys, ttl(), stream(), streamMaxlen(), historyMaxlen.getValue());
  }

  Duration ttl() {
    return Duration.ofSeconds(ttlSeconds.<Long>getValue());
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    throw new IllegalStateException("no default");
  }
}
