package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtremeValuesTest {
  @Test
  void theMedianOfTwoHugeValuesIsFiniteNotNull() {
    assertThat(Stats.median(new double[] {1e308, 1e308})).isEqualTo(1e308);
    assertThat(Stats.median(new double[] {-1e308, -1.7e308})).isEqualTo(-1.35e308);
    assertThat(Stats.median(new double[] {1, 2})).isEqualTo(1.5);
  }
}
