package dev.soakanalyzer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calibration claims of docs/COMPARE.md on a reduced grid with a fixed seed (a seeded
 * statistical test is a deterministic test). Shares are measured over {@link #TRIALS} trials; the
 * 1% bound gets one binomial standard error of slack (0.22 points), as the full {@code bench
 * compare} table is read.
 */
class CompareCalibrationTest {
  private static final int TRIALS = 2000;
  private static final long SEED = 22;
  private static final double FALSE_BOUND = 0.0122;

  /** The corners of the grid: shortest, longest, most unequal, most correlated. */
  private static final int[][] PAIRS = {{24, 24}, {24, 1000}, {1000, 24}, {48, 200}, {1000, 1000}};

  private static final List<CompareBenchmark.Row> GRID = grid();

  private static List<CompareBenchmark.Row> grid() {
    List<CompareBenchmark.Row> rows = new ArrayList<>();
    for (int[] p : PAIRS) {
      for (double phi : new double[] {0.0, 0.8}) {
        rows.add(CompareBenchmark.row(p[0], p[1], phi, TRIALS, SEED, false));
      }
    }
    rows.add(CompareBenchmark.row(48, 48, 0.5, TRIALS, SEED, false));
    return rows;
  }

  @Test
  void aNaiveWelchTestCriesWolfOnAutocorrelatedWindows() {
    CompareBenchmark.Row r = CompareBenchmark.row(48, 48, 0.5, TRIALS, SEED, false);
    assertThat(r.falseNaive()).as("naive Welch false regressions at phi 0.5").isGreaterThan(0.08);
  }

  @Test
  void theComparisonFlagsAtMostOnePercentOfPairsFromTheSameProcess() {
    for (CompareBenchmark.Row r : GRID) {
      assertThat(r.falseCalibrated())
          .as("false regressions at n=%d vs %d, phi=%.1f", r.nCurrent(), r.nBaseline(), r.phi())
          .isLessThanOrEqualTo(FALSE_BOUND);
    }
  }

  @Test
  void thePlugInWithoutPhiUncertaintyIsLiberalWhereOneSideIsShort() {
    CompareBenchmark.Row r = CompareBenchmark.row(24, 1000, 0.8, TRIALS, SEED, false);
    assertThat(r.falsePlugIn())
        .as("plug-in false regressions, 24 vs 1000 at phi 0.8")
        .isGreaterThan(0.02);
  }

  @Test
  void powerIsNearTheOracleWhereTheTargetIsMet() {
    for (int n : new int[] {48, 200}) {
      CompareBenchmark.Row r = CompareBenchmark.row(n, n, 0.0, TRIALS, SEED, true);
      assertThat(r.powerCalibrated())
          .as("power at n=%d, phi 0", n)
          .isGreaterThanOrEqualTo(0.85 * r.powerOracle());
    }
    CompareBenchmark.Row r = CompareBenchmark.row(200, 200, 0.5, TRIALS, SEED, true);
    assertThat(r.powerCalibrated())
        .as("power at n=200, phi 0.5")
        .isGreaterThanOrEqualTo(0.85 * r.powerOracle());
  }
}
