package dev.soakanalyzer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calibration claims of docs/SIGNAL.md on a reduced grid with fixed seeds (so the numbers are
 * the same on every run: a seeded statistical test is a deterministic test). Shares are measured
 * over {@link #TRIALS} trials; the 1% bound gets one binomial standard error of slack (0.3 points),
 * the same margin the full {@code bench signal} table is read with.
 */
class SignalCalibrationTest {
  private static final int TRIALS = 1000;
  private static final long SEED = 16;
  private static final double FALSE_BOUND = 0.013;

  private static final List<SignalBenchmark.TrendRow> GRID =
      SignalBenchmark.trendTable(
          new int[] {8, 24, 48, 200}, new double[] {0, 0.5, 0.8}, TRIALS, SEED);

  @Test
  void plainOlsIsOverconfidentOnAutocorrelatedWindows() {
    SignalBenchmark.TrendRow ar08n48 = row(48, 0.8);
    assertThat(ar08n48.falseOls()).as("OLS false positives at phi 0.8, n 48").isGreaterThan(0.2);
  }

  @Test
  void trendTestFlagsAtMostOnePercentOfTrendlessSeries() {
    for (SignalBenchmark.TrendRow r : GRID) {
      assertThat(r.falseCalibrated())
          .as("false trends at n=%d phi=%.1f", r.n(), r.phi())
          .isLessThanOrEqualTo(FALSE_BOUND);
    }
  }

  @Test
  void trendTestKeepsItsShareOfTheOracleThatKnowsTheNoise() {
    // docs/SIGNAL.md: 0.97x at n 200 phi 0, 0.78x at n 200 phi 0.5, 0.62x at n 48 phi 0
    assertThat(shareOfOracle(200, 0.0)).as("n=200 phi=0").isGreaterThanOrEqualTo(0.85);
    assertThat(shareOfOracle(200, 0.5)).as("n=200 phi=0.5").isGreaterThanOrEqualTo(0.70);
    assertThat(shareOfOracle(48, 0.0)).as("n=48 phi=0").isGreaterThanOrEqualTo(0.55);
  }

  @Test
  void changePointsAreFalseInAtMostOnePercentOfTrendlessSeries() {
    // any shift at all: binary segmentation only splits a series that passed the first test
    for (SignalBenchmark.TrendRow r : GRID) {
      assertThat(r.falseChangePoint())
          .as("false change points at n=%d phi=%.1f", r.n(), r.phi())
          .isLessThanOrEqualTo(FALSE_BOUND);
    }
  }

  @Test
  void aOneSdStepIsPlacedAsTheOracleDoesOnLongSoaksAndItsRangeHoldsIt() {
    SignalBenchmark.StepRow n200 = SignalBenchmark.stepRow(200, 1.0, TRIALS, SEED);
    assertThat(n200.foundWithin2() / n200.oracleWithin2())
        .as("n=200 within +-2, share of oracle")
        .isGreaterThanOrEqualTo(0.85);
    assertThat(n200.rangeCoverage()).as("range coverage n=200").isGreaterThanOrEqualTo(0.90);
    SignalBenchmark.StepRow n48 = SignalBenchmark.stepRow(48, 1.0, TRIALS, SEED);
    assertThat(n48.foundWithin2()).as("n=48 within +-2").isGreaterThanOrEqualTo(0.18);
    assertThat(n48.oracleWithin2()).as("the oracle bound").isGreaterThan(n48.foundWithin2());
    assertThat(n48.rangeCoverage()).as("range coverage n=48").isGreaterThanOrEqualTo(0.90);
    SignalBenchmark.StepRow big = SignalBenchmark.stepRow(48, 2.0, TRIALS, SEED);
    assertThat(big.foundWithin2() / big.oracleWithin2())
        .as("2 sd at n=48, share of oracle")
        .isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void aDipAndItsRecoveryAreBothFound() {
    SignalBenchmark.DipRow dip = SignalBenchmark.dipRow(48, 16, 32, 2.0, TRIALS, SEED);
    assertThat(dip.bothWithin2()).as("both edges within +-2").isGreaterThanOrEqualTo(0.20);
    assertThat(dip.oracleBothWithin2()).as("the oracle bound").isGreaterThan(dip.bothWithin2());
    assertThat(dip.rangeCoverage()).as("edge range coverage").isGreaterThanOrEqualTo(0.90);
  }

  private static double shareOfOracle(int n, double phi) {
    return row(n, phi).powerCalibrated() / SignalBenchmark.oracleTrendPower(n, phi);
  }

  private static SignalBenchmark.TrendRow row(int n, double phi) {
    return GRID.stream().filter(r -> r.n() == n && r.phi() == phi).findFirst().orElseThrow();
  }
}
