package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import dev.soakanalyzer.app.BaselineSpec;
import dev.soakanalyzer.app.ComparisonOptions;
import dev.soakanalyzer.app.HistorySource;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The baseline comparison options shared by {@code analyze}, {@code run} and the action, mapped
 * once to {@link ComparisonOptions}. {@code --exit-on-regression} is the commands' own, beside
 * {@code --exit-on-crit}.
 */
final class BaselineOptions extends OptionGroup {
  static final String DEFAULT_MIN_CHANGE = "5";

  /** The {@code --baseline} value that means the run history in Redis. */
  static final String HISTORY = "redis";

  private final OptionSpec baseline =
      add(
          option(
                  "--baseline",
                  String.class,
                  "PATH",
                  "Compare with this earlier run: its SOAK_SUMMARY.json, or a directory holding one;"
                      + " 'redis' takes the newest run of --baseline-branch from the run history"
                      + " (run, and the action with redis-url).")
              .build());

  private final OptionSpec baselineGlob =
      add(
          option(
                  "--baseline-glob",
                  String.class,
                  "GLOB",
                  "Compare with the earlier run of these ITER_SUMMARY files (analysed with the same settings).")
              .build());

  private final OptionSpec baselineBranch =
      add(
          option(
                  "--baseline-branch",
                  String.class,
                  "BRANCH",
                  "Branch the baseline is of, naming it when its summary does not (the action: the PR's base branch).")
              .build());

  private final OptionSpec minChange =
      add(
          option(
                  "--regression-min-change",
                  Double.class,
                  "PCT",
                  "Smallest significant change, in percent of the baseline mean, that counts as a regression or improvement (default: "
                      + DEFAULT_MIN_CHANGE
                      + ").")
              .build());

  private final OptionSpec ref =
      add(
          option(
                  "--ref",
                  String.class,
                  "REF",
                  "Branch or ref of this run, written to SOAK_SUMMARY.json meta.ref (a later run names its baseline by it).")
              .build());

  private final OptionSpec sha =
      add(
          option(
                  "--sha",
                  String.class,
                  "SHA",
                  "Commit of this run, written to SOAK_SUMMARY.json meta.sha.")
              .build());

  /** The validated options; {@code runId} comes from the environment (the action), else null. */
  ComparisonOptions toOptions(String defaultRef, String defaultSha, String runId) {
    return toOptions(defaultRef, defaultSha, runId, null);
  }

  /** As above; {@code defaultBranch} names the baseline when --baseline-branch is not given. */
  ComparisonOptions toOptions(
      String defaultRef, String defaultSha, String runId, String defaultBranch) {
    return toOptions(defaultRef, defaultSha, runId, defaultBranch, null);
  }

  /**
   * As above; {@code history} reads {@code --baseline redis}, or is null where there is no Redis
   * connection (then that value is a usage error).
   */
  ComparisonOptions toOptions(
      String defaultRef,
      String defaultSha,
      String runId,
      String defaultBranch,
      HistorySource history) {
    List<String> problems = new ArrayList<>();
    String path = blankToNull(baseline.getValue());
    String glob = blankToNull(baselineGlob.getValue());
    if (baseline.getValue() != null && path == null) {
      problems.add("--baseline must not be empty");
    }
    if (baselineGlob.getValue() != null && glob == null) {
      problems.add("--baseline-glob must not be empty");
    }
    if (path != null && glob != null) {
      problems.add("--baseline and --baseline-glob are alternatives: give one");
    }
    Double pct = minChange.getValue();
    double min = pct == null ? Double.parseDouble(DEFAULT_MIN_CHANGE) : pct;
    if (!(min >= 0) || !Double.isFinite(min)) {
      problems.add("--regression-min-change must be a finite percentage of 0 or more, not " + pct);
    }
    boolean fromHistory = HISTORY.equals(path);
    if (fromHistory && history == null) {
      problems.add(
          "--baseline redis reads the run history in Redis: use it with run or the action's"
              + " redis-url input");
    }
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    String r = blankToNull(ref.getValue());
    String s = blankToNull(sha.getValue());
    String branch = blankToNull(baselineBranch.getValue());
    String baselineOf = branch != null ? branch : defaultBranch;
    BaselineSpec spec =
        fromHistory
            ? new BaselineSpec.History(history, baselineOf)
            : path != null
                ? new BaselineSpec.SummaryFile(Path.of(path))
                : glob != null ? new BaselineSpec.IterGlob(glob) : null;
    return new ComparisonOptions(
        spec, min, r != null ? r : defaultRef, s != null ? s : defaultSha, runId, baselineOf);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
