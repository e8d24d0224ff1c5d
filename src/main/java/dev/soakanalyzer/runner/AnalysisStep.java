package dev.soakanalyzer.runner;

import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisOutcome;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.ReportFiles;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.Analysis;
import java.io.IOException;
import java.nio.file.Path;

/** The in-process analysis of one cycle: reads the windows, writes the reports. */
@FunctionalInterface
public interface AnalysisStep {

  /** The analysis and where its SOAK_SUMMARY.json / VIOLATIONS.json were written. */
  Result analyze() throws Failure;

  record Result(Analysis analysis, Path summaryFile, Path violationsFile) {}

  /**
   * The step that runs {@code job} on {@code request}: the runner's and its tests' one way in. The
   * step keeps the parsed windows between cycles, so each cycle reads only the files that are new
   * or changed (size, mtime or identity) and drops the ones that vanished.
   */
  static AnalysisStep of(AnalysisJob job, AnalysisRequest request) {
    return of(job, request, AnalysisJob.Incremental.fresh());
  }

  /**
   * As above, keeping the parsed windows, each symbol's analysis and its rendered events in {@code
   * incremental}, so only what changed is read, analysed and rendered again.
   */
  static AnalysisStep of(
      AnalysisJob job, AnalysisRequest request, AnalysisJob.Incremental incremental) {
    return () -> {
      try {
        AnalysisOutcome out = job.run(request, incremental);
        Path dir = request.workDir().resolve(request.options().outDir());
        return new Result(
            out.analysis(),
            out.written().getOrDefault(ReportFiles.SUMMARY, dir.resolve(ReportFiles.SUMMARY)),
            out.written()
                .getOrDefault(ReportFiles.VIOLATIONS, dir.resolve(ReportFiles.VIOLATIONS)));
      } catch (UsageException e) {
        throw new Failure(e.getMessage(), e);
      } catch (IOException | RuntimeException e) {
        String m = e.getMessage();
        throw new Failure(
            m == null || m.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + m,
            e);
      }
    };
  }

  /** The analysis could not run (no window matched, bad input); the message is one line. */
  final class Failure extends Exception {
    public Failure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
