package dev.soakanalyzer.ingest;

import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.DataQuality;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.SkippedFile;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.model.SymbolSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Glob -&gt; files -&gt; windows. Files are read and parsed in parallel, then assembled in path
 * order so that "the later file wins" and all warnings are deterministic.
 */
public final class Ingestor {
  private final AnalysisSettings settings;
  private final Consumer<String> warnings;
  private final ParsedFileCache cache;

  /**
   * @param warnings receives each {@code warn:} message (without the prefix) as it is found
   */
  public Ingestor(AnalysisSettings settings, Consumer<String> warnings) {
    this(settings, warnings, null);
  }

  /**
   * An ingest that reads only the files that are new or changed since the last ingest through
   * {@code cache} (the runner's, kept between cycles), with the same result and warnings as a cold
   * one.
   */
  public Ingestor(AnalysisSettings settings, Consumer<String> warnings, ParsedFileCache cache) {
    this.settings = settings;
    this.warnings = warnings;
    this.cache = cache;
  }

  /** Reads every file matched by {@code glob} under {@code workDir}. */
  public SoakData ingest(Path workDir, String glob) {
    return ingest(workDir, GlobResolver.match(workDir, glob), java.util.Optional.empty());
  }

  /**
   * Reads every file matched by {@code glob}; a match whose real path (symlinks resolved) lies
   * outside every one of {@code root}'s roots is skipped.
   */
  public SoakData ingest(Path workDir, String glob, java.util.Optional<AllowedRoots> root) {
    return ingest(workDir, GlobResolver.match(workDir, glob), root);
  }

  public SoakData ingest(Path workDir, List<Path> files) {
    return ingest(workDir, new GlobResolver.Matches(files, null), java.util.Optional.empty());
  }

  private SoakData ingest(
      Path workDir, GlobResolver.Matches matches, java.util.Optional<AllowedRoots> root) {
    List<Path> files = matches.files();
    IterFileParser parser =
        new IterFileParser(
            settings.catalog(), settings.defaultSymbol(), new HashSet<>(settings.symbols()));
    if (cache == null) {
      Assembly assembly = new Assembly(workDir, files, null);
      FileReader.readAll(files, matches.attributes(), parser, assembly::accept, root, null);
      return assembly.result(Map.of());
    }
    Map<String, ParsedFileCache.Kept> kept = cache.begin(settings);
    ParsedFile[] parsed = new ParsedFile[files.size()];
    FileReader.readAll(files, matches.attributes(), parser, (i, p) -> parsed[i] = p, root, cache);
    Set<String> changed = cache.commit();
    Set<String> dirty = null;
    if (kept != null) {
      dirty = new HashSet<>(changed);
      for (int i = 0; i < parsed.length; i++) {
        // A window numbered by position moves when a file is added or removed before it. (Kept
        // files carry their name's window, so this scans only the names of files just read.)
        if (parsed[i] instanceof ParsedFile.Usable u
            && u.windowIndex() == null
            && nameWindow(files.get(i)) == null) {
          for (ParsedFile.Sample sample : u.samples()) {
            dirty.add(sample.symbol());
          }
        }
      }
      // A duplicate window's warning and note come out of assembly, in file order: a symbol that
      // had one is assembled again so they are there, where a cold run puts them.
      for (Map.Entry<String, ParsedFileCache.Kept> k : kept.entrySet()) {
        if (k.getValue().duplicates()) {
          dirty.add(k.getKey());
        }
      }
    }
    Assembly assembly = new Assembly(workDir, files, dirty);
    for (int i = 0; i < parsed.length; i++) {
      assembly.accept(i, parsed[i]);
      parsed[i] = null;
    }
    SoakData data = assembly.result(dirty == null ? Map.of() : kept);
    cache.keep(assembly.kept(data), assembly.assembled());
    return data;
  }

  /**
   * Folds parsed files, in path order, into per-symbol series and data-quality notes. With a set of
   * symbols to assemble, the others' samples are passed over: their series are the last ingest's.
   */
  private final class Assembly {
    private final Path workDir;
    private final List<Path> files;
    private final Set<String> only;
    private final Set<String> withDuplicates = new HashSet<>();
    // Hashed while files stream in (thousands of symbols, one lookup per sample); sorted by name
    // once at the end.
    private final Map<String, SeriesAssembler> bySymbol = new java.util.HashMap<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final TreeMap<Integer, String[]> metaByWindow = new TreeMap<>();
    private int used;

    Assembly(Path workDir, List<Path> files, Set<String> only) {
      this.workDir = workDir;
      this.files = files;
      this.only = only;
    }

    void accept(int i, ParsedFile parsed) {
      if (parsed instanceof ParsedFile.Skipped s) {
        String name = display(workDir, files.get(i));
        skipped.add(new SkippedFile(name, s.reason()));
        warnings.accept("skipped " + name + ": " + s.reason());
        return;
      }
      ParsedFile.Usable u = (ParsedFile.Usable) parsed;
      if (u.samples().isEmpty()) {
        return;
      }
      used++;
      int window = u.windowIndex() != null ? u.windowIndex() : fromName(files.get(i), i + 1);
      for (ParsedFile.Sample sample : u.samples()) {
        if (only != null && !only.contains(sample.symbol())) {
          continue;
        }
        SeriesAssembler series =
            bySymbol.computeIfAbsent(
                sample.symbol(), s -> new SeriesAssembler(s, settings.catalog().size()));
        int replaced = series.add(window, sample.values(), i);
        if (replaced >= 0) {
          withDuplicates.add(sample.symbol());
          String message =
              "duplicate window "
                  + window
                  + " for "
                  + sample.symbol()
                  + ": "
                  + display(workDir, files.get(i))
                  + " replaces "
                  + display(workDir, files.get(replaced));
          notes.add(message);
          warnings.accept(message);
        }
      }
      if (u.commit() != null || u.profile() != null || u.source() != null) {
        metaByWindow.put(window, new String[] {u.commit(), u.profile(), u.source()});
      }
    }

    /** The series, {@code unchanged} standing in for the symbols that were not assembled. */
    SoakData result(Map<String, ParsedFileCache.Kept> unchanged) {
      TreeMap<String, SymbolSeries> all = new TreeMap<>();
      unchanged.forEach(
          (symbol, k) -> {
            if (!only.contains(symbol)) {
              all.put(symbol, k.series());
            }
          });
      String[] names = new String[files.size()];
      IntFunction<String> name =
          i -> names[i] != null ? names[i] : (names[i] = display(workDir, files.get(i)));
      bySymbol.forEach((symbol, a) -> all.put(symbol, a.build(name)));
      for (String wanted : settings.symbols()) {
        if (!all.containsKey(wanted)) {
          String message =
              "symbol " + wanted + " requested by --symbols was not found in any window";
          notes.add(message);
          warnings.accept(message);
        }
      }
      return new SoakData(
          settings.catalog(),
          new ArrayList<>(all.values()),
          meta(metaByWindow),
          new DataQuality(files.size(), used, skipped, notes));
    }

    int assembled() {
      return bySymbol.size();
    }

    /** What the next ingest may reuse: every symbol's series, and whether it had duplicates. */
    Map<String, ParsedFileCache.Kept> kept(SoakData data) {
      Map<String, ParsedFileCache.Kept> out = new java.util.HashMap<>();
      for (SymbolSeries s : data.series()) {
        out.put(s.symbol(), new ParsedFileCache.Kept(s, withDuplicates.contains(s.symbol())));
      }
      return out;
    }
  }

  /**
   * The first integer in the file name (ITER_SUMMARY_12_1000PEPEUSDT.json -&gt; 12), else position.
   */
  static int fromName(Path file, int position) {
    Integer w = nameWindow(file);
    return w != null ? w : position;
  }

  /** The first integer (up to 9 digits) in the file name, or null when it has none. */
  static Integer nameWindow(Path file) {
    // A scan, not a regex: it runs once per file on the assembling thread.
    String name = file.getFileName().toString();
    int i = 0;
    while (i < name.length()) {
      if (!isAsciiDigit(name.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < name.length() && isAsciiDigit(name.charAt(i))) {
        i++;
      }
      if (i - start <= 9) {
        return Integer.parseInt(name, start, i, 10);
      }
    }
    return null;
  }

  /** What the regex {@code \\d} matches without UNICODE_CHARACTER_CLASS. */
  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static RunMeta meta(TreeMap<Integer, String[]> byWindow) {
    String firstCommit = null;
    String lastCommit = null;
    String profile = null;
    String source = null;
    for (String[] m : byWindow.values()) {
      if (m[0] != null) {
        firstCommit = firstCommit == null ? m[0] : firstCommit;
        lastCommit = m[0];
      }
      profile = m[1] != null ? m[1] : profile;
      source = m[2] != null ? m[2] : source;
    }
    String range =
        firstCommit == null
            ? null
            : firstCommit.equals(lastCommit) ? firstCommit : firstCommit + ".." + lastCommit;
    return new RunMeta(range, profile, source);
  }

  private static String display(Path workDir, Path file) {
    try {
      Path rel = workDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
      return rel.startsWith("..") ? file.toString() : rel.toString();
    } catch (IllegalArgumentException e) {
      return file.toString();
    }
  }
}
