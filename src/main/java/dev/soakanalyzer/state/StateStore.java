package dev.soakanalyzer.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Small key/value state shared by the runner and the action (alert debounce state, heartbeat, last
 * export hash). Keys are full keys, already prefixed with {@code {env}:{exchange}:}.
 *
 * <p>Implementations: Redis (when a Redis URL is configured) and a local file store (the embedded
 * default, and the fallback while Redis is down).
 */
public interface StateStore extends AutoCloseable {

  /** The value at {@code key}, or empty when absent or expired. */
  Optional<String> get(String key) throws StateStoreException;

  /** Stores {@code value} at {@code key}; {@code ttl} null means no expiry. */
  void put(String key, String value, Duration ttl) throws StateStoreException;

  /** Removes {@code key}; no error when absent. */
  void delete(String key) throws StateStoreException;

  /** Where the state lives, safe to print (never a password). */
  String describe();

  @Override
  void close();
}
