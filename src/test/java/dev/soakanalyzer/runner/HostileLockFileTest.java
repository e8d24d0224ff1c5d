package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A --lock-file path that holds something else is refused and left exactly as it was. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileLockFileTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));

  @Test
  void anExistingDirectoryIsRefusedNotRenamedOrDeleted() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path full = Files.createDirectory(dir.resolve("full"));
    Files.writeString(full.resolve("keep.txt"), "x");

    for (Path d : new Path[] {empty, full}) {
      assertThatThrownBy(() -> LockFile.acquire(d, 4242, clock, pid -> false))
          .isInstanceOf(LockFile.NotALockFileException.class)
          .hasMessage(
              d.toAbsolutePath() + " is a directory; choose another --lock-file or remove it");
      assertThat(d).isDirectory();
    }
    assertThat(full.resolve("keep.txt")).hasContent("x");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("empty", "full");
    }
  }

  @Test
  void aFileThatIsNotALockIsNeverTakenOver() throws Exception {
    Path notes = Files.writeString(dir.resolve("README.md"), "# my notes\n");

    assertThatThrownBy(() -> LockFile.acquire(notes, 4242, clock, pid -> false))
        .isInstanceOf(LockFile.NotALockFileException.class)
        .hasMessageContaining("is not a lock file");
    assertThat(notes).hasContent("# my notes");
  }

  @Test
  void aSymlinkOrAFifoAtTheLockPathIsRefusedWithoutOpeningIt() throws Exception {
    Path target = Files.writeString(dir.resolve("target"), "4242\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.lock"), target);
    Path fifo = dir.resolve("fifo.lock");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor())
        .as("this test needs mkfifo (coreutils) on PATH to make a FIFO")
        .isZero();

    assertThatThrownBy(() -> LockFile.acquire(link, 5151, clock, pid -> false))
        .hasMessageContaining("is a symbolic link");
    assertThatThrownBy(() -> LockFile.acquire(fifo, 5151, clock, pid -> false))
        .hasMessageContaining("is not a regular file");
    assertThat(target).hasContent("4242");
  }
}
