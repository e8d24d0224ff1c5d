package dev.soakanalyzer.redis;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole-export deadline. Jedis bounds each read, not a conversation: a server dripping one byte
 * every few seconds keeps every read under its timeout for ever. When the deadline passes the
 * watchdog closes the connection's socket, which ends the blocked read at once.
 */
final class ExportWatchdog implements AutoCloseable {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "soak-redis-deadline");
            t.setDaemon(true);
            return t;
          });

  private final Duration deadline;
  private final AtomicReference<Socket> socket = new AtomicReference<>();
  private final ScheduledFuture<?> task;
  private final long endsAtNanos;
  private volatile boolean fired;

  ExportWatchdog(Duration deadline) {
    this.deadline = deadline;
    this.endsAtNanos = System.nanoTime() + deadline.toNanos();
    this.task = TIMER.schedule(this::fire, deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  Duration deadline() {
    return deadline;
  }

  /** True once the deadline passed and the connection was cut. */
  boolean fired() {
    return fired;
  }

  /** Time left before the deadline (zero once passed). */
  Duration remaining() {
    long left = endsAtNanos - System.nanoTime();
    return left <= 0 || fired ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** The socket registered last (the TLS layer when there is one), or null. */
  Socket socket() {
    return socket.get();
  }

  /**
   * Waits before another attempt at a moving master: {@code pause}, or less when the deadline is
   * nearer.
   *
   * @return false when no time is left for another attempt
   */
  boolean pauseBeforeRetry(Duration pause) {
    long millis = Math.min(pause.toMillis(), remaining().toMillis() - 50);
    if (millis <= 0) {
      return false;
    }
    try {
      Thread.sleep(millis);
      return !fired;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Registers the socket to cut (the raw one first, then its TLS layer). */
  void register(Socket s) {
    socket.set(s);
    if (fired) {
      closeQuietly(s);
    }
  }

  private void fire() {
    fired = true;
    Socket s = socket.get();
    if (s != null) {
      closeQuietly(s);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    task.cancel(false);
  }
}
