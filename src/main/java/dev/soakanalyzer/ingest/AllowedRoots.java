package dev.soakanalyzer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories a run may read from and write to (the action's workspace and {@code
 * RUNNER_TEMP}), held as real paths so a committed symlink cannot lead out of them.
 *
 * @param roots the roots' real paths (a root that does not exist yet: its normalised absolute path)
 * @param label what the roots are, for messages: "the workspace and RUNNER_TEMP"
 */
public record AllowedRoots(List<Path> roots, String label) {

  public AllowedRoots {
    roots = roots.stream().map(AllowedRoots::real).toList();
  }

  public static AllowedRoots of(String label, Path... roots) {
    return new AllowedRoots(List.of(roots), label);
  }

  /** Whether {@code realPath} (symlinks already resolved) lies under one of the roots. */
  public boolean contains(Path realPath) {
    return roots.stream().anyMatch(realPath::startsWith);
  }

  /**
   * Whether {@code path}, resolved as far as it exists, lies under a root: asked before a directory
   * is created, so nothing is created outside.
   */
  public boolean mayCreate(Path path) {
    Path p = path.toAbsolutePath().normalize();
    List<Path> missing = new ArrayList<>();
    while (p != null && !Files.exists(p)) {
      missing.add(0, p.getFileName());
      p = p.getParent();
    }
    if (p == null) {
      return false;
    }
    Path resolved = real(p);
    for (Path name : missing) {
      resolved = resolved.resolve(name);
    }
    return contains(resolved.normalize());
  }

  /** The root {@code realPath} lies under, the first such in order, or null. */
  public Path rootOf(Path realPath) {
    return roots.stream().filter(realPath::startsWith).findFirst().orElse(null);
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
