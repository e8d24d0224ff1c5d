package dev.soakanalyzer.action;

import dev.soakanalyzer.app.Console;
import java.nio.file.Path;

/**
 * The optional Redis export of the action, the same export job as {@code export-redis}. It reports
 * its own outcome on the console and never fails the step: Redis down is a warning (docs/REDIS.md).
 */
@FunctionalInterface
public interface RedisExport {

  /**
   * @param outDir absolute out-dir holding SOAK_SUMMARY.json and VIOLATIONS.json
   */
  void export(Path outDir, ActionSettings.Redis settings, Console console);
}
