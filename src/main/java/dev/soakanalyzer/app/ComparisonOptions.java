package dev.soakanalyzer.app;

import dev.soakanalyzer.core.analysis.BaselineComparator;

/**
 * The baseline to compare with and the run's own identity, as a later run will name it.
 *
 * @param baseline where the baseline comes from, or null for no comparison
 * @param minChangePct {@code --regression-min-change}, percent
 * @param ref {@code --ref} (the action: the branch), or null
 * @param sha {@code --sha} (the action: GITHUB_SHA), or null
 * @param runId the CI run id (the action: GITHUB_RUN_ID), or null
 * @param baselineBranch the branch the baseline is of ({@code --baseline-branch}; the action: the
 *     PR's base), naming a baseline whose summary does not say, or null
 */
public record ComparisonOptions(
    BaselineSpec baseline,
    double minChangePct,
    String ref,
    String sha,
    String runId,
    String baselineBranch) {
  public static final ComparisonOptions NONE =
      new ComparisonOptions(
          null, BaselineComparator.DEFAULT_MIN_CHANGE_PCT, null, null, null, null);

  public ComparisonOptions {
    if (!(minChangePct >= 0) || !Double.isFinite(minChangePct)) {
      throw new IllegalArgumentException("minimum change must be a finite percentage >= 0");
    }
  }
}
