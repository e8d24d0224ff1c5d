package dev.soakanalyzer.state;

import java.time.Duration;
import java.util.Optional;

/**
 * Small key/value state of the runner (alert debounce state, heartbeat, last export hash, lease).
 * Keys are full keys, already prefixed with {@code {env}:{exchange}:}.
 *
 * <p>One implementation: Redis, when a Redis URL is configured. The runner's local files under
 * {@code --state-dir} are its mirror while Redis is down or disabled, not a second store.
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
