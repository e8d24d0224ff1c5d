package dev.soakanalyzer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.ingest.ParseOutcomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays the regression corpus of inputs that broke something or are worth keeping. */
class FuzzCorpusTest {
  static final Path CORPUS = CliRunner.projectDir().resolve("src/test/resources/fuzz-corpus");

  @TempDir Path work;

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.sorted().toList().stream();
    }
  }

  @Test
  void theCorpusIsThere() throws IOException {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(25);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachCorpusFileParsesToAResultOrAOneLineSkipReason(Path file) throws IOException {
    assertThat(ParseOutcomes.violation(Files.readAllBytes(file))).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachCorpusFileGoesThroughAnalyzeSafely(Path file) throws IOException {
    var input = new AnalyzeOutcomes.Input("ITER_SUMMARY_1.json", Files.readAllBytes(file));
    assertThat(AnalyzeOutcomes.violation(work, List.of(input), true)).isNull();
  }
}
