package dev.soakanalyzer.redis;

import dev.soakanalyzer.state.Lease;
import dev.soakanalyzer.state.StateStoreException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A lease held with a random token: taken with {@code SET NX PX}, renewed only by its holder,
 * released with a compare-and-delete, so two runners on different hosts never both act for one
 * env/exchange. Added by the runner work (it needs SET NX, which the StateStore port has not).
 */
public final class RedisLease implements Lease {
  private static final String ACQUIRE_OR_RENEW =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then "
          + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) "
          + "elseif redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 "
          + "else return 0 end";
  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) "
          + "else return 0 end";

  private final RedisCalls calls;
  private final String key;
  private final String token;
  private final Duration ttl;

  /** The key as given; each call ends within {@link RedisExporter#EXPORT_DEADLINE}. */
  public RedisLease(RedisConnectionSettings settings, String key, String token, Duration ttl) {
    this(new RedisConnections(settings), key, token, ttl, RedisExporter.EXPORT_DEADLINE);
  }

  /**
   * The lease of {@code keys} (in their hash slot on a cluster).
   *
   * @param deadline each call, connect and retries included ({@code --redis-timeout})
   */
  public RedisLease(
      RedisConnectionSettings settings,
      RedisKeys keys,
      String token,
      Duration ttl,
      Duration deadline) {
    this(new RedisConnections(settings), keys, token, ttl, deadline);
  }

  private RedisLease(
      RedisConnections connections, RedisKeys keys, String token, Duration ttl, Duration deadline) {
    this(connections, connections.keysFor(keys).lease(), token, ttl, deadline);
  }

  private RedisLease(
      RedisConnections connections, String key, String token, Duration ttl, Duration deadline) {
    this.calls = new RedisCalls(connections, deadline);
    this.key = Objects.requireNonNull(key, "key");
    this.token = Objects.requireNonNull(token, "token");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  /** True when this holder has the lease now (taken or renewed for {@code ttl}). */
  @Override
  public boolean acquireOrRenew() throws StateStoreException {
    try {
      Object r =
          calls.call(
              key,
              "lease " + key,
              j ->
                  j.eval(
                      ACQUIRE_OR_RENEW,
                      List.of(key),
                      List.of(token, Long.toString(ttl.toMillis()))));
      return r instanceof Long n && n == 1L;
    } catch (RedisException c) {
      throw new StateStoreException(c.getMessage(), c.failure() == RedisFailure.UNREACHABLE, null);
    }
  }

  /** Releases the lease if this holder still has it; errors are ignored (it expires anyway). */
  public void release() {
    try {
      calls.call(key, "release " + key, j -> j.eval(RELEASE, List.of(key), List.of(token)));
    } catch (RedisException | RuntimeException e) {
      // The lease expires by itself after ttl.
    }
  }

  @Override
  public void close() {
    release();
    calls.close();
  }
}
