package dev.soakanalyzer.core.model;

/**
 * Metadata of the run, taken from the input files.
 *
 * @param commitRange {@code first..last} commit in window order, one commit when equal, or null
 * @param profile the soak profile, or null
 * @param source where the windows came from, or null
 */
public record RunMeta(String commitRange, String profile, String source) {
  public static final RunMeta NONE = new RunMeta(null, null, null);
}
