package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisOutcome;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.ReportOptions;
import dev.soakanalyzer.bench.CycleBenchmark;
import dev.soakanalyzer.bench.DataSetGenerator;
import dev.soakanalyzer.bench.Shape;
import dev.soakanalyzer.core.model.AnalysisSettings;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code soak-analyzer bench}: generates a deterministic data set and times {@code analyze} end to
 * end in-process (ingest, analysis, all four reports written). JVM start-up is measured separately
 * by timing {@code bin/soak-analyzer analyze} on the same directory (see README, Performance).
 */
public final class BenchCommand implements Callable<Integer> {
  /** The one line of the top-level command list. */
  static final String HEADER = "Time 'analyze' on a generated data set, phase by phase.";

  private static final String DESCRIPTION =
      """
      Generate a deterministic soak data set and time 'analyze' on it.
      Prints wall time per run, files/s and peak heap.""";

  private final CliContext context;

  private final OptionSpec symbols =
      option("--symbols", int.class, "N", "Symbols (default: ${DEFAULT-VALUE}).")
          .defaultValue("10")
          .build();

  private final OptionSpec windows =
      option("--windows", int.class, "N", "Windows (default: ${DEFAULT-VALUE}).")
          .defaultValue("1000")
          .build();

  private final OptionSpec shape =
      option(
              "--shape",
              Shape.class,
              "SHAPE",
              "File layout: flat, multi or runner (default: ${DEFAULT-VALUE}).")
          .defaultValue("flat")
          .build();

  private final OptionSpec dir =
      option(
              "--dir",
              Path.class,
              "DIR",
              "Where to generate (default: a temp dir). An existing data set there is reused.")
          .build();

  private final OptionSpec generateOnly =
      Specs.flag("Only write the data set, then exit.", "--generate-only");

  private final OptionSpec cycle =
      Specs.flag(
          "Time the runner's second cycle after 100 new files (flat shape) against a cold"
              + " in-process analysis of the same files.",
          "--cycle");

  private final OptionSpec repeat =
      option("--repeat", int.class, "N", "Timed runs (default: ${DEFAULT-VALUE}).")
          .defaultValue("3")
          .build();

  private final OptionSpec seed =
      option("--seed", long.class, "SEED", "Generator seed (default: ${DEFAULT-VALUE}).")
          .defaultValue("42")
          .build();

  private final OptionSpec baseline =
      option(
              "--baseline",
              Path.class,
              "PATH",
              "Also compare each run with this SOAK_SUMMARY.json (what the comparison costs).")
          .build();

  public BenchCommand(CliContext context) {
    this.context = context;
  }

  CommandSpec spec() {
    CommandSpec spec = Specs.command(this, "bench", HEADER, DESCRIPTION, false);
    for (OptionSpec o :
        List.of(symbols, windows, shape, dir, generateOnly, cycle, repeat, seed, baseline)) {
      spec.addOption(o);
    }
    spec.addSubcommand("signal", new BenchSignalCommand(context).spec());
    spec.addSubcommand("compare", new BenchCompareCommand(context).spec());
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() throws Exception {
    int symbols = this.symbols.getValue();
    int windows = this.windows.getValue();
    Shape shape = this.shape.getValue();
    Path dir = this.dir.getValue();
    int repeat = this.repeat.getValue();
    long seed = this.seed.getValue();
    if (symbols < 1 || windows < 1 || repeat < 1) {
      throw new dev.soakanalyzer.app.UsageException(
          "--symbols, --windows and --repeat must be at least 1");
    }
    PrintWriter out = context.out();
    Path data =
        dir != null
            ? context.workDir().resolve(dir)
            : Files.createTempDirectory("soak-bench-" + symbols + "x" + windows + "-");
    int files;
    Path marker = data.resolve(".bench-" + shape + "-" + symbols + "x" + windows + "-" + seed);
    if (Files.exists(marker)) {
      try (var list = Files.list(data)) {
        files = (int) list.filter(p -> p.getFileName().toString().startsWith("ITER_")).count();
      }
      out.printf(Locale.ROOT, "reusing %d files in %s%n", files, data);
    } else {
      long t0 = System.nanoTime();
      files = DataSetGenerator.generate(data, symbols, windows, shape, seed);
      Files.writeString(marker, "");
      out.printf(
          Locale.ROOT,
          "generated %d files in %s (%.2f s)%n",
          files,
          data,
          (System.nanoTime() - t0) / 1e9);
    }
    if (Specs.on(generateOnly)) {
      return ExitCode.OK.code();
    }
    if (Specs.on(cycle)) {
      if (shape != Shape.FLAT || symbols < 100) {
        throw new dev.soakanalyzer.app.UsageException(
            "--cycle needs --shape flat and at least 100 --symbols");
      }
      out.println(
          CycleBenchmark.line(CycleBenchmark.run(data, symbols, windows, seed, context.clock())));
      return ExitCode.OK.code();
    }
    Path outDir = Files.createTempDirectory("soak-bench-out-");
    Console quiet = new Console(new PrintWriter(Writer.nullWriter()), context.err(), false);
    AnalysisRequest request =
        new AnalysisRequest(
            data,
            "ITER_SUMMARY_*.json",
            new AnalysisSettings(
                dev.soakanalyzer.core.model.MetricCatalog.STANDARD,
                dev.soakanalyzer.core.model.ThresholdSet.STANDARD,
                24,
                1,
                List.of(),
                null),
            new ReportOptions(outDir, true, false, null));
    Path baselinePath = this.baseline.getValue();
    if (baselinePath != null) {
      request =
          request.withComparison(
              new dev.soakanalyzer.app.ComparisonOptions(
                  new dev.soakanalyzer.app.BaselineSpec.SummaryFile(
                      context.workDir().resolve(baselinePath)),
                  dev.soakanalyzer.core.analysis.BaselineComparator.DEFAULT_MIN_CHANGE_PCT,
                  null,
                  null,
                  null,
                  null));
    }
    out.printf(
        Locale.ROOT,
        "case: %d symbols x %d windows, shape %s, %d files%n",
        symbols,
        windows,
        shape.name().toLowerCase(Locale.ROOT),
        files);
    double best = Double.MAX_VALUE;
    for (int i = 1; i <= repeat; i++) {
      long t0 = System.nanoTime();
      AnalysisOutcome outcome = new AnalysisJob(context.clock(), quiet).run(request);
      double s = (System.nanoTime() - t0) / 1e9;
      best = Math.min(best, s);
      out.printf(
          Locale.ROOT,
          "run %d: %.3f s  %,.0f files/s  (ingest %d ms, analysis %d ms, reports %d ms)"
              + "  verdict=%s violations=%d%n",
          i,
          s,
          files / s,
          outcome.timings().ingestNanos() / 1_000_000,
          outcome.timings().analyzeNanos() / 1_000_000,
          outcome.timings().reportsNanos() / 1_000_000,
          outcome.analysis().verdict(),
          outcome.analysis().violations().size());
    }
    out.printf(
        Locale.ROOT,
        "best: %.3f s  %,.0f files/s  peak heap %.1f MB  (in-process; add JVM start-up for a cold CLI run)%n",
        best,
        files / best,
        peakHeapBytes() / 1e6);
    return ExitCode.OK.code();
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
