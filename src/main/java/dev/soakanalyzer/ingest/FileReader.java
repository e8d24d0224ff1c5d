package dev.soakanalyzer.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads and parses many small files with a few threads. Reading is syscall-bound (open, read,
 * close), so more threads than cores overlap the waits; each thread reuses one buffer.
 */
final class FileReader {
  /** Files bigger than this are skipped rather than read into memory. */
  static final int MAX_FILE_BYTES = 256 * 1024 * 1024;

  /** Below this many files a single thread is faster than starting a pool. */
  private static final int PARALLEL_THRESHOLD = 64;

  private static final int CHUNK = 256;

  private static final ThreadLocal<byte[]> BUFFER =
      ThreadLocal.withInitial(() -> new byte[16 * 1024]);

  private FileReader() {}

  /** Receives each file's result in path order. */
  interface Sink {
    void accept(int index, ParsedFile parsed);
  }

  /**
   * Reads and parses every file, handing results to {@code sink} in path order. Chunks are parsed
   * ahead on the pool but consumed and dropped in order, so only the chunks in flight are held in
   * memory, never one object per file of the whole run.
   */
  static void readAll(List<Path> files, IterFileParser parser, Sink sink) {
    readAll(files, parser, sink, java.util.Optional.empty());
  }

  /** As above; with a root, a file whose real path lies outside it is skipped unread. */
  static void readAll(
      List<Path> files, IterFileParser parser, Sink sink, java.util.Optional<AllowedRoots> root) {
    readAll(files, parser, sink, root, null);
  }

  /**
   * As above; with a cache, a file whose size, mtime and identity match the cache's entry is taken
   * from it unread, and every file read is offered to it.
   */
  static void readAll(
      List<Path> files,
      IterFileParser parser,
      Sink sink,
      java.util.Optional<AllowedRoots> root,
      ParsedFileCache cache) {
    readAll(files, null, parser, sink, root, cache);
  }

  /**
   * As above; {@code attributes} (parallel to {@code files}, or null) holds what the directory walk
   * read for each file, so that file is not stat'ed a second time. A null entry is stat'ed here.
   */
  static void readAll(
      List<Path> files,
      List<java.nio.file.attribute.BasicFileAttributes> attributes,
      IterFileParser parser,
      Sink sink,
      java.util.Optional<AllowedRoots> root,
      ParsedFileCache cache) {
    AllowedRoots confine = root.orElse(null);
    if (files.size() < PARALLEL_THRESHOLD) {
      for (int i = 0; i < files.size(); i++) {
        sink.accept(i, readAndParse(parser, files.get(i), attrsOf(attributes, i), confine, cache));
      }
      return;
    }
    int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "soak-ingest");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<ParsedFile[]>> chunks = new ArrayList<>();
      for (int start = 0; start < files.size(); start += CHUNK) {
        int from = start;
        int to = Math.min(files.size(), start + CHUNK);
        chunks.add(
            pool.submit(
                () -> {
                  ParsedFile[] out = new ParsedFile[to - from];
                  for (int i = from; i < to; i++) {
                    out[i - from] =
                        readAndParse(parser, files.get(i), attrsOf(attributes, i), confine, cache);
                  }
                  return out;
                }));
      }
      for (int c = 0; c < chunks.size(); c++) {
        ParsedFile[] parsed = chunks.get(c).get();
        chunks.set(c, null);
        for (int j = 0; j < parsed.length; j++) {
          sink.accept(c * CHUNK + j, parsed[j]);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading ITER_SUMMARY files", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading ITER_SUMMARY files failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static ParsedFile readAndParse(IterFileParser parser, Path file) {
    return readAndParse(parser, file, null);
  }

  static ParsedFile readAndParse(IterFileParser parser, Path file, AllowedRoots roots) {
    return readAndParse(parser, file, roots, null);
  }

  /**
   * Reads one file, or takes it from {@code cache} when unchanged. The stamp is taken before the
   * read, so a file that changes while it is read is cached under its old stamp and read again next
   * time, never the other way round.
   */
  static ParsedFile readAndParse(
      IterFileParser parser, Path file, AllowedRoots roots, ParsedFileCache cache) {
    return readAndParse(parser, file, null, roots, cache);
  }

  private static java.nio.file.attribute.BasicFileAttributes attrsOf(
      List<java.nio.file.attribute.BasicFileAttributes> attributes, int i) {
    return attributes == null ? null : attributes.get(i);
  }

  /** As above; {@code walked} is the file's attributes from the directory walk, or null. */
  static ParsedFile readAndParse(
      IterFileParser parser,
      Path file,
      java.nio.file.attribute.BasicFileAttributes walked,
      AllowedRoots roots,
      ParsedFileCache cache) {
    // The confinement check runs every time: a symlink may have been re-pointed since.
    if (roots != null) {
      try {
        if (!roots.contains(file.toRealPath())) {
          return new ParsedFile.Skipped("outside " + roots.label());
        }
      } catch (IOException | SecurityException e) {
        return new ParsedFile.Skipped("cannot read: the path cannot be resolved");
      }
    }
    ParsedFileCache.Stamp stamp = null;
    long statSize;
    // Checked before open: opening a FIFO blocks until a writer comes, a device may never end.
    try {
      // The walk followed links as this stat does, and ran just before: the same answer.
      java.nio.file.attribute.BasicFileAttributes attrs =
          walked != null
              ? walked
              : java.nio.file.Files.readAttributes(
                  file, java.nio.file.attribute.BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        return new ParsedFile.Skipped(
            attrs.isDirectory()
                ? "not a regular file (a directory)"
                : "not a regular file (a FIFO, socket or device)");
      }
      statSize = attrs.size();
      if (cache != null) {
        stamp = ParsedFileCache.Stamp.of(attrs);
        ParsedFile.Usable cached = cache.lookup(file, stamp);
        if (cached != null) {
          return cached;
        }
      }
    } catch (NoSuchFileException e) {
      return new ParsedFile.Skipped("cannot read: file disappeared");
    } catch (IOException | SecurityException e) {
      return new ParsedFile.Skipped("cannot read: permission denied or unreadable");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] buf = BUFFER.get();
      int len = 0;
      while (true) {
        if (len == buf.length) {
          // Only files that outgrow the buffer pay for a size check: skip a huge one before
          // reading.
          if (buf.length >= MAX_FILE_BYTES || ch.size() > MAX_FILE_BYTES) {
            return new ParsedFile.Skipped("file too large (limit " + MAX_FILE_BYTES + " bytes)");
          }
          buf = java.util.Arrays.copyOf(buf, (int) Math.min(MAX_FILE_BYTES, (long) buf.length * 2));
          BUFFER.set(buf);
        }
        int want = buf.length - len;
        int n = ch.read(ByteBuffer.wrap(buf, len, want));
        if (n < 0) {
          break;
        }
        len += n;
        // A short read of a regular file is its end: once the size seen by the stat is in, the
        // read that would only return EOF is saved (one syscall of five per file).
        if (n < want && len >= statSize) {
          break;
        }
      }
      ParsedFile result = parser.parse(buf, len);
      if (cache != null) {
        cache.store(file, stamp, result);
      }
      if (buf.length > 1024 * 1024) {
        BUFFER.remove(); // do not keep a huge buffer alive after a big file
      }
      return result;
    } catch (NoSuchFileException e) {
      return new ParsedFile.Skipped("cannot read: file disappeared");
    } catch (IOException | SecurityException e) {
      return new ParsedFile.Skipped(
          "cannot read: "
              + (e instanceof java.nio.file.AccessDeniedException
                  ? "permission denied"
                  : "read failed"));
    } catch (OutOfMemoryError e) {
      BUFFER.remove();
      return new ParsedFile.Skipped("cannot read: file too large for the heap");
    }
  }
}
