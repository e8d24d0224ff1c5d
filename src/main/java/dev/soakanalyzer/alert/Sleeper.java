package dev.soakanalyzer.alert;

import java.time.Duration;

/** Waits between retries; injected so tests never sleep. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
