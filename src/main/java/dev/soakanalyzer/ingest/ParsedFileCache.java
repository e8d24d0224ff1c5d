package dev.soakanalyzer.ingest;

import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.SymbolSeries;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parsed windows of the last ingest, kept by path with the file's size, modification time and
 * identity (inode where the file system has one), so the next ingest of the same settings reads
 * only the files that are new or changed. A vanished file drops out: each ingest keeps only the
 * entries of the files it matched. Skipped files are not kept (a file that was unreadable may have
 * become readable without a new mtime), so they are tried again and warned about again, as in a
 * cold run.
 *
 * <p>It also keeps each symbol's assembled series. The next ingest assembles again only the symbols
 * of the files that are new, changed or vanished (and those that had duplicate windows, whose
 * warnings interleave with other files', or windows numbered by position); every other symbol's
 * series is the kept one, which a cold assembly of the same unchanged files would rebuild
 * identically. Skip warnings and data-quality counts come from every matched file each time.
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

  /** One symbol's series from the last ingest, and whether it had a duplicate window. */
  record Kept(SymbolSeries series, boolean duplicates) {}

  private Map<Path, Entry> previous = new ConcurrentHashMap<>();
  private Map<Path, Entry> current = new ConcurrentHashMap<>();
  private AnalysisSettings settings;
  private Map<String, Kept> kept;
  private int assembledSymbols;
  private Set<String> changed = ConcurrentHashMap.newKeySet();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger reused = new AtomicInteger();
  // Distinct last-ingest files found unchanged: when that is all of them, none vanished.
  private final AtomicInteger unchanged = new AtomicInteger();

  /**
   * Starts an ingest; entries parsed under other settings are dropped. Returns the series kept by
   * the last ingest, or null when there are none to trust (first ingest, other settings, or the
   * last one did not complete).
   */
  Map<String, Kept> begin(AnalysisSettings ingestSettings) {
    if (!Objects.equals(settings, ingestSettings)) {
      previous = new ConcurrentHashMap<>();
      kept = null;
      settings = ingestSettings;
    }
    // Sized for the last ingest's files: growing a map of 100k entries costs several rehashes.
    current = new ConcurrentHashMap<>(Math.max(16, previous.size() * 4 / 3 + 16));
    changed = ConcurrentHashMap.newKeySet();
    reads.set(0);
    reused.set(0);
    unchanged.set(0);
    Map<String, Kept> last = kept;
    kept = null;
    return last;
  }

  /** The parsed file when {@code file} is unchanged since the last ingest, else null. */
  ParsedFile.Usable lookup(Path file, Stamp stamp) {
    Entry e = previous.get(file);
    if (e == null) {
      return null;
    }
    if (!e.stamp().equals(stamp)) {
      symbolsOf(e.parsed(), changed);
      return null;
    }
    if (current.put(file, e) == null) {
      unchanged.incrementAndGet();
    }
    reused.incrementAndGet();
    return e.parsed();
  }

  /** Records a file that was read in this ingest. */
  void store(Path file, Stamp stamp, ParsedFile parsed) {
    reads.incrementAndGet();
    if (parsed instanceof ParsedFile.Usable u) {
      symbolsOf(u, changed);
      if (stamp != null) {
        current.put(file, new Entry(stamp, withNameWindow(file, u)));
      }
    }
  }

  /**
   * Ends an ingest whose files were all read: only the files it matched are kept for the next one.
   * Returns the symbols of the files that are new, changed or gone since the last ingest.
   */
  Set<String> commit() {
    // The scan for vanished files is skipped when every kept file was found unchanged (the usual
    // cycle: files only added); it costs a lookup per file.
    if (unchanged.get() < previous.size()) {
      for (Map.Entry<Path, Entry> e : previous.entrySet()) {
        if (!current.containsKey(e.getKey())) {
          symbolsOf(e.getValue().parsed(), changed);
        }
      }
    }
    previous = current;
    current = new ConcurrentHashMap<>();
    return changed;
  }

  /** Keeps the series of the ingest that assembled {@code assembled} of them, for the next one. */
  void keep(Map<String, Kept> series, int assembled) {
    kept = series;
    assembledSymbols = assembled;
  }

  /** Symbols whose series the last ingest assembled (the others were the kept ones). */
  public int lastAssembled() {
    return assembledSymbols;
  }

  /**
   * The file with the window its name gives filled in, so later ingests do not scan the name again;
   * a window the file states, or one numbered by position (no integer in the name), stays as
   * parsed. The same window either way: the name's integer is what assembly would take.
   */
  private static ParsedFile.Usable withNameWindow(Path file, ParsedFile.Usable u) {
    if (u.windowIndex() != null) {
      return u;
    }
    Integer w = Ingestor.nameWindow(file);
    return w == null
        ? u
        : new ParsedFile.Usable(u.samples(), w, u.commit(), u.profile(), u.source());
  }

  private static void symbolsOf(ParsedFile.Usable u, Set<String> into) {
    for (ParsedFile.Sample sample : u.samples()) {
      into.add(sample.symbol());
    }
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
