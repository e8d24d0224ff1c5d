package dev.soakanalyzer.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the previous complete content or the new complete
 * content, never a mix: write a temp file in the same directory, fsync it, rename it over the
 * target.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Content produced by a writer callback, streamed to the temp file (large reports). */
  public interface Content {
    void writeTo(java.io.Writer out) throws IOException;
  }

  public static void write(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = createTemp(dir, target);
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
          java.io.Writer w = new java.io.BufferedWriter(utf8(ch), 1 << 16)) {
        content.writeTo(w);
        w.flush();
        ch.force(true);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  public static void write(Path target, String content) throws IOException {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  public static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = createTemp(dir, target);
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        var buffer = java.nio.ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Several files replaced as one set: each is written (and synced) to a temp file first, and only
   * when all are written are they renamed over their targets. A failure while writing any of them
   * replaces none.
   */
  public static final class Batch implements AutoCloseable {
    private final java.util.List<Path[]> staged = new java.util.ArrayList<>();

    /** Writes {@code content} next to {@code target}, not yet visible there. */
    public void stage(Path target, Content content) throws IOException {
      writeStaged(reserve(target), content);
    }

    /**
     * Stages every file, rendering and syncing them on up to two threads (a big report set is CPU
     * bound while the second core sits idle); they are committed in the map's order all the same. A
     * failure in any of them stages none visibly: {@link #close} removes every temp file.
     */
    public void stageAll(java.util.Map<Path, Content> files) throws IOException {
      java.util.List<Path> temps = new java.util.ArrayList<>();
      for (Path target : files.keySet()) {
        temps.add(reserve(target));
      }
      java.util.List<Content> contents = new java.util.ArrayList<>(files.values());
      if (contents.size() < 2 || Runtime.getRuntime().availableProcessors() < 2) {
        for (int i = 0; i < contents.size(); i++) {
          writeStaged(temps.get(i), contents.get(i));
        }
        return;
      }
      // Both threads take the next unwritten file until none is left.
      int count = contents.size();
      java.util.concurrent.atomic.AtomicInteger claim =
          new java.util.concurrent.atomic.AtomicInteger();
      java.util.concurrent.CompletableFuture<Void> helper =
          new java.util.concurrent.CompletableFuture<>();
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int i = claim.getAndIncrement(); i < count; i = claim.getAndIncrement()) {
                    writeStagedUnchecked(temps.get(i), contents.get(i));
                  }
                  helper.complete(null);
                } catch (Throwable e) {
                  helper.completeExceptionally(e);
                }
              },
              "soak-report-writer");
      t.setDaemon(true);
      t.start();
      Throwable failure = null;
      try {
        for (int i = claim.getAndIncrement(); i < count; i = claim.getAndIncrement()) {
          writeStaged(temps.get(i), contents.get(i));
        }
      } catch (IOException | RuntimeException | Error e) {
        failure = e;
        claim.set(count); // the helper stops after its current file
      }
      try {
        helper.join();
      } catch (java.util.concurrent.CompletionException e) {
        Throwable cause =
            e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : e.getCause();
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
      if (failure instanceof IOException io) {
        throw io;
      } else if (failure instanceof RuntimeException r) {
        throw r;
      } else if (failure instanceof Error err) {
        throw err;
      }
    }

    /** A temp file next to {@code target}, registered so that {@link #close} removes it. */
    private synchronized Path reserve(Path target) throws IOException {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = createTemp(dir, target);
      staged.add(new Path[] {temp, target});
      return temp;
    }

    private static void writeStagedUnchecked(Path temp, Content content) {
      try {
        writeStaged(temp, content);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static void writeStaged(Path temp, Content content) throws IOException {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
          java.io.Writer w = new java.io.BufferedWriter(utf8(ch), 1 << 16)) {
        content.writeTo(w);
        w.flush();
        ch.force(true);
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
    }

    /**
     * Renames every staged file over its target, in staging order. The previous files are kept
     * (hard links) until the last rename succeeded: if any rename fails, the ones already done are
     * rolled back, so the directory holds the previous set or the new set, never a mix.
     */
    public void commit() throws IOException {
      java.util.List<Path[]> backups = new java.util.ArrayList<>(); // {backup or null, target}
      try {
        for (Path[] p : staged) {
          Path target = p[1];
          Path backup = null;
          if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            backup = backupOf(target);
          }
          backups.add(new Path[] {backup, target});
          move(p[0], target);
        }
      } catch (IOException | RuntimeException e) {
        rollBack(backups, e);
        throw e;
      } finally {
        for (Path[] b : backups) {
          if (b[0] != null) {
            Files.deleteIfExists(b[0]);
          }
        }
      }
      staged.clear();
    }

    private static Path backupOf(Path target) throws IOException {
      Path dir = target.toAbsolutePath().getParent();
      Path backup = dir.resolve("." + target.getFileName() + ".prev." + System.nanoTime() + ".tmp");
      try {
        Files.createLink(backup, target);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
      }
      return backup;
    }

    /** Puts back what the renames before the failure replaced; a target that was new goes. */
    private static void rollBack(java.util.List<Path[]> backups, Exception cause) {
      // The last entry is the rename that failed: its target was not replaced.
      for (int i = backups.size() - 2; i >= 0; i--) {
        Path backup = backups.get(i)[0];
        Path target = backups.get(i)[1];
        try {
          if (backup != null) {
            move(backup, target);
          } else {
            Files.deleteIfExists(target);
          }
        } catch (IOException again) {
          cause.addSuppressed(again);
        }
      }
    }

    /** Removes temp files that were never committed. */
    @Override
    public void close() throws IOException {
      for (Path[] p : staged) {
        Files.deleteIfExists(p[0]);
      }
      staged.clear();
    }
  }

  /** A sink of text that writes to {@code out}, turning I/O errors into unchecked ones. */
  public static dev.soakanalyzer.core.report.TextSink sink(java.io.Writer out) {
    return text -> {
      try {
        out.append(text);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
  }

  /**
   * UTF-8 that replaces what cannot be encoded (a lone surrogate from an input file) instead of
   * failing the whole report, as String.getBytes does; Channels.newWriter would throw.
   */
  private static java.io.Writer utf8(FileChannel ch) {
    return new java.io.OutputStreamWriter(
        java.nio.channels.Channels.newOutputStream(ch), StandardCharsets.UTF_8);
  }

  /**
   * The temp file next to the target, made owner-only (0600); a report must stay readable by
   * whoever could read the previous one (e.g. the GitHub Action writes as root in its container and
   * later steps read as the runner's user), so it gets the target's permissions, or rw-r--r-- for a
   * new file.
   */
  private static Path createTemp(Path dir, Path target) throws IOException {
    Path temp = newTempFile(dir, target);
    if (Files.getFileStore(temp)
        .supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
      java.util.Set<java.nio.file.attribute.PosixFilePermission> perms =
          Files.exists(target)
              ? Files.getPosixFilePermissions(target)
              : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(temp, perms);
    }
    return temp;
  }

  /**
   * An empty owner-only file named {@code .TARGET.<random>.tmp} in {@code dir}, made with
   * CREATE_NEW as Files.createTempFile makes it. Not createTempFile itself: its SecureRandom is
   * seeded through the security providers on first use, a cost every small run paid; a name nobody
   * else can create first needs no secret.
   */
  private static Path newTempFile(Path dir, Path target) throws IOException {
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    for (int attempt = 0; ; attempt++) {
      Path temp =
          dir.resolve(
              "."
                  .concat(target.getFileName().toString())
                  .concat(".")
                  .concat(Long.toUnsignedString(ThreadLocalRandom.current().nextLong()))
                  .concat(".tmp"));
      try {
        return posix ? Files.createFile(temp, OWNER_ONLY) : Files.createFile(temp);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
      java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
}
