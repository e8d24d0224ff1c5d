package dev.soakanalyzer.runner;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertPolicy;
import dev.soakanalyzer.core.model.RunnerIdentity;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.state.StateDirectory;
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
 * @param exitOnRegression exit 1 after a cycle in which a cell REGRESSED against the baseline
 * @param stateDir the {@code --state-dir} root; this runner's files are in {@link
 *     #stateDirectory()} below it
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
    boolean exitOnRegression,
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

  /** Env, exchange and namespace: what names this runner's keys, state and marker. */
  public RunnerIdentity identity() {
    return new RunnerIdentity(env, exchange, keyNamespace);
  }

  /** The Redis keys of this runner's identity. */
  public RedisKeys keys() {
    return new RedisKeys(identity());
  }

  /** This runner's own local state directory below {@link #stateDir()}. */
  public StateDirectory stateDirectory() {
    return StateDirectory.of(stateDir, identity());
  }

  /**
   * Alert channel credentials, and the passwords of the proxies they go through ({@code
   * https_proxy=http://user:password@...}, as given and decoded); {@link #toString()} never shows
   * them.
   */
  public record Secrets(
      String telegramToken,
      String telegramChatId,
      String telegramApiUrl,
      String slackWebhookUrl,
      List<String> proxyPasswords) {
    public static final Secrets NONE = new Secrets(null, null, null, null, List.of());

    public Secrets {
      proxyPasswords = proxyPasswords == null ? List.of() : List.copyOf(proxyPasswords);
    }

    /**
     * Values that must never reach a log line, in every form a peer may echo them: raw,
     * URL-encoded, the webhook's path and its secret segments, the token's part after the colon.
     * Longest first, so a longer form is masked whole before a shorter one inside it.
     */
    public List<String> values() {
      java.util.Set<String> out = new java.util.LinkedHashSet<>();
      if (telegramToken != null && !telegramToken.isBlank()) {
        withEncodings(out, telegramToken);
        int colon = telegramToken.indexOf(':');
        if (colon >= 0 && telegramToken.length() - colon > 8) {
          withEncodings(out, telegramToken.substring(colon + 1));
        }
      }
      if (slackWebhookUrl != null && !slackWebhookUrl.isBlank()) {
        withEncodings(out, slackWebhookUrl);
        try {
          String path = java.net.URI.create(slackWebhookUrl.strip()).getRawPath();
          if (path != null && path.length() > 1) {
            withEncodings(out, path);
            for (String segment : path.split("/")) {
              if (segment.length() >= 8) {
                withEncodings(out, segment);
              }
            }
          }
        } catch (IllegalArgumentException e) {
          // not a URL: the raw value is masked all the same
        }
      }
      for (String p : proxyPasswords) {
        // A password of a few characters cannot be told from ordinary text: replacing it would
        // mangle every log line without protecting anything.
        if (p.strip().length() >= 4) {
          withEncodings(out, p);
        }
      }
      return out.stream()
          .sorted(java.util.Comparator.comparingInt(String::length).reversed())
          .toList();
    }

    private static void withEncodings(java.util.Set<String> out, String secret) {
      out.add(secret);
      String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
      out.add(encoded);
      out.add(encoded.replace("+", "%20"));
      out.add(
          encoded.toLowerCase(java.util.Locale.ROOT).equals(encoded) ? encoded : lowerHex(encoded));
    }

    /** {@code %3A} as {@code %3a}: both are valid and servers echo either. */
    private static String lowerHex(String encoded) {
      StringBuilder sb = new StringBuilder(encoded);
      for (int i = 0; i + 2 < sb.length(); i++) {
        if (sb.charAt(i) == '%') {
          sb.setCharAt(i + 1, Character.toLowerCase(sb.charAt(i + 1)));
          sb.setCharAt(i + 2, Character.toLowerCase(sb.charAt(i + 2)));
        }
      }
      return sb.toString();
    }

    @Override
    public String toString() {
      return "Secrets[redacted]";
    }
  }

  /**
   * A runner kept to one working directory: its lock, state and reports under it, no Redis, no
   * alert channel, no /metrics endpoint, one cycle, default keys, debounce and policy. What an
   * embedded runner (the benchmark) and the runner's tests start from, changing what they need; the
   * CLI resolves every field itself (RunOptions).
   */
  public static Builder local(String env, String exchange, Path work) {
    return new Builder(env, exchange, work);
  }

  /** The fields a caller of {@link #local} changes; the rest keep local's values. */
  public static final class Builder {
    private final String env;
    private final String exchange;
    private final Path work;
    private Optional<RedisConnectionSettings> redis = Optional.empty();
    private long intervalMin;
    private int maxIterations = 1;
    private List<AlertChannel> channels = List.of();
    private int redisDownMax = 3;
    private boolean dryRun;
    private boolean exitOnRegression;
    private Optional<Integer> metricsPort = Optional.empty();

    private Builder(String env, String exchange, Path work) {
      this.env = env;
      this.exchange = exchange;
      this.work = work;
    }

    public Builder redis(RedisConnectionSettings settings) {
      this.redis = Optional.of(settings);
      return this;
    }

    public Builder intervalMin(long minutes) {
      this.intervalMin = minutes;
      return this;
    }

    public Builder maxIterations(int cycles) {
      this.maxIterations = cycles;
      return this;
    }

    public Builder channels(List<AlertChannel> requested) {
      this.channels = requested;
      return this;
    }

    public Builder redisDownMax(int cycles) {
      this.redisDownMax = cycles;
      return this;
    }

    public Builder dryRun() {
      this.dryRun = true;
      return this;
    }

    public Builder exitOnRegression() {
      this.exitOnRegression = true;
      return this;
    }

    public Builder metricsPort(int port) {
      this.metricsPort = Optional.of(port);
      return this;
    }

    public RunnerConfig build() {
      return new RunnerConfig(
          env,
          exchange,
          redis,
          Duration.ofHours(1),
          false,
          5000,
          work.resolve("soak.lock"),
          work.resolve("state"),
          work.resolve("out"),
          intervalMin,
          maxIterations,
          false,
          exitOnRegression,
          channels,
          AlertPolicy.parse("", dev.soakanalyzer.core.model.Level.CRIT),
          180,
          DEFAULT_ALERT_KEY,
          DEFAULT_HEARTBEAT_KEY,
          redisDownMax,
          dryRun,
          false,
          metricsPort,
          "127.0.0.1",
          true,
          RedisKeys.DEFAULT_NAMESPACE,
          Secrets.NONE);
    }
  }

  /** {@code {env}:{exchange}:} + key, unless the key already carries that prefix. */
  public String key(String base) {
    return keys().key(base);
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
