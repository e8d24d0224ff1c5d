package dev.soakanalyzer.action;

import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.github.ActionContext;
import dev.soakanalyzer.ingest.AllowedRoots;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the action may read and write, and how its path outputs name a file for later steps.
 *
 * <p>The runner mounts the workspace and {@code RUNNER_TEMP} into the container under other paths
 * ({@code /github/workspace}, {@code /github/runner_temp}) and rewrites absolute inputs to them,
 * but never rewrites outputs back. So a path output is relative to its root, and {@code path-root}
 * says which: {@code workspace} (a later step's working directory) or {@code runner-temp} (prefix
 * it with {@code $RUNNER_TEMP}).
 *
 * @param runnerTemp {@code RUNNER_TEMP}, when set
 */
record ActionPaths(Path workspace, Optional<Path> runnerTemp) {

  static final String LABEL = "the workspace and RUNNER_TEMP";

  /** The {@code path-root} output's values. */
  enum Root {
    WORKSPACE("workspace"),
    RUNNER_TEMP("runner-temp");

    final String output;

    Root(String output) {
      this.output = output;
    }
  }

  /** A path output: relative to {@code root}. */
  record Output(String relative, Root root) {
    /**
     * How a person finds it on the runner: the workspace-relative path, or {@code $RUNNER_TEMP/...}
     * (never the container's own mount path, which exists only inside the step).
     */
    String shown() {
      String rel = relative.isEmpty() ? "." : relative;
      return root == Root.RUNNER_TEMP ? "$RUNNER_TEMP/" + relative : rel;
    }
  }

  static ActionPaths of(ActionContext context, Path workspace) {
    return new ActionPaths(workspace, context.runnerTemp());
  }

  /** Reading and writing stay inside the workspace and RUNNER_TEMP, links resolved. */
  AllowedRoots roots() {
    return runnerTemp
        .map(t -> AllowedRoots.of(LABEL, workspace, t))
        .orElseGet(() -> AllowedRoots.of(LABEL, workspace));
  }

  /**
   * Who gets what a root process wrote: the workspace's owner under the workspace, RUNNER_TEMP's
   * under RUNNER_TEMP (the runner empties it after the job, and cannot inside root's directories).
   */
  List<WorkspaceOwnership> owners(Console console) {
    List<WorkspaceOwnership> owners = new ArrayList<>();
    owners.add(new WorkspaceOwnership(workspace, console));
    runnerTemp.ifPresent(t -> owners.add(new WorkspaceOwnership(t, console)));
    return owners;
  }

  /**
   * The out-dir as a later step opens it. A relative out-dir is the user's own spelling; an
   * absolute one (rewritten by the runner) is made relative to the root it lies under, the
   * workspace first.
   */
  Output outDir(String label) {
    String dir = label.replace('\\', '/').replaceAll("/+$", "");
    if (!Path.of(label).isAbsolute()) {
      return new Output(dir, Root.WORKSPACE);
    }
    AllowedRoots roots = roots();
    Path real;
    try {
      real = workspace.resolve(label).toRealPath();
    } catch (IOException e) {
      real = workspace.resolve(label).toAbsolutePath().normalize();
    }
    Path ws = roots.roots().get(0);
    if (real.startsWith(ws)) {
      return new Output(slashes(ws.relativize(real)), Root.WORKSPACE);
    }
    if (roots.roots().size() > 1 && real.startsWith(roots.roots().get(1))) {
      return new Output(slashes(roots.roots().get(1).relativize(real)), Root.RUNNER_TEMP);
    }
    // Not reached: the out-dir was refused before anything was written.
    return new Output(dir, Root.WORKSPACE);
  }

  /** {@code name} inside the out-dir, relative to the out-dir's root. */
  static String file(Output outDir, String name) {
    return outDir.relative().isEmpty() ? name : outDir.relative() + "/" + name;
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
