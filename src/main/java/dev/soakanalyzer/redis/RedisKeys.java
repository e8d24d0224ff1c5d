package dev.soakanalyzer.redis;

import java.util.Objects;

/**
 * Every Redis key the tool uses, in one place. Keys are {@code {env}:{exchange}:} + a base key; a
 * base key given already prefixed (e.g. {@code --heartbeat-key prod:bybit:soak:runner:heartbeat})
 * is not prefixed twice.
 */
public record RedisKeys(String env, String exchange) {

  public static final String SUMMARY = "soak:summary";
  public static final String VIOLATIONS = "soak:violations:";
  public static final String STREAM = "soak:violations:stream:";

  /**
   * Per-symbol hash of the events already streamed (see {@link RedisExporter}); no TTL so the
   * record lives as long as the stream it describes.
   */
  public static final String STREAMED = "soak:violations:streamed:";

  /** Runner: alert debounce state (default of --alert-key). */
  public static final String ALERT_DEBOUNCE = "soak:alerts:debounce";

  /** Runner: heartbeat (default of --heartbeat-key). */
  public static final String HEARTBEAT = "soak:runner:heartbeat";

  /** Runner: lease that keeps two runners of one env/exchange from exporting and alerting twice. */
  public static final String LEASE = "soak:runner:lease";

  /** Runner: SHA-256 of the last exported SOAK_SUMMARY.json (idempotent export). */
  public static final String SUMMARY_HASH = "soak:summary:sha256";

  public RedisKeys {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(exchange, "exchange");
    if (env.isBlank() || exchange.isBlank()) {
      throw new IllegalArgumentException("env and exchange must not be blank");
    }
  }

  public String prefix() {
    return env + ":" + exchange + ":";
  }

  /** {@code base} with the prefix, unless it already starts with it. */
  public String key(String base) {
    return prefixed(env, exchange, base);
  }

  /**
   * The one rule for prefixing, also for callers whose env/exchange are not validated as keys yet:
   * {@code {env}:{exchange}:} + base, unless base already starts with that prefix.
   */
  public static String prefixed(String env, String exchange, String base) {
    Objects.requireNonNull(base, "base");
    String prefix = env + ":" + exchange + ":";
    return base.startsWith(prefix) ? base : prefix + base;
  }

  public String summary() {
    return key(SUMMARY);
  }

  public String violations(String symbol) {
    return key(VIOLATIONS + symbol);
  }

  public String stream(String symbol) {
    return key(STREAM + symbol);
  }

  public String streamed(String symbol) {
    return key(STREAMED + symbol);
  }
}
