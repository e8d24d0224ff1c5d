package dev.soakanalyzer.alert;

import java.time.Duration;

/**
 * Timeouts and retry bounds of the HTTP notifiers.
 *
 * @param maxAttempts attempts per message, first one included
 * @param baseBackoff wait before the second attempt, doubled each time (5xx, network errors)
 * @param maxWait the longest wait honoured; a longer {@code retry_after} gives up instead
 */
public record HttpRetryPolicy(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration baseBackoff,
    Duration maxWait) {

  public static final HttpRetryPolicy DEFAULT =
      new HttpRetryPolicy(
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          3,
          Duration.ofSeconds(1),
          Duration.ofSeconds(60));

  public HttpRetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }
}
