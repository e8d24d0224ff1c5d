package dev.soakanalyzer.runner;

import dev.soakanalyzer.core.model.Analysis;
import java.nio.file.Path;

/** The in-process analysis of one cycle: reads the windows, writes the reports. */
@FunctionalInterface
public interface AnalysisStep {

  /** The analysis and where its SOAK_SUMMARY.json / VIOLATIONS.json were written. */
  Result analyze() throws Failure;

  record Result(Analysis analysis, Path summaryFile, Path violationsFile) {}

  /** The analysis could not run (no window matched, bad input); the message is one line. */
  final class Failure extends Exception {
    public Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
