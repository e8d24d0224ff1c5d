package dev.soakanalyzer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rename that fails during the commit leaves the previous set, never a mix. */
class ReportSetRollbackTest {
  @TempDir Path dir;

  @Test
  void aFailedRenameRollsTheEarlierRenamesBack() throws Exception {
    Files.writeString(dir.resolve("POST_SOAK_ANALYSIS.md"), "old report");
    Files.writeString(dir.resolve("VIOLATIONS.json"), "old violations");
    // Renaming a file over a non-empty directory fails: the third rename of the set.
    Path blocker = Files.createDirectories(dir.resolve("SOAK_SUMMARY.json"));
    Files.writeString(blocker.resolve("keep"), "x");

    try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
      batch.stage(dir.resolve("POST_SOAK_ANALYSIS.md"), w -> w.write("new report"));
      batch.stage(dir.resolve("VIOLATIONS.json"), w -> w.write("new violations"));
      batch.stage(dir.resolve("NEW_FILE.md"), w -> w.write("new"));
      batch.stage(dir.resolve("SOAK_SUMMARY.json"), w -> w.write("new summary"));
      assertThatThrownBy(batch::commit).isInstanceOf(IOException.class);
    }

    assertThat(dir.resolve("POST_SOAK_ANALYSIS.md")).hasContent("old report");
    assertThat(dir.resolve("VIOLATIONS.json")).hasContent("old violations");
    assertThat(dir.resolve("NEW_FILE.md")).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "POST_SOAK_ANALYSIS.md", "VIOLATIONS.json", "SOAK_SUMMARY.json");
    }
  }

  @Test
  void aSuccessfulCommitLeavesNoBackups() throws Exception {
    Files.writeString(dir.resolve("A.md"), "old");
    try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
      batch.stage(dir.resolve("A.md"), w -> w.write("new"));
      batch.stage(dir.resolve("B.md"), w -> w.write("b"));
      batch.commit();
    }
    assertThat(dir.resolve("A.md")).hasContent("new");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("A.md", "B.md");
    }
  }
}
