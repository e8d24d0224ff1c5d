package dev.soakanalyzer.app;

import dev.soakanalyzer.core.model.AnalysisSettings;
import java.nio.file.Path;

/** One analysis to run: the glob (relative to {@code workDir}), the settings and the reports. */
public record AnalysisRequest(
    Path workDir, String iterGlob, AnalysisSettings settings, ReportOptions options) {}
