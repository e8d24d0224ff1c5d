package dev.soakanalyzer.redis;

/**
 * A classified Redis failure with a one-line message that never contains a password. Jedis
 * exceptions are translated into this at the edge of every Redis call in this package.
 */
final class RedisException extends Exception {
  private final RedisFailure failure;

  RedisException(RedisFailure failure, String message, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  RedisFailure failure() {
    return failure;
  }
}
