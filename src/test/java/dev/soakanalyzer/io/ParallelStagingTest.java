package dev.soakanalyzer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports rendered on two threads are still one set: all of them, or none, replace the old. */
class ParallelStagingTest {
  @TempDir Path dir;

  @Test
  void everyFileOfTheSetIsWrittenWhicheverThreadRendersIt() throws Exception {
    Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
    for (int i = 0; i < 9; i++) {
      String text = "report " + i + "\n".repeat(i * 1000);
      files.put(dir.resolve("R" + i + ".md"), w -> w.write(text));
    }
    try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
      batch.stageAll(files);
      batch.commit();
    }
    for (int i = 0; i < 9; i++) {
      assertThat(dir.resolve("R" + i + ".md")).hasContent("report " + i + "\n".repeat(i * 1000));
    }
    assertThat(names()).hasSize(9);
  }

  @Test
  void aFailingRenderOnEitherThreadReplacesNothingAndLeavesNoTempFile() throws Exception {
    for (int failing = 0; failing < 4; failing++) {
      Path run = Files.createDirectories(dir.resolve("run" + failing));
      Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
      for (int i = 0; i < 4; i++) {
        Path target = run.resolve("R" + i + ".md");
        Files.writeString(target, "old " + i);
        boolean fails = i == failing;
        files.put(
            target,
            w -> {
              w.write("new");
              if (fails) {
                throw new IOException("disk full");
              }
            });
      }
      try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
        assertThatThrownBy(() -> batch.stageAll(files))
            .isInstanceOf(IOException.class)
            .hasMessage("disk full");
      }
      for (int i = 0; i < 4; i++) {
        assertThat(run.resolve("R" + i + ".md")).hasContent("old " + i);
      }
      try (Stream<Path> left = Files.list(run)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("R0.md", "R1.md", "R2.md", "R3.md");
      }
    }
  }

  @Test
  void anUncheckedFailureKeepsItsType() throws Exception {
    Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
    files.put(dir.resolve("A.md"), w -> w.write("a"));
    files.put(
        dir.resolve("B.md"),
        w -> {
          throw new IllegalStateException("renderer bug");
        });
    try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
      assertThatThrownBy(() -> batch.stageAll(files))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("renderer bug");
    }
    assertThat(names()).isEmpty();
  }

  private java.util.List<String> names() throws IOException {
    try (Stream<Path> left = Files.list(dir)) {
      return left.map(p -> p.getFileName().toString()).toList();
    }
  }
}
