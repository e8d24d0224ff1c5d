package dev.soakanalyzer.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The single-runner lock: a file holding the owner's PID, created atomically (a hard link of a
 * complete temp file, which fails when the lock exists). A lock whose PID is dead, or that was not
 * refreshed for 6 hours, is stale and taken over. Only the owner ever removes it.
 */
public final class LockFile implements AutoCloseable {
  public static final Duration STALE_AFTER = Duration.ofHours(6);

  private final Path path;
  private final long pid;
  private final Clock clock;
  private volatile boolean held;
  private final Optional<String> takeover;

  private LockFile(Path path, long pid, Clock clock, Optional<String> takeover) {
    this.path = path;
    this.pid = pid;
    this.clock = clock;
    this.held = true;
    this.takeover = takeover;
  }

  /** Why a stale lock was taken over to get this one (for the log), or empty when it was free. */
  public Optional<String> takeover() {
    return takeover;
  }

  /** Takes the lock for the current process. */
  public static LockFile acquire(Path path, Clock clock) throws LockHeldException, IOException {
    return acquire(path, ProcessHandle.current().pid(), clock, LockFile::isAlive);
  }

  /**
   * @param alive tells whether a PID belongs to a running process
   * @throws LockHeldException when a live process holds a fresh lock
   */
  public static LockFile acquire(Path path, long pid, Clock clock, LongPredicate alive)
      throws LockHeldException, IOException {
    Path abs = path.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Optional<String> takeover = Optional.empty();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (tryCreate(abs, pid, clock)) {
        return new LockFile(abs, pid, clock, takeover);
      }
      refuseWhatIsNotALock(abs);
      Optional<Long> owner = readPid(abs);
      if (owner.isPresent() && owner.get() == pid) {
        // Our own PID (e.g. a restarted container reusing PID 1 after a crash): ours to take.
        Files.deleteIfExists(abs);
        continue;
      }
      boolean old = isStale(abs, clock);
      boolean stale = old || owner.isEmpty() || !alive.test(owner.get());
      if (!stale) {
        throw new LockHeldException(owner.get());
      }
      takeover =
          Optional.of(
              "took over stale lock "
                  + abs
                  + " of "
                  + owner.map(p -> "PID " + p).orElse("no readable PID")
                  + (owner.isEmpty()
                      ? ""
                      : old ? " (not refreshed for 6 h)" : " (process no longer running)"));
      takeOverStale(abs);
    }
    Optional<Long> owner = readPid(abs);
    throw new LockHeldException(owner.orElse(-1L));
  }

  private static boolean tryCreate(Path lock, long pid, Clock clock) throws IOException {
    Path tmp = Files.createTempFile(lock.getParent(), lock.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, pid + "\n", StandardCharsets.UTF_8);
      Files.setLastModifiedTime(tmp, FileTime.from(clock.instant()));
      Files.createLink(lock, tmp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException e) {
      // No hard links on this file system: exclusive create is still atomic.
      try {
        Files.writeString(
            lock,
            pid + "\n",
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (FileAlreadyExistsException e2) {
        return false;
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Moves the stale lock aside (atomic rename), so two runners taking over at once cannot both
   * delete a lock the other just created.
   */
  private static void takeOverStale(Path lock) throws IOException {
    Path aside =
        lock.resolveSibling(lock.getFileName() + ".stale." + ProcessHandle.current().pid());
    try {
      Files.move(lock, aside, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(aside);
    } catch (NoSuchFileException e) {
      // Someone else removed it first: just retry the create.
    }
  }

  /**
   * Our locks are regular files holding one PID line. Anything else at the path (a directory, a
   * symlink, a FIFO, a file of other content) is the user's, never taken over or removed.
   */
  private static void refuseWhatIsNotALock(Path lock) throws IOException {
    java.nio.file.attribute.BasicFileAttributes attrs;
    try {
      attrs =
          Files.readAttributes(
              lock,
              java.nio.file.attribute.BasicFileAttributes.class,
              java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return; // gone meanwhile: the next create decides
    }
    String what =
        attrs.isDirectory()
            ? "a directory"
            : attrs.isSymbolicLink()
                ? "a symbolic link"
                : !attrs.isRegularFile()
                    ? "not a regular file"
                    : attrs.size() > 64 || readPid(lock).isEmpty() ? "not a lock file" : null;
    if (what != null) {
      throw new NotALockFileException(
          lock + " is " + what + "; choose another --lock-file or remove it");
    }
  }

  /** The lock path holds something that is not one of our locks. */
  public static final class NotALockFileException extends IOException {
    NotALockFileException(String message) {
      super(message);
    }
  }

  static Optional<Long> readPid(Path lock) {
    try {
      String text = Files.readString(lock, StandardCharsets.UTF_8).strip();
      String first = text.lines().findFirst().orElse("").strip();
      return Optional.of(Long.parseLong(first));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isStale(Path lock, Clock clock) {
    try {
      Instant modified = Files.getLastModifiedTime(lock).toInstant();
      return Duration.between(modified, clock.instant()).compareTo(STALE_AFTER) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  public Path path() {
    return path;
  }

  public long pid() {
    return pid;
  }

  /** Marks the lock fresh (once per cycle). Re-creates it if it was removed by hand. */
  public void refresh() throws IOException {
    if (!held) {
      return;
    }
    Optional<Long> owner = readPid(path);
    if (owner.isEmpty()) {
      if (!tryCreate(path, pid, clock)) {
        throw new IOException("lock file " + path + " was replaced by another runner");
      }
      return;
    }
    if (owner.get() != pid) {
      throw new IOException("lock file " + path + " is now held by PID " + owner.get());
    }
    Files.setLastModifiedTime(path, FileTime.from(clock.instant()));
  }

  /** Removes the lock if it is still ours; idempotent. */
  public synchronized void release() {
    if (!held) {
      return;
    }
    held = false;
    try {
      if (readPid(path).filter(p -> p == pid).isPresent()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Nothing more to do at shutdown; a dead PID makes it stale for the next runner.
    }
  }

  @Override
  public void close() {
    release();
  }
}
