package dev.soakanalyzer.cli;

import dev.soakanalyzer.redis.ExportOptions;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.redis.RedisUrl;
import dev.soakanalyzer.runner.EnvLayers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The Redis options of {@code export-redis} and {@code run}, mapped once: flag, else environment
 * (for {@code run} also {@code .env}), else default; every problem added to one list.
 */
final class RedisOptions {
  static final String DEFAULT_REDIS_URL = "redis://localhost:6379/0";
  static final String DEFAULT_STATE_DIR = "artifacts/state";

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "Environment, the Redis key prefix {env}: (env ENV, default dev).")
  String env;

  @Option(
      names = "--exchange",
      paramLabel = "NAME",
      description = "Exchange, the Redis key prefix :{exchange}: (env EXCHANGE, default bybit).")
  String exchange;

  @Option(
      names = "--redis-url",
      paramLabel = "URL",
      description =
          "redis://[user:password@]host:port/db or rediss://... for TLS (env REDIS_URL, default "
              + DEFAULT_REDIS_URL
              + "); for run, 'none' disables Redis.")
  String redisUrl;

  @Option(
      names = "--redis-ca-file",
      paramLabel = "PEM",
      description = "CA certificate(s) that signed the rediss:// server's certificate.")
  Path caFile;

  @Option(
      names = "--connect-timeout-ms",
      paramLabel = "MS",
      defaultValue = "2000",
      description = "Redis connect timeout (default: ${DEFAULT-VALUE}).")
  int connectTimeoutMs;

  @Option(
      names = "--read-timeout-ms",
      paramLabel = "MS",
      defaultValue = "5000",
      description = "Redis read timeout (default: ${DEFAULT-VALUE}).")
  int readTimeoutMs;

  @Option(
      names = "--redis-timeout",
      paramLabel = "SEC",
      defaultValue = "30",
      description =
          "Deadline of a whole Redis export, connect included; then the connection is cut and"
              + " the export counts as Redis unavailable (default: ${DEFAULT-VALUE}).")
  int redisTimeoutSec;

  /** The whole-export deadline ({@code --redis-timeout}). */
  java.time.Duration exportDeadline() {
    return java.time.Duration.ofSeconds(Math.max(1, redisTimeoutSec));
  }

  @Option(
      names = "--ttl",
      paramLabel = "SEC",
      defaultValue = "3600",
      description = "TTL of the summary and symbol hashes in seconds (default: ${DEFAULT-VALUE}).")
  long ttlSeconds;

  @Option(
      names = "--stream",
      description = "Also append violation events to per-symbol streams (default: false).")
  boolean stream;

  @Option(
      names = "--stream-maxlen",
      paramLabel = "N",
      defaultValue = "5000",
      description = "MAXLEN ~ of each stream on XADD and XTRIM (default: ${DEFAULT-VALUE}).")
  int streamMaxlen;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = DEFAULT_STATE_DIR,
      description =
          "Local state: last_export_status.json; run also keeps alert_state.json and"
              + " heartbeat.json there (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  /** The key prefix environment: flag, else ENV, else {@code dev}; blank counts as unset. */
  String env(EnvLayers layers) {
    return firstNonBlank(env, layers.get("ENV").orElse(null), ExportOptions.DEFAULT_ENV);
  }

  /** The key prefix exchange: flag, else EXCHANGE, else {@code bybit}; blank counts as unset. */
  String exchange(EnvLayers layers) {
    return firstNonBlank(
        exchange, layers.get("EXCHANGE").orElse(null), ExportOptions.DEFAULT_EXCHANGE);
  }

  /**
   * The connection, or empty when {@code noneDisables} and the URL given is {@code none} or blank
   * (the runner's local-only mode).
   */
  Optional<RedisConnectionSettings> connection(
      EnvLayers layers, Path work, boolean noneDisables, List<String> problems) {
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
    if (ttlSeconds < 1) {
      problems.add("--ttl must be at least 1 second, not " + ttlSeconds);
    }
    if (streamMaxlen < 1) {
      problems.add("--stream-maxlen must be at least 1, not " + streamMaxlen);
    }
  }

  /** The export options for the key prefix; call after {@link #checkExport} found nothing. */
  ExportOptions exportOptions(String envName, String exchangeName) {
    return exportOptions(new RedisKeys(envName, exchangeName));
  }

  /** The export options for these keys (e.g. the runner's, in its key namespace). */
  ExportOptions exportOptions(RedisKeys keys) {
    return new ExportOptions(keys, ttl(), stream, streamMaxlen);
  }

  Duration ttl() {
    return Duration.ofSeconds(ttlSeconds);
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
