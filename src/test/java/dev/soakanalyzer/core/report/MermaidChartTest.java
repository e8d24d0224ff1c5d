package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MermaidChartTest {

  @Test
  void drawsTheValuesAndTheWarnAndCritLines() {
    String chart =
        MermaidChart.render(
            "ETHUSDT · edge_bps", "edge_bps", new double[] {2.6, 2.4, 1.9}, 2.5, 2.0, 48);

    assertThat(chart)
        .isEqualTo(
            "```mermaid\nxychart-beta\n  title \"ETHUSDT · edge_bps\"\n  x-axis \"window\" 1 --> 3\n"
                + "  y-axis \"edge_bps\" 1.83 --> 2.67\n  line [2.6, 2.4, 1.9]\n"
                + "  line [2.5, 2.5, 2.5]\n  line [2, 2, 2]\n```\n");
  }

  @Test
  void longSeriesAreAveragedIntoAtMostMaxPoints() {
    double[] points = new double[10_000];
    java.util.Arrays.fill(points, 3.0);
    String chart = MermaidChart.render("x", "y", points, 2.5, 2.0, 48);
    String line = chart.lines().filter(l -> l.startsWith("  line [")).findFirst().orElseThrow();
    assertThat(line.split(",")).hasSize(48);
  }

  @Test
  void aLevelShiftIsMarkedOnACategoricalXAxis() {
    String chart =
        MermaidChart.render("x", "y", new double[] {3, 3, 3, 2, 2, 2}, 2.5, 2.0, 48, 3, 17);
    assertThat(chart)
        .contains("  x-axis \"window\" [\"1\", \"2\", \"3\", \"▼17\", \"5\", \"6\"]\n");
  }

  @Test
  void theMarkerFollowsItsPointIntoItsChunk() {
    assertThat(MermaidChart.chunkOf(0, 10_000, 48)).isZero();
    assertThat(MermaidChart.chunkOf(5_000, 10_000, 48)).isEqualTo(24);
    assertThat(MermaidChart.chunkOf(9_999, 10_000, 48)).isEqualTo(47);
    assertThat(MermaidChart.chunkOf(-1, 10, 48)).isEqualTo(-1);
    double[] points = new double[10_000];
    String chart = MermaidChart.render("x", "y", points, 2.5, 2.0, 48, 5_000, 5_001);
    String axis = chart.lines().filter(l -> l.startsWith("  x-axis")).findFirst().orElseThrow();
    assertThat(axis.split(",")).hasSize(48);
    assertThat(axis).contains("\"24\", \"▼5001\", \"26\"");
  }

  @Test
  void titlesCannotBreakOutOfTheFence() {
    String chart = MermaidChart.render("a\"\n```\n<b>", "y", new double[] {1, 2}, 1, 0.5, 48);
    assertThat(chart).contains("title \"a").doesNotContain("<b>");
    assertThat(chart.split("```", -1)).hasSize(3);
  }

  @Test
  void noValueDrawsNothing() {
    assertThat(MermaidChart.render("x", "y", new double[] {Double.NaN}, 1, 2, 48)).isEmpty();
  }
}
