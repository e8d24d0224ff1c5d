package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisOutcome;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.report.LogLines;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code soak-analyzer analyze}: the guide's {@code analyze_post_soak}. */
public final class AnalyzeCommand implements Callable<Integer> {
  /** The one line of the top-level command list. */
  static final String HEADER = "Analyse windows and write the four reports (OK/WARN/CRIT).";

  private static final String DESCRIPTION =
      """
      Analyse ITER_SUMMARY windows and write POST_SOAK_ANALYSIS.md,
      VIOLATIONS.json, RECOMMENDATIONS.md and SOAK_SUMMARY.json into --out-dir.

      With --baseline or --baseline-glob, every cell is also compared with that
      earlier run (REGRESSED, IMPROVED, UNCHANGED, NEW, GONE).

      Exit codes: 0 OK or WARN (or CRIT without --exit-on-crit),
      1 CRIT with --exit-on-crit or a regression with --exit-on-regression,
      2 usage or input error.""";

  private final CliContext context;
  private final AnalysisOptions analysis = new AnalysisOptions();
  private final OptionSpec exitOnCrit =
      Specs.flag("Exit code 1 when CRIT violations are found (default: false).", "--exit-on-crit");
  private final BaselineOptions baseline = new BaselineOptions();
  private final OptionSpec exitOnRegression =
      Specs.flag(
          "Exit code 1 when a cell REGRESSED against the baseline (default: false).",
          "--exit-on-regression");
  private final VerboseOption verbose = new VerboseOption();

  public AnalyzeCommand(CliContext context) {
    this.context = context;
  }

  CommandSpec spec() {
    CommandSpec spec = Specs.command(this, "analyze", HEADER, DESCRIPTION, false);
    analysis.addTo(spec);
    spec.addOption(exitOnCrit);
    baseline.addTo(spec);
    spec.addOption(exitOnRegression);
    verbose.addTo(spec);
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() throws Exception {
    Console console = context.console(verbose.on());
    AnalysisRequest request =
        analysis
            .toRequest(context.workDir(), verbose.on())
            .withComparison(baseline.toOptions(null, null, null));
    AnalysisOutcome outcome = new AnalysisJob(context.clock(), console).run(request);
    Analysis a = outcome.analysis();
    console.info(
        "verdict="
            + a.verdict()
            + " "
            + LogLines.counts(a)
            + " out_dir="
            + request.options().outDir()
            + LogLines.comparison(a));
    return ExitCode.forGates(
            Specs.on(exitOnCrit),
            a.verdict() == Level.CRIT,
            Specs.on(exitOnRegression),
            a.regressions() > 0)
        .code();
  }
}
