package dev.soakanalyzer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --cycle} runs the real runner's two cycles with 100 files arriving between them and
 * leaves those files in place for the cold analyze it is paired with; a second run starts from the
 * same files. No time is asserted.
 */
class CycleBenchmarkTest {
  @TempDir Path data;

  @Test
  void twoCyclesWithTheNewWindowInBetweenAndTheNewFilesLeftInPlace() throws Exception {
    DataSetGenerator.generate(data, 100, 3, Shape.FLAT, 42);
    CycleBenchmark.Result first = CycleBenchmark.run(data, 100, 3, 42, Clock.systemUTC());
    assertThat(first.files()).isEqualTo(400);
    assertThat(first.secondCycleMs()).isNotNegative();
    assertThat(CycleBenchmark.line(first))
        .matches("CYCLE first_ms=\\d+ second_ms=\\d+ cold_inprocess_ms=\\d+ files=400 new=100 .*");
    assertThat(countFiles()).isEqualTo(400);
    // The added window is what the generator makes for window 4.
    Path added = data.resolve("ITER_SUMMARY_4_SYM00007USDT.json");
    String text = Files.readString(added);
    Path again = Files.createTempDirectory(data.getParent(), "regen");
    DataSetGenerator.generate(again, 100, 4, Shape.FLAT, 42);
    assertThat(text).isEqualTo(Files.readString(again.resolve(added.getFileName())));

    CycleBenchmark.run(data, 100, 3, 42, Clock.systemUTC());
    assertThat(countFiles()).isEqualTo(400);
  }

  private long countFiles() throws Exception {
    try (Stream<Path> s = Files.list(data)) {
      return s.filter(p -> p.getFileName().toString().startsWith("ITER_")).count();
    }
  }
}
