package dev.soakanalyzer.redis;

import dev.soakanalyzer.state.StateStore;
import dev.soakanalyzer.state.StateStoreException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.params.SetParams;

/**
 * {@link StateStore} on Redis strings (GET, SET [PX], DEL). Every call has a deadline and a failed
 * one reconnects on the next call, so a long-running runner survives Redis restarts and failovers;
 * while Redis is down every call throws a {@link StateStoreException} with {@code unreachable() ==
 * true}. On a cluster each key gets its env/exchange's hash tag ({@link RedisKeys#key}).
 */
public final class RedisStateStore implements StateStore {
  private final RedisConnections connections;
  private final RedisCalls calls;
  private final RedisKeys keys;

  /**
   * Keys used as given; each call ends within {@link RedisExporter#EXPORT_DEADLINE}.
   *
   * @throws IllegalArgumentException when the CA file is unusable (a usage error)
   */
  public RedisStateStore(RedisConnectionSettings settings) {
    this(settings, null, RedisExporter.EXPORT_DEADLINE);
  }

  /**
   * @param keys the runner's keys: on a cluster every key is moved into their hash slot; null uses
   *     keys as given
   * @param deadline each call, connect and retries included ({@code --redis-timeout})
   * @throws IllegalArgumentException when the CA file is unusable (a usage error)
   */
  public RedisStateStore(RedisConnectionSettings settings, RedisKeys keys, Duration deadline) {
    this.connections = new RedisConnections(settings);
    this.calls = new RedisCalls(connections, Objects.requireNonNull(deadline, "deadline"));
    RedisKeys routed = keys == null ? null : connections.keysFor(keys);
    this.keys = routed != null && routed.clustered() ? routed : null;
  }

  /** The key as stored: with the hash tag on a cluster. */
  String stored(String key) {
    Objects.requireNonNull(key, "key");
    return keys == null ? key : keys.key(key);
  }

  @Override
  public Optional<String> get(String key) throws StateStoreException {
    String k = stored(key);
    return Optional.ofNullable(run(k, "GET " + k, j -> j.get(k)));
  }

  @Override
  public void put(String key, String value, Duration ttl) throws StateStoreException {
    Objects.requireNonNull(value, "value");
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new IllegalArgumentException("ttl must be positive or null");
    }
    String k = stored(key);
    run(
        k,
        "SET " + k,
        j ->
            ttl == null
                ? j.set(k, value) // a plain SET also clears an earlier TTL
                : j.set(k, value, SetParams.setParams().px(Math.max(1, ttl.toMillis()))));
  }

  @Override
  public void delete(String key) throws StateStoreException {
    String k = stored(key);
    run(k, "DEL " + k, j -> j.del(k));
  }

  @Override
  public String describe() {
    return connections.describe();
  }

  @Override
  public void close() {
    calls.close();
  }

  private <T> T run(
      String key, String action, java.util.function.Function<redis.clients.jedis.Jedis, T> op)
      throws StateStoreException {
    try {
      return calls.call(key, action, op);
    } catch (RedisException e) {
      throw new StateStoreException(e.getMessage(), e.failure() == RedisFailure.UNREACHABLE, null);
    }
  }
}
