package dev.soakanalyzer.core.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Who a runner (or an action job) is: env, exchange and key namespace. One value names its local
 * state directory, its Redis key prefix and its PR comment marker, so two runners that differ in
 * any part never read each other's state or overwrite each other's comment.
 *
 * @param namespace first segment(s) of the exported keys ({@code soak}, {@code soak:selftest})
 */
public record RunnerIdentity(String env, String exchange, String namespace) {
  public static final String DEFAULT_NAMESPACE = "soak";

  public RunnerIdentity {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(exchange, "exchange");
    if (env.isBlank() || exchange.isBlank()) {
      throw new IllegalArgumentException("env and exchange must not be blank");
    }
    namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    if (!validNamespace(namespace)) {
      throw new IllegalArgumentException(
          "key namespace must be words of a-z, 0-9, _ or - joined by ':', not '" + namespace + "'");
    }
  }

  /** The production identity of one env/exchange (namespace {@code soak}). */
  public RunnerIdentity(String env, String exchange) {
    this(env, exchange, DEFAULT_NAMESPACE);
  }

  /** True for {@code soak}, {@code soak:selftest}, ... (no empty segment, no blanks). */
  public static boolean validNamespace(String namespace) {
    return namespace != null && namespace.matches("[a-z0-9_-]+(:[a-z0-9_-]+)*");
  }

  /** {@code {env}:{exchange}:}, what every Redis key of this identity starts with. */
  public String keyPrefix() {
    return env + ":" + exchange + ":";
  }

  /**
   * The name of this identity's state directory: {@code dev.bybit}, and {@code
   * dev.bybit.soak.selftest} in another namespace. Env and exchange are percent-encoded outside
   * {@code A-Z a-z 0-9 _ -}, so the name is one safe path segment on every OS ({@code ..} or {@code
   * a/b} cannot climb out) and two identities never share one.
   */
  public String directoryName() {
    String name = encode(env) + "." + encode(exchange);
    return namespace.equals(DEFAULT_NAMESPACE) ? name : name + "." + namespace.replace(':', '.');
  }

  /**
   * The identity's part of a hidden comment marker: {@code env=dev exchange=bybit} (plus {@code
   * ns=...} outside the default namespace), encoded like {@link #directoryName()}.
   */
  public String markerPart() {
    String part = "env=" + encode(env) + " exchange=" + encode(exchange);
    return namespace.equals(DEFAULT_NAMESPACE) ? part : part + " ns=" + namespace;
  }

  /** Percent-encodes every byte outside {@code A-Z a-z 0-9 _ -}. */
  public static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "env=" + env + " exchange=" + exchange + " namespace=" + namespace;
  }
}
