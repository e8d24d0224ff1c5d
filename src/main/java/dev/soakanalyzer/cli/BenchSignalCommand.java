package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.bench.SignalBenchmark;
import dev.soakanalyzer.bench.SignalCeilings;
import dev.soakanalyzer.bench.TrendBound;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code soak-analyzer bench signal}: the seeded Monte-Carlo table behind docs/SIGNAL.md (false
 * positives and power of the trend test against the oracle that knows the noise, false change
 * points, steps and a dip-and-recover found and placed, and how often the reported window range
 * holds the true window).
 */
public final class BenchSignalCommand implements Callable<Integer> {
  private static final String DESCRIPTION =
      """
      Monte-Carlo calibration of the trend test and the change-point detector on AR(1) noise.
      Deterministic: the same seed prints the same table.""";

  private final CliContext context;

  private final OptionSpec lengths =
      option("--n", int[].class, "<lengths>", "Series lengths (default: ${DEFAULT-VALUE}).")
          .splitRegex(",")
          .defaultValue("8,24,48,200,1000")
          .build();

  private final OptionSpec phis =
      option("--phi", double[].class, "<phis>", "AR(1) coefficients (default: ${DEFAULT-VALUE}).")
          .splitRegex(",")
          .defaultValue("0,0.5,0.8")
          .build();

  private final OptionSpec trials =
      option("--trials", int.class, "<trials>", "Trials per cell (default: ${DEFAULT-VALUE}).")
          .defaultValue("2000")
          .build();

  private final OptionSpec seed =
      option("--seed", long.class, "<seed>", "Seed (default: ${DEFAULT-VALUE}).")
          .defaultValue("16")
          .build();

  private final OptionSpec ceilings =
      Specs.flag(
          "Print instead how close any test can get to the oracle where this one misses 0.85x:"
              + " an idealised test (critical value simulated at the true phi) and one that knows"
              + " phi (--n and --phi do not apply).",
          "--ceilings");

  private final OptionSpec trendBound =
      Specs.flag(
          "Instead: the most power any trend test of |t| against a critical value chosen by the"
              + " residuals' lag-1 autocorrelation can have at 1% false trends (slow).",
          "--trend-bound");

  public BenchSignalCommand(CliContext context) {
    this.context = context;
  }

  CommandSpec spec() {
    CommandSpec spec = Specs.command(this, "signal", null, DESCRIPTION, false);
    spec.addOption(lengths)
        .addOption(phis)
        .addOption(trials)
        .addOption(seed)
        .addOption(ceilings)
        .addOption(trendBound);
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() throws UsageException {
    int[] lengths = this.lengths.getValue();
    double[] phis = this.phis.getValue();
    int trials = this.trials.getValue();
    long seed = this.seed.getValue();
    if (trials < 100) {
      throw new UsageException("--trials must be at least 100");
    }
    for (int n : lengths) {
      if (n < 3) {
        throw new UsageException("--n values must be at least 3");
      }
    }
    for (double phi : phis) {
      if (!(phi >= 0 && phi < 1)) {
        throw new UsageException("--phi values must be in [0, 1)");
      }
    }
    PrintWriter out = context.out();
    if (Specs.on(ceilings)) {
      printCeilings(out, trials, seed);
      return ExitCode.OK.code();
    }
    if (Specs.on(trendBound)) {
      printTrendBound(out, trials, seed);
      return ExitCode.OK.code();
    }
    out.printf(
        Locale.ROOT,
        "AR(1) noise sd 0.3 around 3.0, %d trials per cell, seed %d; drift -0.3 across the soak;"
            + " alpha 0.01%n%n",
        trials,
        seed);
    out.println(
        "| n | phi | false: guide arrow | OLS | calibrated | power: OLS | calibrated"
            + " | oracle | share of oracle | false change point |");
    out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (SignalBenchmark.TrendRow r : SignalBenchmark.trendTable(lengths, phis, trials, seed)) {
      double oracle = SignalBenchmark.oracleTrendPower(r.n(), r.phi());
      out.printf(
          Locale.ROOT,
          "| %d | %.1f | %s | %s | %s | %s | %s | %s | %.2fx | %s |%n",
          r.n(),
          r.phi(),
          pct(r.falseArrow()),
          pct(r.falseOls()),
          pct(r.falseCalibrated()),
          pct(r.powerOls()),
          pct(r.powerCalibrated()),
          pct(oracle),
          r.powerCalibrated() / oracle,
          pct(r.falseChangePoint()));
    }
    out.println();
    out.println(
        "| step (independent noise) | n | found | found within ±2 | oracle found"
            + " | oracle within ±2 | share of oracle | range holds the step | range width |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (double size : new double[] {1.0, 2.0}) {
      for (int n : new int[] {48, 200}) {
        SignalBenchmark.StepRow s = SignalBenchmark.stepRow(n, size, trials, seed);
        out.printf(
            Locale.ROOT,
            "| %.0f sd at window %d | %d | %s | %s | %s | %s | %.2fx | %s | %.1f |%n",
            s.step(),
            s.n() / 2,
            s.n(),
            pct(s.found()),
            pct(s.foundWithin2()),
            pct(s.oracleFound()),
            pct(s.oracleWithin2()),
            s.foundWithin2() / Math.max(s.oracleWithin2(), 1e-9),
            pct(s.rangeCoverage()),
            s.rangeWidth());
      }
    }
    out.println();
    out.println(
        "| dip and recover (independent noise) | n | any shift | both edges within ±2"
            + " | oracle both within ±2 | share of oracle | range holds the edge |");
    out.println("|---|---|---|---|---|---|---|");
    SignalBenchmark.DipRow d = SignalBenchmark.dipRow(48, 16, 32, 2.0, trials, seed);
    out.printf(
        Locale.ROOT,
        "| %.0f sd over windows %d-%d | %d | %s | %s | %s | %.2fx | %s |%n",
        d.depth(),
        d.from(),
        d.to() - 1,
        d.n(),
        pct(d.anyShift()),
        pct(d.bothWithin2()),
        pct(d.oracleBothWithin2()),
        d.bothWithin2() / Math.max(d.oracleBothWithin2(), 1e-9),
        pct(d.rangeCoverage()));
    return ExitCode.OK.code();
  }

  private static void printCeilings(PrintWriter out, int trials, long seed) {
    out.printf(
        Locale.ROOT,
        "%d trials per cell (alternatives and null series for the critical values), seed %d;"
            + " alpha 0.01; shares of the oracle in brackets%n%n",
        trials,
        seed);
    out.println(
        "| trend (drift -0.3, AR(1) sd 0.3) | oracle | this test | idealised plug-in"
            + " | phi known, sigma estimated |");
    out.println("|---|---|---|---|---|");
    for (SignalCeilings.TrendCeiling c : SignalCeilings.trend(trials, seed)) {
      out.printf(
          Locale.ROOT,
          "| n = %d, phi = %.1f | %s | %s | %s | %s |%n",
          c.n(),
          c.phi(),
          pct(c.oracle()),
          share(c.project(), c.oracle()),
          share(c.idealised(), c.oracle()),
          share(c.knownPhi(), c.oracle()));
    }
    out.println();
    out.println(
        "| change point (n = 48, independent noise) | oracle | this test | idealised plug-in"
            + " | its level (p below) |");
    out.println("|---|---|---|---|---|");
    for (SignalCeilings.ShiftCeiling c : SignalCeilings.shifts(trials, seed)) {
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %.4f |%n",
          c.label(),
          pct(c.oracle()),
          share(c.project(), c.oracle()),
          share(c.idealised(), c.oracle()),
          c.threshold());
    }
  }

  /** The cells where the trend test's ceiling is near the target, at 1% and with a margin. */
  static final double[][] BOUND_CELLS = {{48, 0, 0.01}, {200, 0.5, 0.01}, {200, 0.5, 0.009}};

  private static void printTrendBound(PrintWriter out, int trials, long seed) {
    out.printf(
        Locale.ROOT,
        "Best critical value by residual lag-1 autocorrelation: %d series per true phi (0-0.97) to"
            + " fit it, as many fresh ones to score it, seed %d%n%n",
        trials,
        seed);
    out.println(
        "| n | phi | false trends held to | oracle | bound (fitted) | bound (fresh series)"
            + " | worst false rate (fresh) |");
    out.println("|---|---|---|---|---|---|---|");
    for (double[] cell : BOUND_CELLS) {
      TrendBound.Result r = TrendBound.at((int) cell[0], cell[1], cell[2], trials, seed);
      double oracle = SignalBenchmark.oracleTrendPower(r.n(), r.phi());
      out.printf(
          Locale.ROOT,
          "| %d | %.1f | %.1f%% | %s | %s | %s | %.2f%% |%n",
          r.n(),
          r.phi(),
          100 * r.alpha(),
          pct(oracle),
          share(r.fittedPower(), oracle),
          share(r.power(), oracle),
          100 * r.worstFalse());
    }
  }

  private static String share(double share, double oracle) {
    return String.format(Locale.ROOT, "%s (%.2fx)", pct(share), share / Math.max(oracle, 1e-9));
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
