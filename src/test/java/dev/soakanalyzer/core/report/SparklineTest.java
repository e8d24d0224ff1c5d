package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparklineTest {

  @Test
  void minIsLowestBlockAndMaxIsHighest() {
    assertThat(Sparkline.render(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 8)).isEqualTo("▁▂▃▄▅▆▇█");
  }

  @Test
  void shortSeriesIsDrawnPointByPoint() {
    assertThat(Sparkline.render(new double[] {0, 10}, 8)).isEqualTo("▁█");
  }

  @Test
  void flatSeriesIsOneMiddleBlockRepeated() {
    assertThat(Sparkline.render(new double[] {3, 3, 3, 3}, 8)).isEqualTo("▄▄▄▄");
  }

  @Test
  void noValuesRendersNotAvailable() {
    assertThat(Sparkline.render(new double[0], 12)).isEqualTo("n/a");
  }

  @Test
  void longSeriesIsCutIntoWidthChunksOfTheirMeans() {
    double[] points = new double[24];
    for (int i = 0; i < 24; i++) {
      points[i] = i < 12 ? 0 : 1;
    }
    assertThat(Sparkline.chunkMeans(points, 8)).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
    assertThat(Sparkline.render(points, 8)).isEqualTo("▁▁▁▁████");
    assertThat(Sparkline.render(points, 12)).hasSize(12);
  }

  @Test
  void chunksHaveNearEqualSizesWhenWidthDoesNotDivideLength() {
    double[] points = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // chunks of 3,3,4 -> means 2, 5, 8.5
    assertThat(Sparkline.chunkMeans(points, 3)).containsExactly(2.0, 5.0, 8.5);
  }

  @Test
  void floatingPointNoiseFromBucketMeansIsFlatNotVolatile() {
    double third = (0.1 + 0.2 + 0.3) / 3; // 0.20000000000000004
    assertThat(Sparkline.render(new double[] {0.2, third, 0.2, third, 0.2, third}, 8))
        .isEqualTo("▄▄▄▄▄▄");
  }

  @Test
  void numbersKeepTheMetricsDecimalsAndBoundsAtLeastTwo() {
    assertThat(Numbers.format(2.80, 2)).isEqualTo("2.80");
    assertThat(Numbers.format(2.456, 2)).isEqualTo("2.46");
    assertThat(Numbers.format(359.6, 0)).isEqualTo("360");
    assertThat(Numbers.format(-0.0001, 2)).isEqualTo("0.00");
    assertThat(Numbers.format(Double.NaN, 2)).isEqualTo("n/a");
    assertThat(Numbers.withUnit(2.45, 2, " bps")).isEqualTo("2.45 bps");
    assertThat(Numbers.plain(0.80)).isEqualTo("0.8");
    assertThat(Numbers.plain(350)).isEqualTo("350");
    assertThat(Numbers.format(0.78, 3)).isEqualTo("0.780");
    assertThat(Numbers.bound(0.8, 3)).isEqualTo("0.80");
    assertThat(Numbers.bound(2.5, 2)).isEqualTo("2.50");
    assertThat(Numbers.bound(350, 0)).isEqualTo("350");
    assertThat(Numbers.bound(0.455, 3)).isEqualTo("0.455");
    assertThat(Numbers.delta(2.28, 2.4, 2)).isEqualTo("-0.12");
    assertThat(Numbers.delta(0.8501, 0.85, 3)).isNull();
  }

  @Test
  void markdownEscapingNeutralisesTablesHtmlLinksAndMentions() {
    String hostile = "X|<img src=x>[a](http://e) @team\n![i](u)";
    String escaped = Markdown.escapeCell(hostile);
    assertThat(escaped)
        .doesNotContain("<img")
        .doesNotContain("\n")
        .doesNotContain("[a](")
        .doesNotContain("@team")
        .doesNotContain("http://")
        .contains("\\[a\\]", "!\\[i\\]", "\\|");
  }
}
