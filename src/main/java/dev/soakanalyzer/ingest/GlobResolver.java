package dev.soakanalyzer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves {@code --iter-glob} ({@code *}, {@code ?}, {@code **}, {@code [...]}) against a working
 * directory. {@code **} matches zero or more directories, as in Python's recursive glob. Results
 * are regular files in path order (sorted by their path text).
 */
public final class GlobResolver {
  private GlobResolver() {}

  public static List<Path> resolve(Path workDir, String glob) {
    return match(workDir, glob).files();
  }

  /**
   * The matches in path order, with the attributes the directory walk already read for each (null
   * where no stat was made: a one-directory listing), so the reader need not stat them again.
   */
  record Matches(List<Path> files, List<BasicFileAttributes> attributes) {}

  static Matches match(Path workDir, String glob) {
    String pattern = glob.replace('\\', '/');
    boolean absolute = pattern.startsWith("/") || pattern.matches("^[A-Za-z]:/.*");
    Path root = absolute ? Path.of(pattern.substring(0, pattern.indexOf('/') + 1)) : workDir;
    String relative =
        absolute ? pattern.substring(pattern.indexOf('/') + 1) : stripDotSlash(pattern);

    // Walk from the longest literal directory prefix.
    String[] segments = relative.split("/+");
    int literal = 0;
    while (literal < segments.length - 1 && !hasMeta(segments[literal])) {
      literal++;
    }
    Path base = root;
    for (int i = 0; i < literal; i++) {
      base = base.resolve(segments[i]);
    }
    String rest =
        String.join("/", java.util.Arrays.copyOfRange(segments, literal, segments.length));
    if (!Files.isDirectory(base)) {
      return new Matches(List.of(), List.of());
    }
    if (!rest.contains("/") && !rest.contains("**")) {
      return listOneDirectory(base, rest);
    }
    List<PathMatcher> matchers = new ArrayList<>();
    for (String variant : doubleStarVariants(rest)) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + variant));
    }
    int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
    List<Entry> out = new ArrayList<>();
    Path walkBase = base;
    try {
      Files.walkFileTree(
          base,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          depth,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                Path rel = walkBase.relativize(file);
                for (PathMatcher m : matchers) {
                  if (m.matches(rel)) {
                    out.add(new Entry(file.toString(), file, attrs));
                    break;
                  }
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sorted(out);
  }

  private static Matches listOneDirectory(Path dir, String pattern) {
    // Entries share the directory, so their path text orders as their names do: sorting the
    // shorter names gives the same order for less work.
    List<Entry> out = new ArrayList<>();
    NameMatcher matcher = NameMatcher.of(pattern);
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      // No stat per entry: with 100k files it costs more than the reads; a directory that
      // matches is reported as unreadable by the reader instead.
      for (Path p : stream) {
        Path name = p.getFileName();
        String text = name.toString();
        if (matcher.matches(text, name)) {
          out.add(new Entry(text, p, null));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sorted(out);
  }

  /** A match with its sort key (path or name text) and the walk's attributes, if any. */
  private record Entry(String key, Path path, BasicFileAttributes attrs) {}

  private static Matches sorted(List<Entry> matches) {
    Entry[] entries = matches.toArray(new Entry[0]);
    java.util.Arrays.sort(entries, (a, b) -> a.key().compareTo(b.key()));
    List<Path> paths = new ArrayList<>(entries.length);
    List<BasicFileAttributes> attributes = new ArrayList<>(entries.length);
    for (Entry e : entries) {
      paths.add(e.path());
      attributes.add(e.attrs());
    }
    return new Matches(paths, attributes);
  }

  /**
   * One path segment's glob. A pattern of literals and {@code *} only (ITER_SUMMARY_*.json) is
   * matched on the name text, which is what the JDK's glob does for it, without a regex per entry;
   * anything else goes to the JDK's matcher.
   */
  private record NameMatcher(String[] parts, PathMatcher fallback) {
    static NameMatcher of(String pattern) {
      for (char c : pattern.toCharArray()) {
        if (c == '?' || c == '[' || c == '{' || c == '\\' || c == '/') {
          return new NameMatcher(null, FileSystems.getDefault().getPathMatcher("glob:" + pattern));
        }
      }
      return new NameMatcher(pattern.split("\\*", -1), null);
    }

    boolean matches(String name, Path namePath) {
      if (fallback != null) {
        return fallback.matches(namePath);
      }
      if (parts.length == 1) {
        return name.equals(parts[0]);
      }
      String first = parts[0];
      String last = parts[parts.length - 1];
      if (!name.startsWith(first) || name.length() - last.length() < first.length()) {
        return false;
      }
      int pos = first.length();
      // Leftmost placement of each middle literal leaves the most room for the rest.
      for (int i = 1; i < parts.length - 1; i++) {
        int at = name.indexOf(parts[i], pos);
        if (at < 0) {
          return false;
        }
        pos = at + parts[i].length();
      }
      return name.length() - last.length() >= pos && name.endsWith(last);
    }
  }

  /** Every way of letting each {@code **}/ match zero directories. */
  static Set<String> doubleStarVariants(String pattern) {
    Set<String> variants = new LinkedHashSet<>();
    variants.add(pattern);
    int guard = 0;
    boolean grew = true;
    while (grew && guard++ < 8) {
      grew = false;
      for (String v : List.copyOf(variants)) {
        int i = v.indexOf("**/");
        while (i >= 0) {
          grew |= variants.add(v.substring(0, i) + v.substring(i + 3));
          i = v.indexOf("**/", i + 1);
        }
      }
    }
    return variants;
  }

  private static boolean hasMeta(String segment) {
    for (char c : segment.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  private static String stripDotSlash(String p) {
    String s = p;
    while (s.startsWith("./")) {
      s = s.substring(2);
    }
    return s;
  }
}
