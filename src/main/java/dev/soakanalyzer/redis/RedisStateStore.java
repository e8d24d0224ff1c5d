package dev.soakanalyzer.redis;

import dev.soakanalyzer.state.StateStore;
import dev.soakanalyzer.state.StateStoreException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * {@link StateStore} on Redis strings (GET, SET [PX], DEL). A pooled client reconnects by itself,
 * so a long-running runner survives Redis restarts; while Redis is down every call throws a {@link
 * StateStoreException} with {@code unreachable() == true}.
 */
public final class RedisStateStore implements StateStore {
  private final RedisConnections connections;
  private final JedisPooled client;

  /**
   * @throws IllegalArgumentException when the CA file is unusable (a usage error)
   */
  public RedisStateStore(RedisConnectionSettings settings) {
    this.connections = new RedisConnections(settings);
    this.client = connections.pooled();
  }

  @Override
  public Optional<String> get(String key) throws StateStoreException {
    Objects.requireNonNull(key, "key");
    try {
      return Optional.ofNullable(client.get(key));
    } catch (RuntimeException e) {
      throw translate(e, "GET " + key);
    }
  }

  @Override
  public void put(String key, String value, Duration ttl) throws StateStoreException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new IllegalArgumentException("ttl must be positive or null");
    }
    try {
      if (ttl == null) {
        client.set(key, value); // a plain SET also clears an earlier TTL
      } else {
        client.set(key, value, SetParams.setParams().px(Math.max(1, ttl.toMillis())));
      }
    } catch (RuntimeException e) {
      throw translate(e, "SET " + key);
    }
  }

  @Override
  public void delete(String key) throws StateStoreException {
    Objects.requireNonNull(key, "key");
    try {
      client.del(key);
    } catch (RuntimeException e) {
      throw translate(e, "DEL " + key);
    }
  }

  @Override
  public String describe() {
    return connections.describe();
  }

  @Override
  public void close() {
    client.close();
  }

  private StateStoreException translate(RuntimeException e, String action) {
    RedisException c = connections.classify(e, action);
    return new StateStoreException(c.getMessage(), c.failure() == RedisFailure.UNREACHABLE, null);
  }
}
