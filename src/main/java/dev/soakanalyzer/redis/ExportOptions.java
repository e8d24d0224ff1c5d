package dev.soakanalyzer.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * What to export and how: the key prefix, the hash TTL and the optional violation streams.
 *
 * @param streamMaxlen {@code MAXLEN ~} bound of each stream (XADD and the XTRIM after)
 * @param historyMaxlen {@code MAXLEN ~} bound of the run history stream
 */
public record ExportOptions(
    RedisKeys keys, Duration ttl, boolean stream, int streamMaxlen, int historyMaxlen) {

  public static final String DEFAULT_ENV = "dev";
  public static final String DEFAULT_EXCHANGE = "bybit";
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(3600);
  public static final int DEFAULT_STREAM_MAXLEN = 5000;
  public static final int DEFAULT_HISTORY_MAXLEN = 1000;

  public ExportOptions {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.getSeconds() < 1) {
      throw new IllegalArgumentException("ttl must be at least 1 second");
    }
    if (streamMaxlen < 1) {
      throw new IllegalArgumentException("stream maxlen must be at least 1");
    }
    if (historyMaxlen < 1) {
      throw new IllegalArgumentException("history maxlen must be at least 1");
    }
  }

  /** The default history bound. */
  public ExportOptions(RedisKeys keys, Duration ttl, boolean stream, int streamMaxlen) {
    this(keys, ttl, stream, streamMaxlen, DEFAULT_HISTORY_MAXLEN);
  }

  /** The same options with these keys (hash-tagged on a cluster). */
  ExportOptions withKeys(RedisKeys other) {
    return new ExportOptions(other, ttl, stream, streamMaxlen, historyMaxlen);
  }

  /** Defaults of the guide: TTL 3600 s, no stream, MAXLEN 5000. */
  public static ExportOptions of(String env, String exchange) {
    return new ExportOptions(
        new RedisKeys(env, exchange), DEFAULT_TTL, false, DEFAULT_STREAM_MAXLEN);
  }

  public ExportOptions withStream(boolean on) {
    return new ExportOptions(keys, ttl, on, streamMaxlen, historyMaxlen);
  }
}
