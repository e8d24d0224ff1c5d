package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCompareCommandTest {
  @TempDir Path work;

  @Test
  void printsTheSameTablesTwiceForTheSameSeed() {
    String[] args = {"bench", "compare", "--phi", "0.5", "--trials", "100"};
    CliRunner.Result first = CliRunner.run(work, Map.of(), args);
    CliRunner.Result second = CliRunner.run(work, Map.of(), args);
    assertThat(first.exitCode()).isZero();
    assertThat(first.out())
        .contains(
            "| n current | n baseline | phi | false: naive Welch | AR(1) plug-in | calibrated |")
        .contains("| 24 | 1000 | 0.5 | ")
        .contains(
            "| n each | phi | power: naive Welch | calibrated | oracle | calibrated / oracle |")
        .contains("| 48 | 0.5 | ");
    assertThat(second.out()).isEqualTo(first.out());
  }

  @Test
  void aBadValueIsOneErrorLineAndExitTwo() {
    CliRunner.Result r = CliRunner.run(work, Map.of(), "bench", "compare", "--sd", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("error: ").contains("--sd").doesNotContain("\n");
  }
}
