package dev.soakanalyzer.redis;

import java.util.Objects;

/**
 * Every Redis key the tool uses, in one place. Keys are {@code {env}:{exchange}:} + a base key; a
 * base key given already prefixed (e.g. {@code --heartbeat-key prod:bybit:soak:runner:heartbeat})
 * is not prefixed twice.
 *
 * <p>The exported keys (summary, violations, streams and their bookkeeping, the summary hash and
 * the runner lease) start with the namespace, {@code soak} unless {@code --key-namespace} says
 * otherwise: the self-test and smoke targets use {@code soak:selftest}, so they never touch what
 * production dashboards and alerts read.
 *
 * <h2>On a cluster</h2>
 *
 * Every key of one env/exchange must live in one hash slot, so that each MULTI/EXEC stays on one
 * node: on a cluster ({@link #onCluster()}) the prefix is the hash tag {@code {env:exchange}:}
 * instead of {@code env:exchange:}. Only the prefix changes; the rest of each name is the same.
 *
 * @param namespace first segment(s) of every exported key after the prefix, e.g. {@code soak}
 * @param clustered the keys carry the hash tag {@code {env:exchange}}
 */
public record RedisKeys(String env, String exchange, String namespace, boolean clustered) {
  public static final String DEFAULT_NAMESPACE = "soak";
  public static final String SELFTEST_NAMESPACE = "soak:selftest";

  public static final String SUMMARY = "soak:summary";
  public static final String VIOLATIONS = "soak:violations:";
  public static final String STREAM = "soak:violations:stream:";

  /**
   * Per-symbol hash of the events already streamed (see {@link RedisExporter}); its TTL (at least
   * {@code --ttl} and a week) is refreshed on every export, so it does not pile up for ever.
   */
  public static final String STREAMED = "soak:violations:streamed:";

  /** Runner: alert debounce state (default of --alert-key). */
  public static final String ALERT_DEBOUNCE = "soak:alerts:debounce";

  /** Runner: heartbeat (default of --heartbeat-key). */
  public static final String HEARTBEAT = "soak:runner:heartbeat";

  /** Runner: lease that keeps two runners of one env/exchange from exporting and alerting twice. */
  public static final String LEASE = "soak:runner:lease";

  /** One record per exported run (docs/REDIS.md, "Run history"). */
  public static final String HISTORY = "soak:history";

  /** Runner: SHA-256 of the last exported SOAK_SUMMARY.json (idempotent export). */
  public static final String SUMMARY_HASH = "soak:summary:sha256";

  public RedisKeys {
    // The identity's rules (non-blank env and exchange, a valid namespace, soak when none).
    namespace =
        new dev.soakanalyzer.core.model.RunnerIdentity(env, exchange, namespace).namespace();
    if (clustered && (env + exchange).matches(".*[{}].*")) {
      throw new IllegalArgumentException(
          "on a cluster env and exchange form the hash tag {env:exchange}: no '{' or '}' in '"
              + env
              + "' / '"
              + exchange
              + "'");
    }
  }

  /** The keys of one server or Sentinel set. */
  public RedisKeys(String env, String exchange, String namespace) {
    this(env, exchange, namespace, false);
  }

  /** The keys of one runner identity: its prefix and namespace. */
  public RedisKeys(dev.soakanalyzer.core.model.RunnerIdentity identity) {
    this(identity.env(), identity.exchange(), identity.namespace());
  }

  /** The production keys ({@code soak:...}). */
  public RedisKeys(String env, String exchange) {
    this(env, exchange, DEFAULT_NAMESPACE);
  }

  /** The same keys with the cluster hash tag {@code {env:exchange}:} as prefix. */
  public RedisKeys onCluster() {
    return new RedisKeys(env, exchange, namespace, true);
  }

  /** True for {@code soak}, {@code soak:selftest}, ... (no empty segment, no blanks). */
  public static boolean validNamespace(String namespace) {
    return dev.soakanalyzer.core.model.RunnerIdentity.validNamespace(namespace);
  }

  /** A default base key ({@code soak:...}) moved into this namespace. */
  public String inNamespace(String base) {
    return base.startsWith(DEFAULT_NAMESPACE + ":")
        ? namespace + base.substring(DEFAULT_NAMESPACE.length())
        : base;
  }

  /** The runner identity these keys belong to. */
  public dev.soakanalyzer.core.model.RunnerIdentity identity() {
    return new dev.soakanalyzer.core.model.RunnerIdentity(env, exchange, namespace);
  }

  public String prefix() {
    return clustered ? "{" + env + ":" + exchange + "}:" : env + ":" + exchange + ":";
  }

  /**
   * {@code base} with the prefix, unless it already starts with it. A key given with the other form
   * of the prefix (plain on a cluster, tagged elsewhere) gets this one: the runner builds its keys
   * with {@link #prefixed}, and the store moves them into the slot here.
   */
  public String key(String base) {
    Objects.requireNonNull(base, "base");
    String plain = env + ":" + exchange + ":";
    String tagged = "{" + env + ":" + exchange + "}:";
    if (base.startsWith(prefix())) {
      return base;
    }
    String other = clustered ? plain : tagged;
    return prefix() + (base.startsWith(other) ? base.substring(other.length()) : base);
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
    return key(inNamespace(SUMMARY));
  }

  public String violations(String symbol) {
    return key(inNamespace(VIOLATIONS) + symbol);
  }

  public String stream(String symbol) {
    return key(inNamespace(STREAM) + symbol);
  }

  public String streamed(String symbol) {
    return key(inNamespace(STREAMED) + symbol);
  }

  /** Runner: the last exported summary's hash. */
  public String summaryHash() {
    return key(inNamespace(SUMMARY_HASH));
  }

  /** The run history stream. */
  public String history() {
    return key(inNamespace(HISTORY));
  }

  /** Runner: the lease of one env/exchange. */
  public String lease() {
    return key(inNamespace(LEASE));
  }
}
