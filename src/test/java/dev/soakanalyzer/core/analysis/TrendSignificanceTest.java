package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class TrendSignificanceTest {

  @Test
  void onALongIndependentSeriesItAgreesWithOls() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 1000;
    double[] x = new double[n];
    double[] y = new double[n];
    SimpleRegression ols = new SimpleRegression();
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = 3.0 - 0.1 * i / n + 0.3 * r.nextGaussian();
      ols.addData(x[i], y[i]);
    }
    double p = TrendSignificance.pValue(x, y, n);
    assertThat(p).isBetween(0.0, 1.0);
    // phi is estimated near 0 and shifted up by 5/n: a little more conservative, same order
    assertThat(Math.log10(p)).isCloseTo(Math.log10(ols.getSignificance()), within(0.5));
  }

  @Test
  void slowlyWanderingSeriesAreRarelyCalledATrend() {
    // 300 trendless AR(1) series with phi 0.9: OLS calls many of them a trend, the test does not
    int n = 60;
    double[] x = new double[n];
    double[] y = new double[n];
    int olsFlags = 0;
    int flags = 0;
    for (int seed = 0; seed < 300; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      SimpleRegression ols = new SimpleRegression();
      double e = 0.3 / Math.sqrt(1 - 0.81) * r.nextGaussian();
      for (int i = 0; i < n; i++) {
        e = i == 0 ? e : 0.9 * e + 0.3 * r.nextGaussian();
        x[i] = i;
        y[i] = 3.0 + e;
        ols.addData(x[i], y[i]);
      }
      olsFlags += ols.getSignificance() < 0.01 ? 1 : 0;
      flags += TrendSignificance.pValue(x, y, n) < 0.01 ? 1 : 0;
    }
    assertThat(olsFlags).as("OLS false trends of 300").isGreaterThan(90);
    assertThat(flags).as("corrected false trends of 300").isLessThanOrEqualTo(6);
  }

  @Test
  void tooFewPointsOrNoSpreadInXGiveNaN() {
    assertThat(TrendSignificance.pValue(new double[] {1, 2}, new double[] {1, 2}, 2)).isNaN();
    assertThat(TrendSignificance.pValue(new double[] {1, 1, 1}, new double[] {1, 2, 3}, 3)).isNaN();
  }

  @Test
  void floatingPointNoiseIsNoTrend() {
    double[] x = new double[30];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      x[i] = i;
      y[i] = i < 15 ? 0.1 : Math.nextUp(0.1);
    }
    assertThat(TrendSignificance.pValue(x, y, 30)).isNaN();
  }

  @Test
  void theConservativePhiIsClampedAndNeverNegative() {
    assertThat(TrendSignificance.conservativePhi(-0.5, 1000)).isEqualTo(0.0);
    assertThat(TrendSignificance.conservativePhi(0.99, 8)).isEqualTo(Autocorrelation.MAX_PHI);
    assertThat(TrendSignificance.conservativePhi(0.5, 200)).isGreaterThan(0.5);
  }
}
