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
  void ceilingsPutTheTestsThatKnowPhiAboveTheCalibratedOneAndPoolingFlagsRunsThatDifferInPhi() {
    CliRunner.Result r =
        CliRunner.run(work, Map.of(), "bench", "compare", "--ceilings", "--trials", "1000");
    assertThat(r.exitCode()).isZero();
    // | 48 | 0.5 | oracle | calibrated (x) | idealised (x) | phi known (x) | pooled (x) |
    String row =
        r.out().lines().filter(l -> l.startsWith("| 48 | 0.5 |")).findFirst().orElseThrow();
    double[] p = percentages(row);
    double oracle = p[0];
    double calibrated = p[1];
    double idealised = p[2];
    double phiKnown = p[3];
    assertThat(calibrated).isLessThan(idealised);
    assertThat(idealised).isLessThan(phiKnown);
    assertThat(phiKnown).isLessThanOrEqualTo(oracle + 3);
    // Two runs at one level, phi 0.8 against 0: the calibrated test stays near 1%, pooling does
    // not.
    String mixed =
        r.out()
            .lines()
            .filter(l -> l.startsWith("| 48 | 0.8 | 1000 | 0.0 |"))
            .findFirst()
            .orElseThrow();
    double[] m = percentages(mixed);
    assertThat(m[0]).isLessThanOrEqualTo(2.0);
    assertThat(m[1]).isGreaterThan(10.0);
  }

  private static double[] percentages(String row) {
    return java.util.regex.Pattern.compile("([0-9.]+)%")
        .matcher(row)
        .results()
        .mapToDouble(m -> Double.parseDouble(m.group(1)))
        .toArray();
  }

  @Test
  void aBadValueIsOneErrorLineAndExitTwo() {
    CliRunner.Result r = CliRunner.run(work, Map.of(), "bench", "compare", "--sd", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("error: ").contains("--sd").doesNotContain("\n");
  }
}
