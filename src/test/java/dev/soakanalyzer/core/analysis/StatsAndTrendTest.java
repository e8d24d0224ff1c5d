package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.soakanalyzer.core.model.Trend;
import dev.soakanalyzer.core.model.TrendResult;
import org.junit.jupiter.api.Test;

class StatsAndTrendTest {

  @Test
  void medianIsTheTrueMedianForOddAndEvenCounts() {
    assertThat(Stats.median(new double[] {5, 1, 3})).isEqualTo(3.0);
    assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Stats.median(new double[] {7})).isEqualTo(7.0);
    assertThat(Stats.median(new double[0])).isNaN();
  }

  @Test
  void presentDropsMissingValuesOnly() {
    assertThat(Stats.present(new double[] {1, Double.NaN, 0.0, 3})).containsExactly(1, 0.0, 3);
  }

  @Test
  void risingSeriesIsUpWithRangeNormalizedSlope() {
    double[] x = {1, 2, 3, 4};
    double[] y = {10, 20, 30, 40};
    TrendResult r = TrendEstimator.estimate(x, y, 4);
    assertThat(r.trend()).isEqualTo(Trend.UP);
    assertThat(r.slope()).isCloseTo(10.0, within(1e-9));
    assertThat(r.normalizedSlope()).isCloseTo(10.0 / 30.0, within(1e-9));
  }

  @Test
  void slopeOfOnePercentOfRangeOrLessIsStable() {
    // 40 windows rising by 0.01*range per window in total only at the very end: normalized slope
    // tiny
    double[] x = new double[100];
    double[] y = new double[100];
    for (int i = 0; i < 100; i++) {
      x[i] = i + 1;
      y[i] = i % 2 == 0 ? 1.0 : 2.0; // zig-zag with no drift
    }
    assertThat(TrendEstimator.estimate(x, y, 100).trend()).isEqualTo(Trend.FLAT);
  }

  @Test
  void fallingSeriesIsDown() {
    assertThat(TrendEstimator.estimate(new double[] {1, 2, 3}, new double[] {3, 2, 1}, 3).trend())
        .isEqualTo(Trend.DOWN);
  }

  @Test
  void fewerThanTwoPointsOrAFlatSeriesIsStable() {
    assertThat(TrendEstimator.estimate(new double[] {1}, new double[] {5}, 1).trend())
        .isEqualTo(Trend.FLAT);
    assertThat(TrendEstimator.estimate(new double[] {1, 2, 3}, new double[] {5, 5, 5}, 3).trend())
        .isEqualTo(Trend.FLAT);
  }

  @Test
  void xIsTheWindowIndexSoGapsChangeTheSlope() {
    // same values, windows 1,2 and 100: the drift per window is much smaller
    TrendResult dense = TrendEstimator.estimate(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 3);
    TrendResult sparse =
        TrendEstimator.estimate(new double[] {1, 2, 100}, new double[] {1, 2, 3}, 3);
    assertThat(sparse.normalizedSlope()).isLessThan(dense.normalizedSlope());
  }

  @Test
  void bucketsAverageKConsecutiveWindowsAndUseOrdinals() {
    Bucketing b =
        Bucketing.of(new int[] {1, 2, 3, 4, 5}, new double[] {1, 3, Double.NaN, 5, 10}, 2);
    assertThat(b.points()).containsExactly(2.0, 5.0, 10.0);
    assertThat(java.util.Arrays.copyOf(b.x(), b.n())).containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void perWindowPointsUseRealWindowIndicesAndSkipMissingValues() {
    Bucketing b = Bucketing.of(new int[] {3, 7, 9}, new double[] {1, Double.NaN, 2}, 1);
    assertThat(b.points()).containsExactly(1.0, 2.0);
    assertThat(java.util.Arrays.copyOf(b.x(), b.n())).containsExactly(3.0, 9.0);
  }

  @Test
  void aConstantSeriesWithFloatingPointNoiseHasNoTrend() {
    double third = (0.1 + 0.2 + 0.3) / 3; // 0.20000000000000004
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {0.2, 0.2, 0.2, third, third, third};
    assertThat(TrendEstimator.estimate(x, y, 6).trend()).isEqualTo(Trend.FLAT);
    assertThat(TrendEstimator.estimate(x, y, 6).normalizedSlope()).isZero();
  }
}
