package dev.soakanalyzer.redis;

import java.net.Socket;
import java.time.Duration;
import java.util.function.Function;
import redis.clients.jedis.Jedis;

/**
 * The runner's Redis calls (alert state, heartbeat, summary hash, lease), each under a deadline:
 * connect, every reply and any retry together end within {@code deadline} ({@code
 * --redis-timeout}), as the export does. One connection is kept between calls; a failed call drops
 * it, and on a Sentinel set or Cluster a call that finds the master moving is tried again on the
 * master named then, until the deadline.
 */
final class RedisCalls implements AutoCloseable {
  private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

  private final RedisConnections connections;
  private final Duration deadline;
  private Jedis jedis;
  private Socket socket;

  RedisCalls(RedisConnections connections, Duration deadline) {
    this.connections = connections;
    this.deadline = deadline;
  }

  /**
   * Runs {@code op} on the master serving {@code routingKey}.
   *
   * @throws RedisException classified, its message safe to print
   */
  synchronized <T> T call(String routingKey, String action, Function<Jedis, T> op)
      throws RedisException {
    try (ExportWatchdog watchdog = new ExportWatchdog(deadline)) {
      boolean reused = false;
      while (true) {
        RedisException failure;
        try {
          if (jedis == null) {
            jedis = connections.open(watchdog, routingKey);
            socket = watchdog.socket();
            reused = false;
          } else {
            watchdog.register(socket);
            reused = true;
          }
          return op.apply(jedis);
        } catch (RedisException e) {
          failure = e;
        } catch (RuntimeException e) {
          failure = connections.classify(e, action);
        }
        drop();
        if (watchdog.fired()) {
          throw new RedisException(
              RedisFailure.UNREACHABLE,
              connections.describe()
                  + " "
                  + action
                  + ": no reply within "
                  + deadline.toMillis()
                  + " ms",
              null);
        }
        boolean retry =
            failure.failure() == RedisFailure.UNREACHABLE
                && (reused || connections.url().highlyAvailable());
        // A kept connection the server closed while idle is tried once afresh at once.
        if (!retry || !(reused || watchdog.pauseBeforeRetry(RETRY_PAUSE))) {
          throw failure;
        }
      }
    }
  }

  private void drop() {
    if (jedis != null) {
      try {
        jedis.close();
      } catch (RuntimeException ignored) {
        // closing anyway
      }
    }
    jedis = null;
    socket = null;
  }

  @Override
  public synchronized void close() {
    drop();
  }
}
