package dev.soakanalyzer.app;

import dev.soakanalyzer.core.analysis.AnalysisMemo;
import dev.soakanalyzer.core.analysis.Analyzer;
import dev.soakanalyzer.core.analysis.BaselineComparator;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Baseline;
import dev.soakanalyzer.core.model.Comparison;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.report.AnalysisReportRenderer;
import dev.soakanalyzer.core.report.HtmlReportRenderer;
import dev.soakanalyzer.core.report.MiniPlotRenderer;
import dev.soakanalyzer.core.report.RecommendationsRenderer;
import dev.soakanalyzer.ingest.Ingestor;
import dev.soakanalyzer.ingest.ParsedFileCache;
import dev.soakanalyzer.io.AtomicFiles;
import dev.soakanalyzer.json.SummaryJson;
import dev.soakanalyzer.json.ViolationsJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code analyze} use case shared by the CLI, the action and the runner: ingest, analyse,
 * render, and write the reports (four, and SOAK_REPORT.html unless turned off) atomically as one
 * set. Nothing is written when no window is usable.
 */
public record AnalysisJob(Clock clock, Console console) {

  /**
   * What the runner keeps between cycles so a cycle costs what changed: the parsed windows of each
   * file, each symbol's analysis and each symbol's rendered violation events. Each part gives the
   * same result as a cold run.
   */
  public record Incremental(
      ParsedFileCache files, AnalysisMemo analyses, ViolationsJson.Memo violations) {
    public static Incremental fresh() {
      return new Incremental(new ParsedFileCache(), new AnalysisMemo(), new ViolationsJson.Memo());
    }
  }

  public AnalysisOutcome run(AnalysisRequest request) throws UsageException, IOException {
    return run(request, null);
  }

  /**
   * As above; with {@code incremental} (the runner's, kept between cycles), only the files that are
   * new or changed are read, only the symbols whose series changed are analysed and their events
   * rendered, with the same outcome as a cold run.
   */
  public AnalysisOutcome run(AnalysisRequest request, Incremental incremental)
      throws UsageException, IOException {
    ParsedFileCache cache = incremental == null ? null : incremental.files();
    AnalysisMemo memo = incremental == null ? null : incremental.analyses();
    long t0 = System.nanoTime();
    SoakData data =
        new Ingestor(request.settings(), console::warn, cache)
            .ingest(request.workDir(), request.iterGlob(), request.confinedTo());
    long t1 = System.nanoTime();
    if (data.series().isEmpty()) {
      List<String> wanted = request.settings().symbols();
      if (!wanted.isEmpty() && data.quality().filesMatched() > 0) {
        throw new UsageException(
            "no window of --symbols "
                + String.join(",", wanted)
                + " in the "
                + data.quality().filesMatched()
                + " file(s) matched by '"
                + request.iterGlob()
                + "'");
      }
      throw new UsageException("no ITER_SUMMARY windows matched '" + request.iterGlob() + "'");
    }
    Analysis analysis = Analyzer.analyze(data, request.settings(), clock.instant(), memo);
    analysis = compare(analysis, request);
    long t2 = System.nanoTime();
    if (analysis.insufficientWindows()) {
      console.warn(
          "only "
              + analysis.windows()
              + " windows analyzed ("
              + analysis.minWindowsRequired()
              + " required for statistical significance)");
    }
    Map<String, Path> written =
        write(
            analysis,
            request.workDir(),
            request.options(),
            request.confinedTo(),
            incremental == null ? null : incremental.violations());
    long t3 = System.nanoTime();
    if (request.options().verbose()) {
      console.print(new MiniPlotRenderer().render(analysis));
    }
    return new AnalysisOutcome(
        analysis, written, new AnalysisOutcome.Timings(t1 - t0, t2 - t1, t3 - t2));
  }

  /**
   * The run's ref/sha/run id, and the comparison with the baseline when one is given and usable.
   */
  private Analysis compare(Analysis analysis, AnalysisRequest request) {
    ComparisonOptions c = request.comparison();
    Analysis a = analysis;
    if (c.ref() != null || c.sha() != null || c.runId() != null) {
      a = a.withMeta(a.meta().withRun(c.ref(), c.sha(), c.runId()));
    }
    if (c.baseline() == null) {
      return a;
    }
    Optional<Baseline> baseline =
        new BaselineLoader(console)
            .load(c.baseline(), request.workDir(), request.settings(), request.confinedTo());
    if (baseline.isEmpty()) {
      return a.withComparison(Comparison.absent(c.minChangePct()));
    }
    Baseline b = baseline.get();
    if (b.ref() == null && c.baselineBranch() != null) {
      b = new Baseline(c.baselineBranch(), b.sha(), b.generatedAtUtc(), b.source(), b.cells());
    }
    return a.withComparison(BaselineComparator.compare(a, b, c.minChangePct()));
  }

  /** Renders every report, then writes them under an out-dir lock so two runs never interleave. */
  public static Map<String, Path> write(Analysis analysis, Path workDir, ReportOptions options)
      throws IOException {
    return write(analysis, workDir, options, java.util.Optional.empty(), null);
  }

  /** As above; with roots, an out-dir whose real path leaves them is refused. */
  public static Map<String, Path> write(
      Analysis analysis,
      Path workDir,
      ReportOptions options,
      java.util.Optional<dev.soakanalyzer.ingest.AllowedRoots> root)
      throws IOException {
    return write(analysis, workDir, options, root, null);
  }

  private static java.nio.file.FileSystemException outside(
      ReportOptions options, dev.soakanalyzer.ingest.AllowedRoots roots) {
    return new java.nio.file.FileSystemException(
        options.outDir().toString(), null, "leads outside " + roots.label());
  }

  /** As above; with a memo, VIOLATIONS.json re-renders only the events that changed. */
  private static Map<String, Path> write(
      Analysis analysis,
      Path workDir,
      ReportOptions options,
      java.util.Optional<dev.soakanalyzer.ingest.AllowedRoots> root,
      ViolationsJson.Memo memo)
      throws IOException {
    // Streamed straight to temp files (megabytes for thousands of symbols), then renamed as a set.
    Map<String, AtomicFiles.Content> files = new LinkedHashMap<>();
    files.put(
        ReportFiles.ANALYSIS,
        w -> new AnalysisReportRenderer().render(analysis, AtomicFiles.sink(w)));
    files.put(
        ReportFiles.VIOLATIONS,
        memo == null
            ? w -> ViolationsJson.write(analysis.violations(), w)
            : w -> ViolationsJson.write(analysis.violations(), w, memo));
    files.put(
        ReportFiles.RECOMMENDATIONS,
        w ->
            new RecommendationsRenderer(options.book(), options.lang())
                .render(analysis, AtomicFiles.sink(w)));
    if (options.emitSummary()) {
      files.put(ReportFiles.SUMMARY, w -> SummaryJson.write(analysis, w));
    }
    if (options.html()) {
      files.put(
          ReportFiles.HTML,
          w -> new HtmlReportRenderer(options.lang()).render(analysis, AtomicFiles.sink(w)));
    }
    Path outDir = workDir.resolve(options.outDir());
    // Checked before creating (nothing is made outside) and after (a link may point out).
    if (root.isPresent() && !root.get().mayCreate(outDir)) {
      throw outside(options, root.get());
    }
    Files.createDirectories(outDir);
    if (root.isPresent() && !root.get().contains(outDir.toRealPath())) {
      throw outside(options, root.get());
    }
    Map<String, Path> written = new LinkedHashMap<>();
    try (FileChannel lockFile =
            FileChannel.open(
                outDir.resolve(".soak-analyzer.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                // a committed symlink must not redirect the lock's creation elsewhere
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        FileLock ignored = lockFile.lock();
        AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
      Map<Path, AtomicFiles.Content> staged = new LinkedHashMap<>();
      for (Map.Entry<String, AtomicFiles.Content> e : files.entrySet()) {
        Path target = outDir.resolve(e.getKey());
        staged.put(target, e.getValue());
        written.put(e.getKey(), target);
      }
      batch.stageAll(staged);
      batch.commit();
    }
    return written;
  }
}
