package dev.soakanalyzer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The whole {@code analyze} path in-process over hostile files (content and names): a result or
 * exit 2 with one error line, never an escaped exception, a forged log line or unsafe Markdown.
 */
class AnalyzeFuzzTest {
  private static Path work;

  @BeforeContainer
  static void createWorkDir() throws IOException {
    work = Files.createTempDirectory("analyze-fuzz");
  }

  @AfterContainer
  static void deleteWorkDir() throws IOException {
    AnalyzeOutcomes.reset(work);
    Files.delete(work);
  }

  // A fixed seed keeps the build reproducible; the long campaign (FuzzCampaign, see
  // docs/RELIABILITY.md) explores fresh seeds, and what it finds goes into the corpus.
  @Property(tries = 400, seed = "20261127")
  void hostileFilesGiveReportsOrOneErrorLineAndNeverUnsafeOutput(
      @ForAll long seed, @ForAll boolean verbose) {
    Random r = new Random(seed);
    assertThat(AnalyzeOutcomes.violation(work, HostileFiles.next(r), verbose)).isNull();
  }
}
