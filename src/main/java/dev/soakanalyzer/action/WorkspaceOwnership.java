package dev.soakanalyzer.action;

import dev.soakanalyzer.app.Console;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Gives what the action wrote under the workspace to the workspace's owner. The runner starts a
 * container action with no {@code --user}, so on a self-hosted runner the process is root while the
 * checkout belongs to the runner's user: reports and state left owned by root make the next {@code
 * actions/checkout} fail to clean the workspace. Only when the process runs as root (uid 0) and the
 * workspace belongs to someone else; only paths below the roots the action writes, and only those
 * owned by root (never a user's own file); symbolic links are never followed. The same is done for
 * an out-dir under {@code RUNNER_TEMP}, with that directory as the base.
 */
final class WorkspaceOwnership {
  private final Path workspace;
  private final Console console;

  WorkspaceOwnership(Path workspace, Console console) {
    this.workspace = workspace.toAbsolutePath().normalize();
    this.console = console;
  }

  /**
   * Chowns {@code roots} (each inside the workspace), everything below them, and the directories
   * between the workspace and each root, when they are root's.
   */
  void handOver(List<Path> roots) {
    int owner;
    int group;
    try {
      owner = (Integer) Files.getAttribute(workspace, "unix:uid");
      group = (Integer) Files.getAttribute(workspace, "unix:gid");
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return; // no POSIX owners here (Windows): nothing to hand over
    }
    if (owner == 0 || !runningAsRoot()) {
      return;
    }
    int[] changed = {0};
    for (Path root : roots) {
      Path r = root.toAbsolutePath().normalize();
      if (!r.startsWith(workspace)
          || r.equals(workspace)
          || !Files.exists(r, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      for (Path p = r.getParent(); p != null && !p.equals(workspace); p = p.getParent()) {
        chown(p, owner, group, changed);
      }
      try {
        Files.walkFileTree(
            r,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                chown(dir, owner, group, changed);
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                chown(file, owner, group, changed);
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        console.warn("could not hand " + r + " to the workspace owner: " + e.getMessage());
      }
    }
    if (changed[0] > 0) {
      console.debug(
          "handed "
              + changed[0]
              + " path(s) to the workspace owner uid="
              + owner
              + " gid="
              + group);
    }
  }

  private void chown(Path p, int owner, int group, int[] changed) {
    try {
      if ((Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS) != 0) {
        return;
      }
      Files.setAttribute(p, "unix:uid", owner, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(p, "unix:gid", group, LinkOption.NOFOLLOW_LINKS);
      changed[0]++;
    } catch (IOException | RuntimeException e) {
      console.warn("could not hand " + p + " to the workspace owner: " + e.getMessage());
    }
  }

  /** The effective uid is 0: a file this process creates is owned by root. */
  private static boolean runningAsRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall back to the user name
    }
    return "root".equals(System.getProperty("user.name"));
  }
}
