package dev.soakanalyzer.runner;

import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisOutcome;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.ReportFiles;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.analysis.AnalysisMemo;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.ingest.ParsedFileCache;
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
    return of(job, request, new ParsedFileCache());
  }

  /**
   * As above, keeping the parsed windows in {@code cache}; each symbol's analysis is kept as well,
   * so only the symbols whose series changed are analysed again.
   */
  static AnalysisStep of(AnalysisJob job, AnalysisRequest request, ParsedFileCache cache) {
    return of(job, request, cache, new AnalysisMemo());
  }

  /** As above, keeping each symbol's analysis in {@code memo}. */
  static AnalysisStep of(
      AnalysisJob job, AnalysisRequest request, ParsedFileCache cache, AnalysisMemo memo) {
    return () -> {
      try {
        AnalysisOutcome out = job.run(request, cache, memo);
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
