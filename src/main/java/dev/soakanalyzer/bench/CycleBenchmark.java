package dev.soakanalyzer.bench;

import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ReportOptions;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.runner.AnalysisStep;
import dev.soakanalyzer.runner.Runner;
import dev.soakanalyzer.runner.RunnerConfig;
import dev.soakanalyzer.runner.StopSignal;
import dev.soakanalyzer.state.Lease;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench --cycle}: the runner's second cycle after new files arrived, against a cold analysis
 * of the same files. The real runner ({@link Runner#run}, dry-run, no Redis, a quiet console) runs
 * two cycles; the wait between them, instead of sleeping, writes one more window for the first
 * {@value #NEW_FILES} symbols of a flat data set. Each cycle's time is the runner's own {@code
 * CONTINUOUS_METRICS ... duration_ms} (analysis, reports, alert decision, state, heartbeat). Then a
 * cold in-process analysis of the same files is timed for reference. The new files stay, so a cold
 * {@code analyze} run afterwards reads exactly the files the second cycle saw; the next run deletes
 * them before its first cycle.
 */
public final class CycleBenchmark {
  static final int NEW_FILES = 100;
  private static final Pattern DURATION =
      Pattern.compile("CONTINUOUS_METRICS .*duration_ms=(\\d+)");

  /** What one run measured, in milliseconds. */
  public record Result(long firstCycleMs, long secondCycleMs, long coldMs, int files) {}

  private CycleBenchmark() {}

  /** Runs it on the flat data set in {@code data} of {@code windows} windows per symbol. */
  public static Result run(Path data, int symbols, int windows, long seed, Clock clock)
      throws IOException, UsageException {
    if (symbols < NEW_FILES) {
      throw new IllegalArgumentException("--cycle needs at least " + NEW_FILES + " symbols");
    }
    int next = windows + 1;
    deleteWindow(data, next);
    Path work = Files.createTempDirectory("soak-bench-cycle-");
    AnalysisRequest request =
        new AnalysisRequest(
            data,
            "ITER_SUMMARY_*.json",
            AnalysisSettings.defaults(),
            new ReportOptions(work.resolve("out"), true, false, null));
    StringWriter log = new StringWriter();
    Console console =
        new Console(new PrintWriter(log), new PrintWriter(Writer.nullWriter()), false);
    RunnerConfig config = config(work);
    int exit =
        Runner.run(
                config,
                new Runner.Ports(
                    AnalysisStep.of(new AnalysisJob(clock, console), request),
                    Optional.empty(),
                    Optional.empty(),
                    Lease.NONE,
                    List.of()),
                new Runner.Timing(
                    clock,
                    System::nanoTime,
                    new StopSignal(),
                    d -> DataSetGenerator.addWindow(data, NEW_FILES, next, seed)),
                console)
            .code();
    List<Long> cycles = new ArrayList<>();
    Matcher m = DURATION.matcher(log.toString());
    while (m.find()) {
      cycles.add(Long.parseLong(m.group(1)));
    }
    if (exit != 0 || cycles.size() != 2 || log.toString().contains("verdict=FAIL")) {
      throw new IllegalStateException("the runner's cycles failed (exit " + exit + "): " + log);
    }
    Console quiet =
        new Console(
            new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), false);
    long t0 = System.nanoTime();
    new AnalysisJob(clock, quiet).run(request);
    long coldMs = (System.nanoTime() - t0) / 1_000_000;
    int files = symbols * windows + NEW_FILES;
    return new Result(cycles.get(0), cycles.get(1), coldMs, files);
  }

  /** The line {@code bench --cycle} prints; scripts/bench.sh reads its fields. */
  public static String line(Result r) {
    return String.format(
        Locale.ROOT,
        "CYCLE first_ms=%d second_ms=%d cold_inprocess_ms=%d files=%d new=%d"
            + "  (second cycle / cold in-process analysis: %.2fx)",
        r.firstCycleMs(),
        r.secondCycleMs(),
        r.coldMs(),
        r.files(),
        NEW_FILES,
        r.coldMs() == 0 ? 0.0 : (double) r.secondCycleMs() / r.coldMs());
  }

  private static RunnerConfig config(Path work) {
    return RunnerConfig.local("bench", "bench", work)
        .intervalMin(1)
        .maxIterations(2)
        .dryRun()
        .build();
  }

  private static void deleteWindow(Path data, int window) {
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(data, "ITER_SUMMARY_" + window + "_*.json")) {
      for (Path p : ds) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
