package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.soakanalyzer.core.model.ChangePoint;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChangePointDetectorTest {

  @Test
  void theWrittenOutHermiteRuleIsTheLibrarysBitForBit() {
    var rule =
        new org.apache.commons.math3.analysis.integration.gauss.HermiteRuleFactory()
            .getRule(BridgeTails.NODES.length);
    double[] nodes = new double[BridgeTails.NODES.length];
    double[] weights = new double[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = Math.sqrt(2) * rule.getFirst()[i];
      weights[i] = rule.getSecond()[i] / Math.sqrt(Math.PI);
    }
    assertThat(BridgeTails.NODES).hasSize(24).containsExactly(nodes);
    assertThat(BridgeTails.WEIGHTS).containsExactly(weights);
  }

  @Test
  void aClearDropIsFoundAtTheFirstWindowOfTheNewLevelWithMediansOfBothSides() {
    SplittableRandom r = new SplittableRandom(7);
    int n = 48;
    int[] w = new int[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = i + 1; // window indices start at 1
      y[i] = (i < 16 ? 3.05 : 2.41) + 0.05 * r.nextGaussian();
    }
    ChangePoint cp = ChangePointDetector.detect(w, y, n);
    assertThat(cp).isNotNull();
    assertThat(cp.windowIndex()).isEqualTo(17);
    assertThat(cp.before()).isCloseTo(3.05, within(0.05));
    assertThat(cp.after()).isCloseTo(2.41, within(0.05));
    assertThat(cp.fell()).isTrue();
    assertThat(cp.pValue()).isLessThan(1e-4);
  }

  @Test
  void windowIndicesWithGapsAreReportedAsTheRealWindow() {
    int[] w = new int[30];
    double[] y = new double[30];
    for (int i = 0; i < 30; i++) {
      w[i] = 100 + 2 * i;
      y[i] = (i < 10 ? 1.0 : 5.0) + (i % 3) * 0.01;
    }
    assertThat(ChangePointDetector.detect(w, y, 30).windowIndex()).isEqualTo(120);
  }

  @Test
  void independentNoiseWithoutAShiftHasNoChangePoint() {
    SplittableRandom r = new SplittableRandom(3);
    double[] y = new double[200];
    int[] w = new int[200];
    for (int i = 0; i < 200; i++) {
      w[i] = i;
      y[i] = 3.0 + 0.3 * r.nextGaussian();
    }
    assertThat(ChangePointDetector.detect(w, y, 200)).isNull();
  }

  @Test
  void shortOrConstantSeriesHaveNone() {
    assertThat(ChangePointDetector.detect(new int[] {1, 2, 3, 4}, new double[] {1, 1, 9, 9}, 4))
        .isNull();
    int[] w = new int[20];
    double[] flat = new double[20];
    java.util.Arrays.fill(flat, 2.5);
    assertThat(ChangePointDetector.detect(w, flat, 20)).isNull();
    // floating-point noise of bucket means is not a shift
    for (int i = 10; i < 20; i++) {
      flat[i] = Math.nextUp(2.5);
    }
    assertThat(ChangePointDetector.detect(w, flat, 20)).isNull();
  }

  @Test
  void aDipAndItsRecoveryAreTwoShiftsEachWithARangeAroundIt() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 48;
    int[] w = new int[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = i + 1;
      y[i] = (i >= 16 && i < 32 ? 2.41 : 3.05) + 0.08 * r.nextGaussian();
    }
    List<ChangePoint> shifts = ChangePointDetector.detectAll(w, y, n);
    assertThat(shifts).extracting(ChangePoint::windowIndex).containsExactly(17, 33);
    assertThat(shifts.get(0).fell()).isTrue();
    assertThat(shifts.get(1).fell()).isFalse();
    assertThat(shifts.get(1).after()).isCloseTo(3.05, within(0.05));
    for (ChangePoint cp : shifts) {
      assertThat(cp.windowLo()).isLessThanOrEqualTo(cp.windowIndex());
      assertThat(cp.windowHi()).isGreaterThanOrEqualTo(cp.windowIndex());
      assertThat(cp.windowHi() - cp.windowLo()).isLessThan(6);
    }
    // the single answer is the most significant of them
    assertThat(ChangePointDetector.detect(w, y, n)).isEqualTo(ChangePoint.mostSignificant(shifts));
  }

  @Test
  void aNoisierStepGetsAWiderRange() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 100;
    int[] w = new int[n];
    double[] clear = new double[n];
    double[] noisy = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = i;
      double z = r.nextGaussian();
      clear[i] = (i < 50 ? 3 : 2) + 0.1 * z;
      noisy[i] = (i < 50 ? 3 : 2) + 0.5 * z;
    }
    ChangePoint sharp = ChangePointDetector.detect(w, clear, n);
    ChangePoint wide = ChangePointDetector.detect(w, noisy, n);
    assertThat(sharp.windowHi() - sharp.windowLo()).isLessThan(wide.windowHi() - wide.windowLo());
  }

  @Test
  void kuiperTailMatchesKnownQuantiles() {
    // P(V > 2.001) = 0.01, P(V > 1.747) = 0.05 (range of a Brownian bridge)
    assertThat(BridgeTails.kuiperTail(2.001)).isCloseTo(0.01, within(1e-4));
    assertThat(BridgeTails.kuiperTail(1.747)).isCloseTo(0.05, within(2e-4));
    assertThat(BridgeTails.studentizedKuiper(2.001, 10)).isGreaterThan(0.01);
  }

  @Test
  void kolmogorovTailMatchesKnownQuantiles() {
    // P(K > 1.6276) = 0.01, P(K > 1.3581) = 0.05
    assertThat(BridgeTails.kolmogorovTail(1.6276)).isCloseTo(0.01, within(1e-4));
    assertThat(BridgeTails.kolmogorovTail(1.3581)).isCloseTo(0.05, within(1e-4));
    // A studentized statistic on few degrees of freedom has heavier tails
    assertThat(BridgeTails.studentizedKolmogorov(1.6276, 10)).isGreaterThan(0.01);
    assertThat(BridgeTails.studentizedKolmogorov(1.6276, 1e6)).isCloseTo(0.01, within(2e-4));
  }
}
