package dev.soakanalyzer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendBoundTest {
  @Test
  void theBestCriticalValueByAutocorrelationSitsBetweenTheShippedTestAndTheOracle() {
    TrendBound.Result r = TrendBound.at(48, 0.0, 0.01, 3000, 16);
    double oracle = SignalBenchmark.oracleTrendPower(48, 0.0);
    // The shipped test is one such rule (about 19% here), the oracle knows phi (29.7%).
    assertThat(r.power()).isBetween(0.17, oracle);
    assertThat(r.fittedPower()).isLessThan(oracle);
    // Fitted to hold 1% at every true phi, it holds it on fresh series within their noise.
    assertThat(r.worstFalse()).isLessThan(0.02);
  }

  @Test
  void olsTIsTheSlopeOverItsPlainStandardError() {
    double[] y = {1, 2.1, 2.9, 4.2, 4.8, 6.1};
    double[] rt = TrendBound.olsT(y, y.length);
    // slope 0.9971, residual sd 0.1645, Sxx 17.5: t = 0.9971 / (0.1645 / sqrt(17.5)) = 25.36
    assertThat(rt[1]).isCloseTo(25.36, org.assertj.core.data.Offset.offset(0.05));
    assertThat(rt[0]).isBetween(-1.0, 1.0);
  }
}
