package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Direction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MermaidChartTest {

  private static int[] windows(int from, int count) {
    int[] w = new int[count];
    for (int i = 0; i < count; i++) {
      w[i] = from + i;
    }
    return w;
  }

  @Test
  void drawsTheValuesAndTheBoundsInAnExplicitPaletteLabelledWithTheRealWindows() {
    String chart =
        MermaidChart.render(
            "ETHUSDT · edge_bps",
            "edge_bps",
            new int[] {7, 8, 9},
            new double[] {2.6, 2.4, 1.9},
            Direction.LOW_IS_BAD,
            2.5,
            2.0,
            2,
            24);

    assertThat(chart)
        .startsWith("```mermaid\n---\nconfig:\n")
        .contains("plotColorPalette: \"#0969DA, #BF8700, #CF222E\"")
        .contains("  x-axis \"window\" [\"7\", \"8\", \"9\"]\n")
        .contains("  y-axis \"edge_bps\" 1.83 --> 2.67\n  line [2.6, 2.4, 1.9]\n")
        .contains("  line [2.5, 2.5, 2.5]\n  line [2, 2, 2]\n```\n")
        .contains("WARN &lt; 2.50 · 🟥 CRIT &lt; 2.00 · windows 7–9");
  }

  @Test
  void aLongSeriesKeepsEachChunksWorstValueSoASpikeIsDrawnAboveTheCritLineAtItsWindow() {
    // 200 windows 101..300 at 300 ms with one 900 ms spike at window 250 (CRIT bound 400).
    double[] values = new double[200];
    Arrays.fill(values, 300);
    values[149] = 900;
    String chart =
        MermaidChart.render(
            "x", "p95", windows(101, 200), values, Direction.HIGH_IS_BAD, 350, 400, 0, 24);

    String line = chart.lines().filter(l -> l.startsWith("  line [")).findFirst().orElseThrow();
    assertThat(line.split(",")).hasSize(24);
    assertThat(line).contains("900");
    String axis = chart.lines().filter(l -> l.startsWith("  x-axis")).findFirst().orElseThrow();
    assertThat(axis).contains("\"250\"").contains("\"101\"");
    assertThat(chart).contains("highest of every ~9 windows").contains("windows 101–300");
  }

  @Test
  void lowIsBadChunksKeepTheirLowestValue() {
    double[] values = new double[100];
    Arrays.fill(values, 3.0);
    values[42] = 1.2;
    MermaidChart.Points p =
        MermaidChart.worstPerChunk(windows(1, 100), values, Direction.LOW_IS_BAD, 10);
    assertThat(p.values()).hasSize(10).contains(1.2);
    assertThat(p.windows()).contains(43);
  }

  @Test
  void gapsInTheWindowsAreNotedInTheKey() {
    String chart =
        MermaidChart.render(
            "x",
            "y",
            new int[] {1, 2, 5},
            new double[] {1, Double.NaN, 2},
            Direction.HIGH_IS_BAD,
            3,
            4,
            0,
            24);
    assertThat(chart).contains("[\"1\", \"5\"]").contains("windows 1–5, 3 without a value");
  }

  @Test
  void aLevelShiftIsMarkedOnTheXAxisAtItsWindow() {
    String chart =
        MermaidChart.render(
            "x",
            "y",
            windows(15, 6),
            new double[] {3, 3, 2, 2, 2, 2},
            Direction.LOW_IS_BAD,
            2.5,
            2.0,
            2,
            24,
            17);
    assertThat(chart)
        .contains("  x-axis \"window\" [\"15\", \"16\", \"▼17\", \"18\", \"19\", \"20\"]\n");
  }

  @Test
  void theMarkerFollowsItsWindowIntoItsChunk() {
    double[] values = new double[10_000];
    String chart =
        MermaidChart.render(
            "x", "y", windows(1, 10_000), values, Direction.LOW_IS_BAD, 2.5, 2.0, 2, 24, 5_001);
    String axis = chart.lines().filter(l -> l.startsWith("  x-axis")).findFirst().orElseThrow();
    assertThat(axis.split(",")).hasSize(24);
    // Chunk 12 of 24 covers windows 5001..5417.
    assertThat(axis.split(",")[12]).contains("▼5001");
    assertThat(axis).containsOnlyOnce("▼");
  }

  @Test
  void titlesCannotBreakOutOfTheFence() {
    String chart =
        MermaidChart.render(
            "a\"\n```\n<b>",
            "y",
            new int[] {1, 2},
            new double[] {1, 2},
            Direction.LOW_IS_BAD,
            1,
            0.5,
            2,
            24);
    assertThat(chart).contains("title \"a").doesNotContain("<b>");
    assertThat(chart.split("```", -1)).hasSize(3);
  }

  @Test
  void noValueDrawsNothing() {
    assertThat(
            MermaidChart.render(
                "x",
                "y",
                new int[] {1},
                new double[] {Double.NaN},
                Direction.LOW_IS_BAD,
                1,
                2,
                2,
                24))
        .isEmpty();
  }

  @Test
  void aBaselineIsAFlatGreyFourthLineInsideTheAxisAndNamedInTheKey() {
    // Baseline median 3.09 lies above every value and bound: the y-axis must reach it.
    String chart =
        MermaidChart.render(
            "BTCUSDT · edge_bps",
            "edge_bps",
            new int[] {7, 8, 9},
            new double[] {2.6, 2.4, 1.9},
            Direction.LOW_IS_BAD,
            2.5,
            2.0,
            2,
            24,
            0,
            3.09);

    assertThat(chart)
        .contains("plotColorPalette: \"#0969DA, #BF8700, #CF222E, #8C959F\"")
        .contains("  y-axis \"edge_bps\" 1.781 --> 3.209\n")
        .contains("  line [2, 2, 2]\n  line [3.09, 3.09, 3.09]\n```\n")
        .contains("🟥 CRIT &lt; 2.00 · baseline (grey) median 3.09 · windows 7–9");
    String without =
        MermaidChart.render(
            "x",
            "edge_bps",
            new int[] {7, 8, 9},
            new double[] {2.6, 2.4, 1.9},
            Direction.LOW_IS_BAD,
            2.5,
            2.0,
            2,
            24,
            0,
            Double.NaN);
    assertThat(without).doesNotContain("baseline").contains("#CF222E\"");
    assertThat(without.lines().filter(l -> l.startsWith("  line ["))).hasSize(3);
  }
}
