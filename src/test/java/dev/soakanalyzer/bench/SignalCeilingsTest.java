package dev.soakanalyzer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.soakanalyzer.core.analysis.ChangePointDetector;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The ceilings of docs/SIGNAL.md on fewer trials (seeded, so deterministic). Each test reading a
 * share of 4000 trials gets about two binomial standard errors plus the noise of a simulated 1%
 * critical value (3 points) of slack.
 */
class SignalCeilingsTest {
  private static final int TRIALS = 4000;
  private static final long SEED = 16;
  private static final double SLACK = 0.03;

  @Test
  void theTestsOrderAsTheirKnowledgeDoes() {
    // this test <= idealised (same statistic, exact level) <= phi known <= oracle (sigma known too)
    for (SignalCeilings.TrendCeiling c : SignalCeilings.trend(TRIALS, SEED)) {
      String cell = "n=%d phi=%.1f".formatted(c.n(), c.phi());
      assertThat(c.project()).as("this test, " + cell).isLessThanOrEqualTo(c.idealised() + SLACK);
      assertThat(c.idealised()).as("idealised, " + cell).isLessThanOrEqualTo(c.knownPhi() + SLACK);
      assertThat(c.knownPhi()).as("phi known, " + cell).isLessThanOrEqualTo(c.oracle() + SLACK);
    }
    // where phi is not 0, estimating it is what costs: the idealised test is clearly below
    SignalCeilings.TrendCeiling n48 = SignalCeilings.trend(48, 0.5, TRIALS, SEED);
    assertThat(n48.idealised()).isLessThan(n48.knownPhi() - SLACK / 2);
  }

  @Test
  void theKnownPhiTestIsAtTestOnTheTransformedSeries() {
    // Prais-Winsten makes the noise independent, so its 1% critical value is that of t(n - 2)
    int n = 48;
    double phi = 0.5;
    double[] gram = SignalBenchmark.praisWinstenGram(n, phi);
    double[] y = new double[n];
    double[] t = new double[20_000];
    SplittableRandom r = new SplittableRandom(SEED);
    for (int i = 0; i < t.length; i++) {
      SignalBenchmark.ar1(r, phi, y, n, 0.0);
      t[i] = Math.abs(SignalCeilings.glsT(y, n, phi, gram));
    }
    double exact = new TDistribution(null, n - 2).inverseCumulativeProbability(0.995);
    assertThat(SignalCeilings.upperQuantile(t)).isCloseTo(exact, within(0.12));
  }

  @Test
  void theIdealisedDetectorRejectsOnePercentOfFreshNullSeriesAndPlacesNoWorse() {
    List<SignalCeilings.ShiftCeiling> shifts = SignalCeilings.shifts(TRIALS, SEED);
    double threshold = shifts.get(0).threshold();
    // the project's detector is conservative on independent windows: its exact 1% level is above
    assertThat(threshold).isGreaterThan(ChangePointDetector.ALPHA);
    int n = SignalCeilings.SHIFT_N;
    double[] y = new double[n];
    int rejected = 0;
    SplittableRandom fresh = new SplittableRandom(SEED + 1);
    for (int i = 0; i < TRIALS; i++) {
      SignalBenchmark.ar1(fresh, 0.0, y, n, 0.0);
      rejected += ChangePointDetector.anyShiftPValue(y, n) < threshold ? 1 : 0;
    }
    // 40 expected; +-2.5 binomial sd and the threshold's own noise
    assertThat(rejected / (double) TRIALS).isBetween(0.005, 0.016);
    for (SignalCeilings.ShiftCeiling c : shifts) {
      assertThat(c.idealised()).as(c.label()).isGreaterThanOrEqualTo(c.project());
      assertThat(c.idealised()).as(c.label()).isLessThanOrEqualTo(c.oracle());
    }
  }
}
