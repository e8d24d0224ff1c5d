package dev.soakanalyzer.io;

import java.time.Duration;

/** Waits between retries and cycles; injected so tests never sleep. One for every adapter. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;

  /** True once the process is stopping: a retrying caller gives up instead of trying again. */
  default boolean stopRequested() {
    return false;
  }
}
