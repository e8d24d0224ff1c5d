package dev.soakanalyzer.action;

import dev.soakanalyzer.core.model.RunnerIdentity;
import dev.soakanalyzer.core.report.PrCommentRenderer;
import dev.soakanalyzer.github.ActionContext;
import java.util.Optional;

/**
 * Which comment of a pull request is this job's: the out-dir, the runner identity (inputs {@code
 * env}, {@code exchange}) and the optional {@code comment-key}, all in the hidden marker. Two jobs
 * of a matrix that differ in env, exchange or key keep one comment each; a rerun of one job finds
 * and updates its own.
 *
 * @param commentKey the {@code comment-key} input, empty when not given
 */
record CommentScope(RunnerIdentity identity, Optional<String> commentKey) {
  static final String DEFAULT_ENV = "dev";
  static final String DEFAULT_EXCHANGE = "bybit";

  static CommentScope from(ActionContext context) {
    return new CommentScope(
        new RunnerIdentity(
            context.input("env").orElse(DEFAULT_ENV),
            context.input("exchange").orElse(DEFAULT_EXCHANGE)),
        context.input("comment-key"));
  }

  /**
   * {@code <!-- soak-analyzer:comment out-dir=reports/analysis env=dev exchange=bybit -->}, with
   * {@code key=...} when a comment key is given. Each part ends at a space, so one scope's marker
   * is never contained in another's.
   */
  String marker(String outDir) {
    String base = PrCommentRenderer.marker(outDir);
    String open = base.substring(0, base.length() - " -->".length());
    return open
        + " "
        + identity.markerPart()
        + commentKey.map(k -> " key=" + RunnerIdentity.encode(k)).orElse("")
        + " -->";
  }

  /** The renderer's body with its out-dir marker replaced by this scope's full marker. */
  String stamp(String body, String outDir) {
    String base = PrCommentRenderer.marker(outDir);
    return body.startsWith(base) ? marker(outDir) + body.substring(base.length()) : body;
  }
}
