package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means", in-process: against main's soak, the PR soak with one degraded metric
 * regresses that cell and --exit-on-regression exits 1; the same PR against a rerun of main's soak
 * does not; a baseline that is missing only warns; a malformed flag is exit 2.
 */
class AnalyzeBaselineTest {
  @TempDir Path work;
  private final ObjectMapper json = new ObjectMapper();

  private CliRunner.Result analyze(String... args) {
    return CliRunner.run(work, Map.of(), args);
  }

  private static String fixture(String set) {
    return CliRunner.fixtures().resolve(set).resolve("ITER_*.json").toString();
  }

  private JsonNode summary(String outDir) throws IOException {
    return json.readTree(work.resolve(outDir).resolve("SOAK_SUMMARY.json").toFile());
  }

  private void mainSoak(String set, String outDir) {
    var r =
        analyze(
            "analyze",
            "--iter-glob",
            fixture(set),
            "--out-dir",
            outDir,
            "--ref",
            "main",
            "--sha",
            "1a2b3c4d5e");
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  @Test
  void thePrWithOneDegradedMetricRegressesThatCellAndFailsTheGate() throws IOException {
    mainSoak("baseline_main", "main");
    var r =
        analyze(
            "analyze",
            "--iter-glob",
            fixture("baseline_pr_regressed"),
            "--out-dir",
            "pr",
            "--baseline",
            "main",
            "--exit-on-regression");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode s = summary("pr");
    assertThat(s.at("/comparison/regressed").asInt()).isEqualTo(1);
    assertThat(s.at("/comparison/baseline/ref").asText()).isEqualTo("main");
    assertThat(s.at("/symbols/BTCUSDT/edge_bps/baseline/status").asText()).isEqualTo("REGRESSED");
    assertThat(s.at("/symbols/BTCUSDT/edge_bps/baseline/change_pct").asDouble()).isLessThan(-15);
    assertThat(s.at("/symbols/ETHUSDT/edge_bps/baseline/status").asText()).isEqualTo("UNCHANGED");
    String report = Files.readString(work.resolve("pr/POST_SOAK_ANALYSIS.md"));
    assertThat(report)
        .contains("## Compared with baseline")
        .contains("- BTCUSDT edge\\_bps 3.09 -> 2.47");
  }

  @Test
  void thePrAgainstARerunOfMainIsNotARegressionButMainsRerunAgainstMainIsUnchanged()
      throws IOException {
    mainSoak("baseline_main", "main");
    var rerun =
        analyze(
            "analyze",
            "--iter-glob",
            fixture("baseline_main_rerun"),
            "--out-dir",
            "rerun",
            "--baseline",
            "main/SOAK_SUMMARY.json",
            "--exit-on-regression");
    assertThat(rerun.exitCode()).isZero();
    assertThat(summary("rerun").at("/comparison/regressed").asInt()).isZero();
    assertThat(summary("rerun").at("/comparison/unchanged").asInt()).isEqualTo(8);
  }

  @Test
  void theEarlierRunsWindowsAreABaselineToo() throws IOException {
    var r =
        analyze(
            "analyze",
            "--iter-glob",
            fixture("baseline_pr_regressed"),
            "--out-dir",
            "pr",
            "--baseline-glob",
            fixture("baseline_main"),
            "--baseline-branch",
            "main",
            "--exit-on-regression");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(summary("pr").at("/comparison/baseline/ref").asText()).isEqualTo("main");
  }

  @Test
  void aMissingOrUnreadableBaselineIsOneWarningAndNoComparison() throws IOException {
    Files.writeString(work.resolve("broken.json"), "{not json");
    for (String baseline : new String[] {"nowhere", "broken.json"}) {
      var r =
          analyze(
              "analyze",
              "--iter-glob",
              fixture("baseline_pr_regressed"),
              "--out-dir",
              "pr",
              "--baseline",
              baseline,
              "--exit-on-regression");
      assertThat(r.exitCode()).as(baseline).isZero();
      assertThat(r.err().lines().filter(l -> l.startsWith("warn: baseline")).count()).isEqualTo(1);
      assertThat(summary("pr").has("comparison")).isFalse();
    }
  }

  @Test
  void malformedBaselineFlagsAreUsageErrors() {
    var both =
        analyze(
            "analyze",
            "--iter-glob",
            fixture("baseline_pr_regressed"),
            "--baseline",
            "a",
            "--baseline-glob",
            "b");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("error: --baseline and --baseline-glob are alternatives");
    var pct =
        analyze(
            "analyze",
            "--iter-glob",
            fixture("baseline_pr_regressed"),
            "--baseline",
            "a",
            "--regression-min-change",
            "NaN");
    assertThat(pct.exitCode()).isEqualTo(2);
    assertThat(pct.err()).contains("--regression-min-change");
  }

  @Test
  void aSummaryCarriesWhatALaterRunNeedsAndNamesItsRun() throws IOException {
    mainSoak("baseline_main", "main");
    JsonNode cell = summary("main").at("/symbols/BTCUSDT/edge_bps");
    assertThat(cell.get("n").asInt()).isEqualTo(48);
    assertThat(cell.has("mean") && cell.has("sd") && cell.has("lag1")).isTrue();
    assertThat(summary("main").at("/meta/sha").asText()).isEqualTo("1a2b3c4d5e");
    assertThat(summary("main").has("comparison")).isFalse();
  }
}
