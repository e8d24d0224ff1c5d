package dev.soakanalyzer.app;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code --baseline redis}: where the newest earlier run of a branch is read from (the run history
 * stream; the Redis adapter implements it).
 */
@FunctionalInterface
public interface HistorySource {
  /**
   * The newest valid run of {@code branch} as a SOAK_SUMMARY-shaped JSON document, or empty after
   * one warning (Redis down, no run of that branch). Never throws for Redis or its data.
   */
  Optional<String> newestAsSummary(String branch, Consumer<String> warn);
}
