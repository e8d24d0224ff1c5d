package dev.soakanalyzer.action;

import java.time.Duration;
import java.util.Objects;

/**
 * The action's own inputs, besides the analysis settings.
 *
 * @param outDirLabel the out-dir as the user wrote it (workspace-relative), used in outputs and the
 *     comment marker
 * @param exitOnRegression input {@code fail-on-regression}: exit 1 when a cell REGRESSED
 * @param githubToken token for the PR comment, or null
 * @param redis the optional Redis export, or null without {@code redis-url}
 */
public record ActionSettings(
    String outDirLabel,
    boolean exitOnCrit,
    boolean exitOnRegression,
    boolean comment,
    boolean stepSummary,
    String githubToken,
    Redis redis) {

  public ActionSettings {
    Objects.requireNonNull(outDirLabel, "outDirLabel");
  }

  /**
   * Inputs of the Redis export (docs/REDIS.md).
   *
   * @param url {@code redis://} or {@code rediss://} URL, a secret
   */
  public record Redis(
      String url, String env, String exchange, Duration ttl, boolean stream, int streamMaxlen) {

    @Override
    public String toString() {
      return "Redis[env=" + env + ", exchange=" + exchange + "]";
    }
  }

  @Override
  public String toString() {
    return "ActionSettings[outDir=" + outDirLabel + ", exitOnCrit=" + exitOnCrit + "]";
  }
}
