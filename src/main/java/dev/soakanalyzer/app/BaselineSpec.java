package dev.soakanalyzer.app;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the baseline run comes from. Each kind ends as one {@code Baseline} value; a summary-shaped
 * JSON document from any further source (a history record) goes through {@link
 * BaselineLoader#fromDocument}.
 */
public sealed interface BaselineSpec {
  /** {@code --baseline PATH}: a SOAK_SUMMARY.json, or a directory holding one. */
  record SummaryFile(Path path) implements BaselineSpec {
    public SummaryFile {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * {@code --baseline-glob GLOB}: the earlier run's ITER files, analysed with this run's settings.
   */
  record IterGlob(String glob) implements BaselineSpec {
    public IterGlob {
      Objects.requireNonNull(glob, "glob");
    }
  }

  /**
   * {@code --baseline redis}: the newest run of {@code branch} in the run history; {@code branch}
   * null means none was named (then there is no comparison, with a warning).
   */
  record History(HistorySource source, String branch) implements BaselineSpec {
    public History {
      Objects.requireNonNull(source, "source");
    }
  }
}
