package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisOutcome;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.ReportOptions;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.fake.FakeSoakGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soak-analyzer fake-summary}: the guide's {@code generate_fake_summary}. */
@Command(
    name = "fake-summary",
    header = FakeSummaryCommand.HEADER,
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write 24 fake windows (DIR/fake/FAKE_ITER_*.json) with planted violations,",
      "analyse them, and write SOAK_SUMMARY.json, VIOLATIONS.json and the reports",
      "into DIR.",
      "Variant 1: BTCUSDT edge_bps w23, BTCUSDT p95_latency_ms w24,",
      "           ETHUSDT maker_taker_ratio w24.",
      "Variant 2: BTCUSDT edge_bps w24, BTCUSDT maker_taker_ratio w24,",
      "           SOLUSDT edge_bps w23."
    })
public final class FakeSummaryCommand implements Callable<Integer> {
  /** The one line of the top-level command list. */
  static final String HEADER = "Write fake CRIT/WARN/OK windows for the alert self-test.";

  private final CliContext context;

  static final class Verdict {
    @Option(names = "--crit", required = true, description = "Plant CRIT violations.")
    boolean crit;

    @Option(names = "--warn", required = true, description = "Plant WARN violations.")
    boolean warn;

    @Option(names = "--ok", required = true, description = "Plant no violation.")
    boolean ok;

    Level level() {
      return crit ? Level.CRIT : warn ? Level.WARN : Level.OK;
    }
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Verdict verdict;

  @Option(
      names = "--variant",
      paramLabel = "1|2",
      defaultValue = "1",
      description = "Which violations to plant (default: ${DEFAULT-VALUE}).")
  int variant;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports/analysis",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  public FakeSummaryCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (variant != 1 && variant != 2) {
      throw new UsageException("--variant must be 1 or 2, not " + variant);
    }
    Level level = verdict == null ? Level.CRIT : verdict.level();
    Console console = context.console(false);
    Path dir = context.workDir().resolve(out).normalize();
    FakeSoakGenerator.write(dir, level, variant);
    AnalysisSettings settings = AnalysisSettings.defaults();
    AnalysisOutcome outcome =
        new AnalysisJob(context.clock(), console)
            .run(
                new AnalysisRequest(
                    dir,
                    FakeSoakGenerator.GLOB,
                    settings,
                    new ReportOptions(Path.of("."), true, false, null)));
    Analysis a = outcome.analysis();
    console.info(
        "FAKE_SUMMARY verdict="
            + a.verdict()
            + " variant="
            + variant
            + " windows="
            + a.windows()
            + " violations="
            + a.violations().size()
            + " out="
            + dir.resolve(FakeSoakGenerator.SUBDIR));
    return ExitCode.OK.code();
  }
}
