package dev.soakanalyzer.app;

import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.ingest.AllowedRoots;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One analysis to run: the glob (relative to {@code workDir}), the settings and the reports.
 *
 * @param confinedTo when present (the action's workspace and RUNNER_TEMP), a match whose real path
 *     lies outside them is skipped, and the out-dir must resolve inside them
 * @param comparison the baseline to compare with, and the run's ref/sha/run id
 */
public record AnalysisRequest(
    Path workDir,
    String iterGlob,
    AnalysisSettings settings,
    ReportOptions options,
    Optional<AllowedRoots> confinedTo,
    ComparisonOptions comparison) {

  public AnalysisRequest {
    comparison = comparison == null ? ComparisonOptions.NONE : comparison;
  }

  public AnalysisRequest(
      Path workDir,
      String iterGlob,
      AnalysisSettings settings,
      ReportOptions options,
      Optional<AllowedRoots> confinedTo) {
    this(workDir, iterGlob, settings, options, confinedTo, ComparisonOptions.NONE);
  }

  public AnalysisRequest(
      Path workDir, String iterGlob, AnalysisSettings settings, ReportOptions options) {
    this(workDir, iterGlob, settings, options, Optional.empty());
  }

  /** The same request, reading and writing only inside {@code roots}. */
  public AnalysisRequest confinedTo(AllowedRoots roots) {
    return new AnalysisRequest(
        workDir, iterGlob, settings, options, Optional.of(roots), comparison);
  }

  /** The same request, compared with a baseline as {@code c} says. */
  public AnalysisRequest withComparison(ComparisonOptions c) {
    return new AnalysisRequest(workDir, iterGlob, settings, options, confinedTo, c);
  }
}
