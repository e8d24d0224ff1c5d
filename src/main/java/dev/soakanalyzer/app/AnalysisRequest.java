package dev.soakanalyzer.app;

import dev.soakanalyzer.core.model.AnalysisSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One analysis to run: the glob (relative to {@code workDir}), the settings and the reports.
 *
 * @param confinedTo when present (the action's workspace), a match whose real path lies outside it
 *     is skipped, and the out-dir must resolve inside it
 */
public record AnalysisRequest(
    Path workDir,
    String iterGlob,
    AnalysisSettings settings,
    ReportOptions options,
    Optional<Path> confinedTo) {

  public AnalysisRequest(
      Path workDir, String iterGlob, AnalysisSettings settings, ReportOptions options) {
    this(workDir, iterGlob, settings, options, Optional.empty());
  }

  /** The same request, reading and writing only inside {@code root}. */
  public AnalysisRequest confinedTo(Path root) {
    return new AnalysisRequest(workDir, iterGlob, settings, options, Optional.of(root));
  }
}
