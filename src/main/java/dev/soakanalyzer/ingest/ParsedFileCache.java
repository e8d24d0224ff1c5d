package dev.soakanalyzer.ingest;

import dev.soakanalyzer.core.model.AnalysisSettings;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parsed windows of the last ingest, kept by path with the file's size, modification time and
 * identity (inode where the file system has one), so the next ingest of the same settings reads
 * only the files that are new or changed. A vanished file drops out: each ingest keeps only the
 * entries of the files it matched. Skipped files are not kept (a file that was unreadable may have
 * become readable without a new mtime), so they are tried again and warned about again, as in a
 * cold run. The results are assembled from the parsed files in path order on every ingest, which
 * keeps duplicate-window and skip warnings the same as a cold run's.
 *
 * <p>Used by one ingest at a time; lookups during an ingest may come from several reader threads.
 */
public final class ParsedFileCache {

  /** What identifies one version of a file without reading it. */
  record Stamp(long size, FileTime modified, Object fileKey) {
    static Stamp of(BasicFileAttributes attrs) {
      return new Stamp(attrs.size(), attrs.lastModifiedTime(), attrs.fileKey());
    }
  }

  private record Entry(Stamp stamp, ParsedFile.Usable parsed) {}

  private Map<Path, Entry> previous = new ConcurrentHashMap<>();
  private Map<Path, Entry> current = new ConcurrentHashMap<>();
  private AnalysisSettings settings;
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();

  /** Starts an ingest; entries parsed under other settings are dropped. */
  void begin(AnalysisSettings ingestSettings) {
    if (!Objects.equals(settings, ingestSettings)) {
      previous = new ConcurrentHashMap<>();
      settings = ingestSettings;
    }
    current = new ConcurrentHashMap<>();
    reads.set(0);
    reused.set(0);
  }

  /** The parsed file when {@code file} is unchanged since the last ingest, else null. */
  ParsedFile.Usable lookup(Path file, Stamp stamp) {
    Entry e = previous.get(file);
    if (e == null || !e.stamp().equals(stamp)) {
      return null;
    }
    current.put(file, e);
    reused.incrementAndGet();
    return e.parsed();
  }

  /** Records a file that was read in this ingest. */
  void store(Path file, Stamp stamp, ParsedFile parsed) {
    reads.incrementAndGet();
    if (stamp != null && parsed instanceof ParsedFile.Usable u) {
      current.put(file, new Entry(stamp, u));
    }
  }

  /** Ends an ingest that completed: only the files it matched are kept for the next one. */
  void commit() {
    previous = current;
    current = new ConcurrentHashMap<>();
  }

  /** Files opened and read by the last ingest. */
  public int lastReads() {
    return reads.get();
  }

  /** Files taken unread from the cache by the last ingest. */
  public int lastReused() {
    return reused.get();
  }

  /** Files held for the next ingest. */
  public int size() {
    return previous.size();
  }
}
