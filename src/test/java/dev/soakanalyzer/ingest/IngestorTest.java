package dev.soakanalyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.model.ThresholdSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTest {
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  private void file(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, json);
  }

  private SoakData ingest(String glob, List<String> symbols) {
    var settings =
        new AnalysisSettings(MetricCatalog.STANDARD, ThresholdSet.STANDARD, 24, 1, symbols, null);
    return new Ingestor(settings, warnings::add).ingest(dir, glob);
  }

  @Test
  void windowsAreOrderedNumericallyFromTheFirstIntegerOfTheFileName() throws IOException {
    for (int i : new int[] {10, 2, 1}) {
      file(
          "ITER_SUMMARY_" + i + "_1000PEPEUSDT.json",
          "{\"symbol\":\"PEPE\",\"edge_bps\":" + i + "}");
    }
    SoakData data = ingest("ITER_SUMMARY_*.json", List.of());
    assertThat(data.series().get(0).windows()).containsExactly(1, 2, 10);
    assertThat(data.series().get(0).column(0)).containsExactly(1, 2, 10);
  }

  @Test
  void iterationFieldWinsOverTheFileNameAndPositionIsTheLastResort() throws IOException {
    file("a/ITER_5.json", "{\"iteration\":42,\"symbol\":\"S\",\"edge_bps\":1}");
    file("b/nonumber.json", "{\"symbol\":\"T\",\"edge_bps\":1}");
    SoakData data = ingest("**/*.json", List.of());
    assertThat(data.series()).extracting(s -> s.windows()[0]).containsExactly(42, 2);
  }

  @Test
  void doubleStarMatchesZeroOrMoreDirectories() throws IOException {
    file("ITER_1.json", "{\"symbol\":\"S\",\"edge_bps\":1}");
    file("x/y/ITER_2.json", "{\"symbol\":\"S\",\"edge_bps\":2}");
    file("x/other.txt", "nope");
    assertThat(ingest("**/ITER_*.json", List.of()).series().get(0).windows()).containsExactly(1, 2);
  }

  @Test
  void duplicateSymbolWindowKeepsTheLaterFileAndWarns() throws IOException {
    file("a/ITER_3.json", "{\"symbol\":\"S\",\"edge_bps\":1}");
    file("b/ITER_3.json", "{\"symbol\":\"S\",\"edge_bps\":9}");
    SoakData data = ingest("*/ITER_*.json", List.of());
    assertThat(data.series().get(0).column(0)).containsExactly(9);
    assertThat(warnings)
        .containsExactly("duplicate window 3 for S: b/ITER_3.json replaces a/ITER_3.json");
    assertThat(data.quality().warnings()).hasSize(1);
  }

  @Test
  void unreadableFilesAreSkippedCountedAndTheRestGoesOn() throws IOException {
    file("ITER_1.json", "{\"symbol\":\"S\",\"edge_bps\":1}");
    file("ITER_2.json", "{broken");
    file("ITER_3.json", "42");
    SoakData data = ingest("ITER_*.json", List.of());
    assertThat(data.series().get(0).windows()).containsExactly(1);
    assertThat(data.quality().skipped())
        .extracting(s -> s.file())
        .containsExactly("ITER_2.json", "ITER_3.json");
    assertThat(warnings.get(0)).startsWith("skipped ITER_2.json: not valid JSON");
    assertThat(warnings.get(1))
        .isEqualTo("skipped ITER_3.json: not a JSON object (found a number)");
    assertThat(data.quality().filesMatched()).isEqualTo(3);
    assertThat(data.quality().filesUsed()).isEqualTo(1);
  }

  @Test
  void symbolsFilterKeepsListedSymbolsAndWarnsAboutAbsentOnes() throws IOException {
    file(
        "ITER_1.json",
        "{\"BTCUSDT\":{\"edge_bps\":3},\"ETHUSDT\":{\"edge_bps\":2},\"SOLUSDT\":{\"edge_bps\":2}}");
    SoakData data = ingest("ITER_*.json", List.of("BTCUSDT", "DOGEUSDT"));
    assertThat(data.series()).extracting(s -> s.symbol()).containsExactly("BTCUSDT");
    assertThat(warnings)
        .containsExactly("symbol DOGEUSDT requested by --symbols was not found in any window");
  }

  @Test
  void windowsAnalyzedCountsDistinctIndicesAcrossSymbols() throws IOException {
    file("ITER_1.json", "{\"A\":{\"edge_bps\":3},\"B\":{\"edge_bps\":2}}");
    file("ITER_2.json", "{\"A\":{\"edge_bps\":3}}");
    file("ITER_3.json", "{\"B\":{\"edge_bps\":3}}");
    assertThat(ingest("ITER_*.json", List.of()).distinctWindows()).isEqualTo(3);
  }

  @Test
  void commitRangeRunsFromTheFirstToTheLastCommitInWindowOrder() throws IOException {
    file("ITER_10.json", "{\"symbol\":\"S\",\"edge_bps\":1,\"commit\":\"last\"}");
    file("ITER_2.json", "{\"symbol\":\"S\",\"edge_bps\":1,\"commit\":\"first\"}");
    file(
        "ITER_5.json",
        "{\"symbol\":\"S\",\"edge_bps\":1,\"commit\":\"mid\",\"profile\":\"moderate\"}");
    SoakData data = ingest("ITER_*.json", List.of());
    assertThat(data.meta().commitRange()).isEqualTo("first..last");
    assertThat(data.meta().profile()).isEqualTo("moderate");
  }

  @Test
  void oneCommitIsNotARange() throws IOException {
    file("ITER_1.json", "{\"symbol\":\"S\",\"edge_bps\":1,\"commit\":\"abc\"}");
    file("ITER_2.json", "{\"symbol\":\"S\",\"edge_bps\":1,\"commit\":\"abc\"}");
    assertThat(ingest("ITER_*.json", List.of()).meta().commitRange()).isEqualTo("abc");
  }
}
