package dev.soakanalyzer.state;

import dev.soakanalyzer.core.model.RunnerIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One runner identity's local state directory, {@code <state-dir>/{env}.{exchange}/}: every local
 * state file (alert state, dry-run alert state, heartbeat, export status, Redis-down alert) lives
 * there, so runners of different envs, exchanges or namespaces sharing one working directory never
 * read each other's state.
 *
 * @param root the {@code --state-dir} as given (default {@code artifacts/state})
 * @param dir this identity's directory below it
 */
public record StateDirectory(Path root, Path dir, RunnerIdentity identity) {
  public static final String ALERT_STATE = "alert_state.json";
  public static final String DRY_RUN_ALERT_STATE = "alert_state.dry-run.json";
  public static final String REDIS_DOWN_ALERT = "redis_down_alert.json";
  public static final String HEARTBEAT = "heartbeat.json";

  /** Files an earlier version kept directly in {@code <state-dir>}, shared by every identity. */
  public static final List<String> LEGACY_FILES =
      List.of(
          ALERT_STATE,
          DRY_RUN_ALERT_STATE,
          HEARTBEAT,
          ExportStatusFile.FILE_NAME,
          REDIS_DOWN_ALERT);

  public StateDirectory {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(identity, "identity");
  }

  public static StateDirectory of(Path root, RunnerIdentity identity) {
    return new StateDirectory(root, root.resolve(identity.directoryName()), identity);
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  /**
   * The unkeyed state files of an earlier version found in the root. They are never read: whose
   * they were cannot be told, and merging them would hand one env's debounce to another.
   */
  public List<Path> legacyFiles() {
    return LEGACY_FILES.stream().map(root::resolve).filter(Files::isRegularFile).toList();
  }

  /** The one warning about {@link #legacyFiles()}, or empty when there are none. */
  public java.util.Optional<String> legacyWarning() {
    List<Path> legacy = legacyFiles();
    if (legacy.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "ignored unkeyed state file"
            + (legacy.size() == 1 ? " " : "s ")
            + String.join(", ", legacy.stream().map(Path::toString).toList())
            + " of an earlier version (whose env it was cannot be told); state of "
            + identity
            + " is kept in "
            + dir
            + " (delete the old file"
            + (legacy.size() == 1 ? "" : "s")
            + " to silence this)");
  }
}
