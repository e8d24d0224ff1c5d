package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.bench.CompareBenchmark;
import dev.soakanalyzer.bench.CompareCeilings;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code soak-analyzer bench compare}: the seeded Monte-Carlo table behind docs/COMPARE.md (false
 * regressions and power of the baseline comparison, beside a naive Welch test and an oracle).
 */
public final class BenchCompareCommand implements Callable<Integer> {
  private static final String DESCRIPTION =
      """
      Monte-Carlo calibration of the baseline comparison on pairs of AR(1) runs.
      Deterministic: the same seed prints the same table.""";

  /** Pairs of lengths (current x baseline) of the false-regression table. */
  static final int[][] PAIRS = {
    {24, 24}, {48, 48}, {200, 200}, {1000, 1000}, {24, 1000}, {1000, 24}, {48, 200}, {200, 48}
  };

  /** Pairs of lengths of the power table. */
  static final int[][] POWER_PAIRS = {{48, 48}, {200, 200}};

  static final double[] POWER_PHIS = {0.0, 0.5};

  /** Pairs of runs (n current, phi current, n baseline, phi baseline) with different phi. */
  static final double[][] MIXED = {
    {24, 0.8, 1000, 0},
    {48, 0.8, 1000, 0},
    {48, 0.5, 1000, 0},
    {200, 0.8, 1000, 0},
    {48, 0.8, 48, 0},
    {48, 0, 48, 0.8},
    {200, 0.8, 200, 0}
  };

  private final CliContext context;

  private final OptionSpec ceilings =
      Specs.flag(
          "Instead: the power of tests given what no real test has (phi at its true value),"
              + " and pooling phi over both runs, beside the calibrated test.",
          "--ceilings");

  private final OptionSpec phis =
      option("--phi", double[].class, "<phis>", "AR(1) coefficients (default: ${DEFAULT-VALUE}).")
          .splitRegex(",")
          .defaultValue("0,0.5,0.8")
          .build();

  private final OptionSpec sd =
      option(
              "--sd",
              double.class,
              "<sd>",
              "Marginal sd of the noise around 3.0, for the power table (default: ${DEFAULT-VALUE}).")
          .defaultValue("0.3")
          .build();

  private final OptionSpec trials =
      option("--trials", int.class, "<trials>", "Trials per cell (default: ${DEFAULT-VALUE}).")
          .defaultValue("4000")
          .build();

  private final OptionSpec seed =
      option("--seed", long.class, "<seed>", "Seed (default: ${DEFAULT-VALUE}).")
          .defaultValue("22")
          .build();

  public BenchCompareCommand(CliContext context) {
    this.context = context;
  }

  CommandSpec spec() {
    CommandSpec spec = Specs.command(this, "compare", null, DESCRIPTION, false);
    spec.addOption(phis).addOption(sd).addOption(trials).addOption(seed).addOption(ceilings);
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() throws UsageException {
    double[] phis = this.phis.getValue();
    int trials = this.trials.getValue();
    long seed = this.seed.getValue();
    double sd = this.sd.getValue();
    if (!(sd > 0 && sd < 10)) {
      throw new UsageException("--sd must be in (0, 10)");
    }
    if (trials < 100) {
      throw new UsageException("--trials must be at least 100");
    }
    for (double phi : phis) {
      if (!(phi >= 0 && phi < 1)) {
        throw new UsageException("--phi values must be in [0, 1)");
      }
    }
    PrintWriter out = context.out();
    if (Specs.on(ceilings)) {
      printCeilings(out, sd, trials, seed);
      return ExitCode.OK.code();
    }
    out.printf(
        Locale.ROOT,
        "Pairs of AR(1) runs around 3.0, %d trials per cell, seed %d; alpha 0.01; false: sd 0.3;"
            + " power: sd %s, the current run's level 10%% lower%n%n",
        trials,
        seed,
        sd);
    out.println(
        "| n current | n baseline | phi | false: naive Welch | AR(1) plug-in | calibrated |");
    out.println("|---|---|---|---|---|---|");
    for (CompareBenchmark.Row r : CompareBenchmark.falseTable(PAIRS, phis, trials, seed)) {
      out.printf(
          Locale.ROOT,
          "| %d | %d | %.1f | %s | %s | %s |%n",
          r.nCurrent(),
          r.nBaseline(),
          r.phi(),
          pct(r.falseNaive()),
          pct(r.falsePlugIn()),
          pct(r.falseCalibrated()));
    }
    out.println();
    out.println(
        "| n each | phi | power: naive Welch | calibrated | oracle | calibrated / oracle |");
    out.println("|---|---|---|---|---|---|");
    for (int[] pair : POWER_PAIRS) {
      for (double phi : POWER_PHIS) {
        CompareBenchmark.Row r =
            CompareBenchmark.row(pair[0], pair[1], phi, sd, trials, seed, true);
        out.printf(
            Locale.ROOT,
            "| %d | %.1f | %s | %s | %s | %.2f |%n",
            r.nCurrent(),
            r.phi(),
            pct(r.powerNaive()),
            pct(r.powerCalibrated()),
            pct(r.powerOracle()),
            r.powerCalibrated() / r.powerOracle());
      }
    }
    return ExitCode.OK.code();
  }

  private static void printCeilings(PrintWriter out, double sd, int trials, long seed) {
    out.printf(
        Locale.ROOT,
        "Ceilings: pairs of AR(1) runs around 3.0, sd %s, the current run's level 10%% lower,"
            + " %d trials per cell (and as many under the null for the simulated thresholds),"
            + " seed %d; alpha 0.01%n%n",
        sd,
        trials,
        seed);
    out.println(
        "| n each | phi | oracle | calibrated | idealised (threshold at the true phi)"
            + " | phi known, sigma estimated | pooled phi |");
    out.println("|---|---|---|---|---|---|---|");
    for (int[] pair : POWER_PAIRS) {
      for (double phi : POWER_PHIS) {
        CompareCeilings.PowerRow r = CompareCeilings.power(pair[0], phi, sd, trials, seed);
        out.printf(
            Locale.ROOT,
            "| %d | %.1f | %s | %s (%.2fx) | %s (%.2fx) | %s (%.2fx) | %s (%.2fx) |%n",
            r.n(),
            r.phi(),
            pct(r.oracle()),
            pct(r.calibrated()),
            r.calibrated() / r.oracle(),
            pct(r.idealised()),
            r.idealised() / r.oracle(),
            pct(r.phiKnown()),
            r.phiKnown() / r.oracle(),
            pct(r.pooledPhi()),
            r.pooledPhi() / r.oracle());
      }
    }
    out.println();
    out.println(
        "| n current | phi current | n baseline | phi baseline | false: calibrated | pooled phi |");
    out.println("|---|---|---|---|---|---|");
    for (double[] m : MIXED) {
      CompareCeilings.MixedRow r =
          CompareCeilings.differentPhiFalse((int) m[0], m[1], (int) m[2], m[3], trials, seed);
      out.printf(
          Locale.ROOT,
          "| %d | %.1f | %d | %.1f | %s | %s |%n",
          r.nCurrent(),
          r.phiCurrent(),
          r.nBaseline(),
          r.phiBaseline(),
          pct(r.calibrated()),
          pct(r.pooledPhi()));
    }
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
