package dev.soakanalyzer.core.model;

/**
 * Metadata of the run: from the input files, and where it ran when the caller knows it.
 *
 * @param commitRange {@code first..last} commit in window order, one commit when equal, or null
 * @param profile the soak profile, or null
 * @param source where the windows came from, or null
 * @param ref the branch or ref the run is of ({@code --ref}, GITHUB_REF_NAME), or null
 * @param sha the commit the run is of ({@code --sha}, GITHUB_SHA), or null
 * @param runId the CI run that produced it (GITHUB_RUN_ID), or null
 */
public record RunMeta(
    String commitRange, String profile, String source, String ref, String sha, String runId) {
  public static final RunMeta NONE = new RunMeta(null, null, null);

  /** From the input files alone. */
  public RunMeta(String commitRange, String profile, String source) {
    this(commitRange, profile, source, null, null, null);
  }

  /** The same, with where it ran (a null keeps the value already known). */
  public RunMeta withRun(String ref, String sha, String runId) {
    return new RunMeta(
        commitRange,
        profile,
        source,
        ref != null ? ref : this.ref,
        sha != null ? sha : this.sha,
        runId != null ? runId : this.runId);
  }
}
