package dev.soakanalyzer.app;

import dev.soakanalyzer.core.model.Analysis;
import java.nio.file.Path;
import java.util.Map;

/** The analysis and the report files written, by file name (e.g. {@code SOAK_SUMMARY.json}). */
public record AnalysisOutcome(Analysis analysis, Map<String, Path> written, Timings timings) {
  public AnalysisOutcome {
    written = Map.copyOf(written);
  }

  /** Wall time of each phase, in nanoseconds (for the benchmark). */
  public record Timings(long ingestNanos, long analyzeNanos, long reportsNanos) {}
}
