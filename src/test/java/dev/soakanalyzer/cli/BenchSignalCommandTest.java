package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSignalCommandTest {
  @TempDir Path work;

  @Test
  void printsTheSameTableTwiceForTheSameSeed() {
    String[] args = {"bench", "signal", "--n", "24", "--phi", "0.5", "--trials", "200"};
    CliRunner.Result first = CliRunner.run(work, Map.of(), args);
    CliRunner.Result second = CliRunner.run(work, Map.of(), args);
    assertThat(first.exitCode()).isZero();
    assertThat(first.out())
        .contains("| n | phi | false: guide arrow | OLS | calibrated |")
        .contains("| 24 | 0.5 | ")
        .contains("| 1 sd at window 24 | 48 |");
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void ceilingsPrintOneRowPerUnmetCellInsteadOfTheTable() {
    CliRunner.Result r =
        CliRunner.run(work, Map.of(), "bench", "signal", "--ceilings", "--trials", "200");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("| oracle | this test | idealised plug-in | phi known, sigma estimated |")
        .contains("| n = 48, phi = 0.0 | 29.7% | ")
        .contains("| n = 48, phi = 0.5 | 9.3% | ")
        .contains("| n = 200, phi = 0.5 | 43.2% | ")
        .contains("| 1-sd step at window 24, found within ±2 | ")
        .contains("| 2-sd dip over windows 16-31, both edges within ±2 | ")
        .doesNotContain("false: guide arrow");
  }

  @Test
  void tooFewTrialsIsOneErrorLineAndExitTwo() {
    CliRunner.Result r = CliRunner.run(work, Map.of(), "bench", "signal", "--trials", "5");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("error: ").contains("--trials").doesNotContain("\n");
  }
}
