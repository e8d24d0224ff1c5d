package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

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
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code soak-analyzer fake-summary}: the guide's {@code generate_fake_summary}. */
public final class FakeSummaryCommand implements Callable<Integer> {
  /** The one line of the top-level command list. */
  static final String HEADER = "Write fake CRIT/WARN/OK windows for the alert self-test.";

  private static final String DESCRIPTION =
      """
      Write 24 fake windows (DIR/fake/FAKE_ITER_*.json) with planted violations,
      analyse them, and write SOAK_SUMMARY.json, VIOLATIONS.json and the reports
      into DIR.
      Variant 1: BTCUSDT edge_bps w23, BTCUSDT p95_latency_ms w24,
                 ETHUSDT maker_taker_ratio w24.
      Variant 2: BTCUSDT edge_bps w24, BTCUSDT maker_taker_ratio w24,
                 SOLUSDT edge_bps w23.""";

  private final CliContext context;

  private final OptionSpec crit = verdict("--crit", "Plant CRIT violations.");
  private final OptionSpec warn = verdict("--warn", "Plant WARN violations.");
  private final OptionSpec ok = verdict("--ok", "Plant no violation.");

  private final OptionSpec variant =
      option(
              "--variant",
              int.class,
              "1|2",
              "Which violations to plant (default: ${DEFAULT-VALUE}).")
          .defaultValue("1")
          .build();

  private final OptionSpec out =
      option("--out", Path.class, "DIR", "Output directory (default: ${DEFAULT-VALUE}).")
          .defaultValue("reports/analysis")
          .build();

  /** One of the exclusive group --crit | --warn | --ok. */
  private static OptionSpec verdict(String name, String description) {
    return OptionSpec.builder(name)
        .type(boolean.class)
        .required(true)
        .description(description)
        .build();
  }

  public FakeSummaryCommand(CliContext context) {
    this.context = context;
  }

  CommandSpec spec() {
    CommandSpec spec = Specs.command(this, "fake-summary", HEADER, DESCRIPTION, false);
    spec.addArgGroup(
        ArgGroupSpec.builder()
            .exclusive(true)
            .multiplicity("0..1")
            .addArg(crit)
            .addArg(warn)
            .addArg(ok)
            .build());
    spec.addOption(variant).addOption(out);
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() throws Exception {
    int variant = this.variant.getValue();
    Path out = this.out.getValue();
    if (variant != 1 && variant != 2) {
      throw new UsageException("--variant must be 1 or 2, not " + variant);
    }
    Level level = Specs.on(warn) ? Level.WARN : Specs.on(ok) ? Level.OK : Level.CRIT;
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
