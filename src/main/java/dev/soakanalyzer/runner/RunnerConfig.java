package dev.soakanalyzer.runner;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertPolicy;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one runner needs, resolved once (CLI > environment > .env > defaults) and validated.
 *
 * @param redis empty when Redis is disabled (local state only)
 * @param channels requested alert channels, each once
 * @param maxIterations 0 = run until stopped
 * @param metricsPort empty = no /metrics endpoint
 * @param metricsBind address the /metrics endpoint listens on
 * @param alertResolved send one RESOLVED message when the verdict clears after an alert
 * @param keyNamespace namespace of the exported keys, summary hash and lease ({@code soak}, or
 *     {@code soak:selftest} for the self-test and smoke targets)
 */
public record RunnerConfig(
    String env,
    String exchange,
    Optional<RedisConnectionSettings> redis,
    Duration ttl,
    boolean stream,
    int streamMaxlen,
    Path lockFile,
    Path stateDir,
    Path outDir,
    long intervalMin,
    int maxIterations,
    boolean exitOnCrit,
    List<AlertChannel> channels,
    AlertPolicy alertPolicy,
    long debounceMin,
    String alertKey,
    String heartbeatKey,
    int redisDownMax,
    boolean dryRun,
    boolean verbose,
    Optional<Integer> metricsPort,
    String metricsBind,
    boolean alertResolved,
    String keyNamespace,
    Secrets secrets) {

  // Every Redis key is named in RedisKeys, the one place to change one.
  public static final String DEFAULT_ALERT_KEY = RedisKeys.ALERT_DEBOUNCE;
  public static final String DEFAULT_HEARTBEAT_KEY = RedisKeys.HEARTBEAT;
  public static final String DEFAULT_METRICS_BIND = "0.0.0.0";

  /** The heartbeat is refreshed at least this often, also while waiting between cycles. */
  public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(60);

  public RunnerConfig {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(exchange, "exchange");
    channels = List.copyOf(channels);
    Objects.requireNonNull(secrets, "secrets");
    metricsBind = metricsBind == null || metricsBind.isBlank() ? DEFAULT_METRICS_BIND : metricsBind;
    keyNamespace =
        keyNamespace == null || keyNamespace.isBlank() ? RedisKeys.DEFAULT_NAMESPACE : keyNamespace;
  }

  /** The Redis keys of this env/exchange and namespace. */
  public RedisKeys keys() {
    return new RedisKeys(env, exchange, keyNamespace);
  }

  /** Alert channel credentials; {@link #toString()} never shows them. */
  public record Secrets(
      String telegramToken, String telegramChatId, String telegramApiUrl, String slackWebhookUrl) {
    public static final Secrets NONE = new Secrets(null, null, null, null);

    /** Values that must never reach a log line. */
    public List<String> values() {
      return java.util.stream.Stream.of(telegramToken, slackWebhookUrl)
          .filter(s -> s != null && !s.isBlank())
          .toList();
    }

    @Override
    public String toString() {
      return "Secrets[redacted]";
    }
  }

  /** {@code {env}:{exchange}:} + key, unless the key already carries that prefix. */
  public String key(String base) {
    return RedisKeys.prefixed(env, exchange, base);
  }

  /** The lease outlives one interval so a slow cycle never loses it; min 5 minutes. */
  public Duration leaseTtl() {
    return Duration.ofMinutes(Math.max(5, intervalMin * 2 + 5));
  }

  /** Heartbeat TTL: max(3600, 2 x interval_min x 60) seconds. */
  public Duration heartbeatTtl() {
    return Duration.ofSeconds(Math.max(3600L, 2L * intervalMin * 60L));
  }
}
