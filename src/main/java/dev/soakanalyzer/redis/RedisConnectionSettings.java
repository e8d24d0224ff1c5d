package dev.soakanalyzer.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Redis: the URL, an optional CA file (PEM) for {@code rediss://} servers with a
 * self-signed or private CA, and the connect/read timeouts.
 *
 * @param caFile PEM file with one or more CA certificates, or null for the JVM's default trust
 */
public record RedisConnectionSettings(
    RedisUrl url, Path caFile, Duration connectTimeout, Duration readTimeout) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);

  public RedisConnectionSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect timeout must be > 0");
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("read timeout must be > 0");
    }
  }

  /** Default timeouts, no CA file. */
  public static RedisConnectionSettings of(String url) {
    return new RedisConnectionSettings(
        RedisUrl.parse(url), null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  public RedisConnectionSettings withCaFile(Path file) {
    return new RedisConnectionSettings(url, file, connectTimeout, readTimeout);
  }

  public RedisConnectionSettings withTimeouts(Duration connect, Duration read) {
    return new RedisConnectionSettings(url, caFile, connect, read);
  }

  /** Safe to print. */
  public String describe() {
    return url.redacted();
  }
}
