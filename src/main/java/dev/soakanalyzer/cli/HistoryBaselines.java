package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.HistorySource;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.redis.RunHistory;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code --baseline redis} wired to the run history of one env/exchange: a connection is opened
 * only when the baseline is actually read, and closed after it.
 */
final class HistoryBaselines {
  private HistoryBaselines() {}

  static HistorySource of(RedisConnectionSettings settings, RedisKeys keys, Duration deadline) {
    return (branch, warn) -> {
      try (RunHistory history = new RunHistory(settings, deadline)) {
        return history.newestAsSummary(keys, branch, warn);
      } catch (IllegalArgumentException e) {
        // An unusable CA file: the export reports it too; here it only means no baseline.
        warn.accept(
            "baseline from redis: " + ErrorHandlers.oneLine(e.getMessage()) + "; no comparison");
        return Optional.empty();
      }
    };
  }
}
