package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cross-run shift: found where there is one, and at most 1% false shifts where there is none.
 */
class RunHistoryTextTest {

  /**
   * Seeded Monte-Carlo: trendless runs (white noise and AR(1) phi 0.5, 20 and 40 runs, every fifth
   * run missing the cell) flag a shift in at most 1% of histories, the calibration's promise, with
   * a binomial allowance of 3 standard errors for 2000 draws.
   */
  @Test
  void trendlessHistoriesShowAtMostOnePercentFalseShifts() {
    Random rnd = new Random(7);
    int draws = 2000;
    double allowance = 0.01 + 3 * Math.sqrt(0.01 * 0.99 / draws);
    for (double phi : new double[] {0.0, 0.5}) {
      for (int runs : new int[] {20, 40}) {
        int flagged = 0;
        for (int d = 0; d < draws; d++) {
          double[] medians = new double[runs];
          double x = rnd.nextGaussian();
          for (int i = 0; i < runs; i++) {
            x = phi * x + Math.sqrt(1 - phi * phi) * rnd.nextGaussian();
            medians[i] = i % 5 == 4 ? Double.NaN : 3.0 + 0.1 * x;
          }
          if (RunHistoryText.cell("BTCUSDT", "edge_bps", medians).shift() != null) {
            flagged++;
          }
        }
        assertThat((double) flagged / draws)
            .as("false shifts, phi %s, %d runs", phi, runs)
            .isLessThanOrEqualTo(allowance);
      }
    }
  }

  @Test
  void aStepIsNamedAtItsFirstRunAndMissingRunsKeepTheirPlace() {
    double[] medians = new double[40];
    Random rnd = new Random(11);
    for (int i = 0; i < 40; i++) {
      medians[i] = (i < 24 ? 3.05 : 2.41) + 0.02 * rnd.nextGaussian();
    }
    medians[3] = Double.NaN;
    List<RunHistoryText.Run> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      runs.add(
          new RunHistoryText.Run(
              "2026-12-" + (i < 9 ? "0" : "") + (i + 1) % 32, "sha" + i, "main"));
    }

    RunHistoryText.Cell cell = RunHistoryText.cell("BTCUSDT", "edge_bps", medians);

    assertThat(cell.shift()).isNotNull();
    assertThat(cell.shift().run()).isEqualTo(24);
    assertThat(RunHistoryText.sentence(cell, runs))
        .startsWith("BTCUSDT edge_bps fell from 3.05 to 2.41 at run ")
        .endsWith(" sha24 (main)");
    String text = RunHistoryText.render("history", runs, List.of(cell));
    assertThat(text).contains(" - ").contains("fell from");
  }

  @Test
  void tooFewRunsSayNoShiftWasTested() {
    RunHistoryText.Cell cell = RunHistoryText.cell("ETHUSDT", "edge_bps", new double[] {1, 2, 3});
    String text =
        RunHistoryText.render(
            "h",
            List.of(
                new RunHistoryText.Run("2026-12-01", "a", null),
                new RunHistoryText.Run("2026-12-02", "b", null),
                new RunHistoryText.Run("2026-12-03", "c", null)),
            List.of(cell));
    assertThat(text).contains("no shift tested (3 runs, 13 needed)");
    assertThat(RunHistoryText.render("h", List.of(), List.of())).contains("no runs in the history");
  }
}
