package dev.soakanalyzer.app;

import dev.soakanalyzer.core.model.Analysis;
import java.nio.file.Path;
import java.util.Map;

/** The analysis and the report files written, by file name (e.g. {@code SOAK_SUMMARY.json}). */
public record AnalysisOutcome(Analysis analysis, Map<String, Path> written) {
  public AnalysisOutcome {
    written = Map.copyOf(written);
  }
}
