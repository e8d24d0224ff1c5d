package dev.soakanalyzer.runner;

import dev.soakanalyzer.io.Sleeper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Set by SIGTERM/SIGINT: the runner finishes its current cycle, skips the wait and exits 0 with its
 * lock released.
 */
public final class StopSignal {
  private final CountDownLatch latch = new CountDownLatch(1);

  public void stop() {
    latch.countDown();
  }

  public boolean isStopped() {
    return latch.getCount() == 0;
  }

  /** Waits up to {@code d}, returning early when stopped. */
  public void await(Duration d) throws InterruptedException {
    if (!d.isZero() && !d.isNegative()) {
      latch.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Routes SIGTERM and SIGINT to {@link #stop()} instead of the JVM's exit 143.
   *
   * @return restores the previous handlers (in-process callers such as tests must call it)
   */
  /**
   * Waits on this signal: SIGTERM cuts a retry backoff short, and a retrying caller sees {@link
   * Sleeper#stopRequested()} and stops.
   */
  public Sleeper asSleeper() {
    return new Sleeper() {
      @Override
      public void sleep(Duration d) throws InterruptedException {
        await(d);
      }

      @Override
      public boolean stopRequested() {
        return isStopped();
      }
    };
  }

  public Runnable installSignalHandlers() {
    java.util.List<Runnable> restore = new java.util.ArrayList<>();
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal signal = new sun.misc.Signal(name);
        sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal, sig -> stop());
        restore.add(() -> sun.misc.Signal.handle(signal, previous));
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        // Signal not available here: the shutdown hook still releases the lock.
      }
    }
    return () -> restore.forEach(Runnable::run);
  }
}
