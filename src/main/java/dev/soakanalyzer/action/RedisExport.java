package dev.soakanalyzer.action;

import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.core.model.Analysis;
import java.nio.file.Path;

/**
 * The optional Redis export of the action, implemented by the Redis adapter. It reports its own
 * outcome on the console and never fails the step: Redis down is a warning (docs/REDIS.md).
 */
@FunctionalInterface
public interface RedisExport {

  /**
   * @param outDir absolute out-dir holding SOAK_SUMMARY.json and VIOLATIONS.json
   */
  void export(Analysis analysis, Path outDir, ActionSettings.Redis settings, Console console);
}
