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

/** The guide's five test scenarios and the exit-code contract, run in-process. */
class AnalyzeCommandTest {
  @TempDir Path work;
  private final ObjectMapper json = new ObjectMapper();

  private CliRunner.Result analyze(String... args) {
    return CliRunner.run(work, Map.of(), args);
  }

  private String fixture(String set) {
    return CliRunner.fixtures().resolve(set).resolve("ITER_*.json").toString();
  }

  private JsonNode read(String file) throws IOException {
    return json.readTree(work.resolve("reports/analysis").resolve(file).toFile());
  }

  @Test
  void allOkExitsZeroWithVerdictOkAndNoViolations() throws IOException {
    var r = analyze("analyze", "--iter-glob", fixture("soak_ok"), "--min-windows", "8");
    assertThat(r.exitCode()).isZero();
    assertThat(read("VIOLATIONS.json").size()).isZero();
    assertThat(Files.readString(work.resolve("reports/analysis/VIOLATIONS.json")))
        .isEqualTo("[]\n");
    assertThat(read("SOAK_SUMMARY.json").at("/overall/verdict").asText()).isEqualTo("OK");
    assertThat(Files.readString(work.resolve("reports/analysis/POST_SOAK_ANALYSIS.md")))
        .contains("✅ **OK**");
  }

  @Test
  void critWithExitOnCritExitsOneAndListsCritViolations() throws IOException {
    var r = analyze("analyze", "--iter-glob", fixture("soak_crit"), "--exit-on-crit");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(read("VIOLATIONS.json").get(0).get("level").asText()).isEqualTo("CRIT");
    assertThat(Files.readString(work.resolve("reports/analysis/POST_SOAK_ANALYSIS.md")))
        .contains("❌ **CRIT**");
  }

  @Test
  void critWithoutExitOnCritExitsZero() {
    assertThat(analyze("analyze", "--iter-glob", fixture("soak_crit")).exitCode()).isZero();
  }

  @Test
  void warnIsNonBlockingAndRecommendationsAreWritten() throws IOException {
    var r = analyze("analyze", "--iter-glob", fixture("soak_warn"), "--exit-on-crit");
    assertThat(r.exitCode()).isZero();
    assertThat(read("SOAK_SUMMARY.json").at("/overall/verdict").asText()).isEqualTo("WARN");
    assertThat(Files.readString(work.resolve("reports/analysis/RECOMMENDATIONS.md")))
        .startsWith("# Рекомендации по оптимизации")
        .contains("## ETHUSDT", "### ⚠️ Низкий edge (");
  }

  @Test
  void tooFewWindowsWarnsInTheReportAndTheAnalysisGoesOn() throws IOException {
    var r = analyze("analyze", "--iter-glob", fixture("soak_short"), "--min-windows", "24");
    assertThat(r.exitCode()).isZero();
    assertThat(Files.readString(work.resolve("reports/analysis/POST_SOAK_ANALYSIS.md")))
        .contains("⚠️ WARNING: Only 8 windows analyzed (24 required for statistical significance)");
    assertThat(read("SOAK_SUMMARY.json").get("insufficient_windows").asBoolean()).isTrue();
  }

  @Test
  void symbolFilterKeepsOnlyTheListedSymbols() throws IOException {
    var r =
        analyze("analyze", "--iter-glob", fixture("soak_multi"), "--symbols", "BTCUSDT,ETHUSDT");
    assertThat(r.exitCode()).isZero();
    assertThat(read("SOAK_SUMMARY.json").get("symbols").fieldNames())
        .toIterable()
        .containsExactly("BTCUSDT", "ETHUSDT");
  }

  @Test
  void noMatchingFileIsExitTwoWithOneErrorLineAndNothingWritten() throws IOException {
    Path out = work.resolve("reports/analysis");
    Files.createDirectories(out);
    Files.writeString(out.resolve("SOAK_SUMMARY.json"), "previous");
    var r = analyze("analyze", "--iter-glob", "nothing/ITER_*.json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: no ITER_SUMMARY windows matched 'nothing/ITER_*.json'\n");
    assertThat(Files.readString(out.resolve("SOAK_SUMMARY.json"))).isEqualTo("previous");
    assertThat(out.resolve("POST_SOAK_ANALYSIS.md")).doesNotExist();
  }

  @Test
  void onlyUnusableFilesIsExitTwoToo() throws IOException {
    Files.writeString(work.resolve("ITER_1.json"), "{broken");
    var r = analyze("analyze", "--iter-glob", "ITER_*.json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains("warn: skipped ITER_1.json: not valid JSON")
        .contains("error: no ITER_SUMMARY windows matched 'ITER_*.json'");
  }

  @Test
  void contradictoryThresholdsAreAUsageErrorNamingEachProblem() {
    var r =
        analyze(
            "analyze",
            "--iter-glob",
            fixture("soak_ok"),
            "--warn-edge",
            "2.5",
            "--crit-edge",
            "3",
            "--warn-risk",
            "0.6",
            "--crit-risk",
            "0.5");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().lines())
        .containsExactly(
            "error: CRIT threshold of edge_bps (3) must be at most its WARN threshold (2.5)",
            "error: CRIT threshold of risk_ratio (0.5) must be at least its WARN threshold (0.6)");
    assertThat(work.resolve("reports")).doesNotExist();
  }

  @Test
  void badFlagValueIsExitTwoWithTheFlagNamed() {
    var r = analyze("analyze", "--iter-glob", fixture("soak_ok"), "--min-windows", "many");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: ").contains("--min-windows").contains("many");
  }

  @Test
  void missingIterGlobIsExitTwo() {
    var r = analyze("analyze");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--iter-glob");
  }

  @Test
  void noEmitSummarySkipsOnlyTheSummary() {
    var r = analyze("analyze", "--iter-glob", fixture("soak_ok"), "--no-emit-summary");
    assertThat(r.exitCode()).isZero();
    assertThat(work.resolve("reports/analysis/SOAK_SUMMARY.json")).doesNotExist();
    assertThat(work.resolve("reports/analysis/VIOLATIONS.json")).exists();
  }

  @Test
  void verbosePrintsTheMiniPlots() {
    var r = analyze("analyze", "--iter-glob", fixture("soak_warn"), "--verbose");
    assertThat(r.out()).contains("MINI-PLOTS SUMMARY", "Edge(bps)", "ETHUSDT");
  }

  @Test
  void helpReadsLikeTheGuidesTables() {
    var r = analyze("analyze", "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains(
            "--iter-glob",
            "--out-dir",
            "reports/analysis",
            "--min-windows",
            "--symbols",
            "--time-buckets",
            "--warn-edge",
            "--crit-edge",
            "--warn-maker",
            "--crit-maker",
            "--warn-lat",
            "--crit-lat",
            "--warn-risk",
            "--crit-risk",
            "--exit-on-crit",
            "--[no-]emit-summary",
            "--verbose");
  }

  @Test
  void relativeGlobAndOutDirResolveAgainstTheWorkingDirectory() throws IOException {
    Path sub = work.resolve("artifacts/soak/latest");
    Files.createDirectories(sub);
    Files.writeString(
        sub.resolve("ITER_SUMMARY_1.json"), "{\"symbol\":\"BTCUSDT\",\"edge_bps\":3}");
    var r =
        analyze(
            "analyze",
            "--iter-glob",
            "artifacts/soak/latest/ITER_SUMMARY_*.json",
            "--out-dir",
            "out");
    assertThat(r.exitCode()).isZero();
    assertThat(work.resolve("out/POST_SOAK_ANALYSIS.md")).exists();
  }
}
