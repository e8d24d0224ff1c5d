package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.soakanalyzer.core.model.SampleStats;
import org.junit.jupiter.api.Test;

class MeanComparisonTest {

  @Test
  void statsAreTheCountMeanSampleSdLag1AndMedian() {
    SampleStats s = MeanComparison.stats(new double[] {1, 2, 3, 4});
    assertThat(s.n()).isEqualTo(4);
    assertThat(s.mean()).isEqualTo(2.5);
    assertThat(s.sd()).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
    // (-1.5*-0.5 + -0.5*0.5 + 0.5*1.5) / 5
    assertThat(s.lag1()).isCloseTo(1.25 / 5, within(1e-12));
    assertThat(s.median()).isEqualTo(2.5);
  }

  @Test
  void identicalRunsAreNoChangeAndTwoFlatRunsAtDifferentLevelsAreACertainOne() {
    SampleStats s = new SampleStats(48, 3.0, 0.3, 0.2, 3.0);
    assertThat(MeanComparison.pValue(s, s)).isEqualTo(1.0);
    SampleStats flatA = new SampleStats(30, 3.0, 0.0, 0.0, 3.0);
    SampleStats flatB = new SampleStats(30, 2.0, 0.0, 0.0, 2.0);
    assertThat(MeanComparison.pValue(flatA, flatB)).isEqualTo(0.0);
    assertThat(MeanComparison.pValue(flatA, flatA)).isEqualTo(1.0);
  }

  @Test
  void aBaselineWithOnlyAMedianOrTooFewWindowsIsNotTested() {
    SampleStats now = new SampleStats(48, 3.0, 0.3, 0.2, 3.0);
    assertThat(MeanComparison.pValue(now, SampleStats.medianOnly(3.1))).isNaN();
    assertThat(MeanComparison.pValue(now, new SampleStats(2, 3.0, 0.3, 0.0, 3.0))).isNaN();
  }

  @Test
  void correlatedWindowsWidenTheTestSoTheSameShiftIsLessSignificant() {
    SampleStats base = new SampleStats(100, 3.0, 0.3, 0.0, 3.0);
    SampleStats shifted = new SampleStats(100, 2.85, 0.3, 0.0, 2.85);
    SampleStats baseAr = new SampleStats(100, 3.0, 0.3, 0.6, 3.0);
    SampleStats shiftedAr = new SampleStats(100, 2.85, 0.3, 0.6, 2.85);
    double independent = MeanComparison.pValue(shifted, base);
    double correlated = MeanComparison.pValue(shiftedAr, baseAr);
    assertThat(independent).isLessThan(0.01);
    assertThat(correlated).as("the same shift on windows correlated at 0.6").isGreaterThan(0.05);
    assertThat(MeanComparison.plugInPValue(shiftedAr, baseAr)).isLessThan(correlated);
  }
}
