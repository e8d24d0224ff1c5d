package dev.soakanalyzer.github;

import java.util.Optional;

/**
 * Keeps one comment per pull request and marker up to date. Implementations never throw for API
 * trouble (forbidden, not found, rate limits, network): they return {@link CommentResult#skipped}
 * with the reason, because a comment is a courtesy and must never fail the step.
 */
public interface CommentPublisher {

  /**
   * Finds the comment holding {@code target.marker()} among the token user's comments and replaces
   * its body, or creates it.
   *
   * @param body renders the new body from the previous one (empty when there is none yet)
   */
  CommentResult publish(CommentTarget target, CommentBody body);

  /** Where the comment goes and how it is recognised. */
  record CommentTarget(String repository, int number, String marker) {}

  /** Renders the new body, given the body of this action's previous comment. */
  @FunctionalInterface
  interface CommentBody {
    String render(Optional<String> previousBody);
  }

  /** What happened to the comment. */
  enum Outcome {
    CREATED,
    UPDATED,
    SKIPPED
  }

  /**
   * @param url the comment's html_url, empty when skipped
   * @param reason why it was skipped (one line, no secrets), empty otherwise
   */
  record CommentResult(Outcome outcome, String url, String reason) {
    public static CommentResult skipped(String reason) {
      return new CommentResult(Outcome.SKIPPED, "", reason);
    }
  }
}
