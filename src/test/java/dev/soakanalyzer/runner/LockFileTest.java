package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.testsupport.MutableClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));

  @Test
  void theLockHoldsThePidAndIsRemovedOnRelease() throws Exception {
    Path lock = dir.resolve("soak.lock");
    try (LockFile l = LockFile.acquire(lock, 4242, clock, pid -> true)) {
      assertThat(Files.readString(lock).strip()).isEqualTo("4242");
    }
    assertThat(lock).doesNotExist();
  }

  @Test
  void aLiveHolderRefusesASecondRunner() throws Exception {
    Path lock = dir.resolve("soak.lock");
    LockFile.acquire(lock, 4242, clock, pid -> true);
    assertThatThrownBy(() -> LockFile.acquire(lock, 5151, clock, pid -> true))
        .isInstanceOf(LockHeldException.class)
        .hasMessage("lock held by PID 4242");
  }

  @Test
  void aDeadHoldersLockIsTakenOver() throws Exception {
    Path lock = dir.resolve("soak.lock");
    LockFile.acquire(lock, 4242, clock, pid -> true);
    LockFile taken = LockFile.acquire(lock, 5151, clock, pid -> pid != 4242);
    assertThat(Files.readString(lock).strip()).isEqualTo("5151");
    assertThat(taken.takeover())
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .startsWith("took over stale lock ")
                    .endsWith(" of PID 4242 (process no longer running)"));
    taken.release();
    assertThat(LockFile.acquire(lock, 5151, clock, pid -> true).takeover()).isEmpty();
  }

  @Test
  void aLockNotRefreshedForSixHoursIsStaleEvenWithALivePid() throws Exception {
    Path lock = dir.resolve("soak.lock");
    LockFile first = LockFile.acquire(lock, 4242, clock, pid -> true);
    clock.advance(Duration.ofHours(5));
    first.refresh();
    clock.advance(Duration.ofHours(5));
    assertThatThrownBy(() -> LockFile.acquire(lock, 5151, clock, pid -> true))
        .isInstanceOf(LockHeldException.class);
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(LockFile.acquire(lock, 5151, clock, pid -> true).takeover())
        .hasValueSatisfying(why -> assertThat(why).endsWith("of PID 4242 (not refreshed for 6 h)"));
    assertThat(Files.readString(lock).strip()).isEqualTo("5151");
  }

  @Test
  void releaseNeverRemovesSomeoneElsesLock() throws Exception {
    Path lock = dir.resolve("soak.lock");
    LockFile mine = LockFile.acquire(lock, 4242, clock, pid -> true);
    Files.writeString(lock, "9999\n");
    mine.release();
    assertThat(Files.readString(lock).strip()).isEqualTo("9999");
  }

  @Test
  void aRunnerAgainstALiveProcessesLockExitsOneNamingThePid() throws Exception {
    Process holder = new ProcessBuilder("sleep", "60").start();
    try {
      Path lock = dir.resolve("soak.lock");
      Files.writeString(lock, holder.pid() + "\n");
      Files.setLastModifiedTime(lock, FileTime.from(clock.instant()));
      var out = new java.io.StringWriter();
      var err = new java.io.StringWriter();
      int code =
          dev.soakanalyzer.cli.Main.run(
              new String[] {
                "run",
                "--iter-glob",
                "x/*.json",
                "--lock-file",
                lock.toString(),
                "--dry-run",
                "--max-iterations",
                "1"
              },
              new dev.soakanalyzer.cli.CliContext(
                  new java.io.PrintWriter(out),
                  new java.io.PrintWriter(err),
                  java.util.Map.of(),
                  clock,
                  dir));
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("error: lock held by PID " + holder.pid());
      assertThat(Files.readString(lock).strip()).isEqualTo(Long.toString(holder.pid()));
    } finally {
      holder.destroy();
    }
  }

  /** Two real runner processes: the second is refused; SIGTERM stops the first with exit 0. */
  @Test
  void sigtermStopsARunnerCleanlyAndReleasesItsLock() throws Exception {
    Path lock = dir.resolve("soak.lock");
    Path fixtures = dir.resolve("data");
    dev.soakanalyzer.fake.FakeSoakGenerator.write(
        fixtures, dev.soakanalyzer.core.model.Level.OK, 1);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.soakanalyzer.cli.Main",
                "run",
                "--iter-glob",
                "data/fake/FAKE_ITER_*.json",
                "--out-dir",
                "out",
                "--interval-min",
                "60",
                "--redis-url",
                "none",
                "--lock-file",
                lock.toString()));
    Process first =
        new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = lines.readLine()) != null && !line.contains("CONTINUOUS_METRICS")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as(seen.toString()).isNotNull();
      assertThat(Files.readString(lock).strip()).isEqualTo(Long.toString(first.pid()));

      Process second =
          new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String secondOut = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isEqualTo(1);
      assertThat(secondOut).contains("error: lock held by PID " + first.pid());

      first.destroy(); // SIGTERM
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).isZero();
      assertThat(lock).doesNotExist();
    } finally {
      first.destroyForcibly();
    }
  }
}
