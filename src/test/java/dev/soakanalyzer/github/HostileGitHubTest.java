package dev.soakanalyzer.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.github.CommentPublisher.CommentTarget;
import dev.soakanalyzer.github.CommentPublisher.Outcome;
import dev.soakanalyzer.testsupport.HostilePeer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GitHub API peers that never answer, stall the body, loop pages or send odd comments. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileGitHubTest {
  private static final String MARKER = "<!-- soak-analyzer:comment out-dir=reports/analysis -->";
  private static final CommentTarget TARGET =
      new CommentTarget(FakeGitHub.OWNER + "/" + FakeGitHub.REPO, FakeGitHub.PR, MARKER);

  private static GitHubCommentPublisher publisher(String apiUrl, Duration perCall) {
    return new GitHubCommentPublisher(
        apiUrl,
        "ghs_test",
        d -> {},
        3,
        Duration.ofSeconds(60),
        perCall,
        Duration.ofSeconds(60),
        System::nanoTime);
  }

  @Test
  void anApiThatAcceptsAndNeverAnswersIsSkippedWithAWarning() throws Exception {
    try (HostilePeer peer = HostilePeer.hang()) {
      CommentPublisher.CommentResult r =
          publisher(peer.httpUrl(), Duration.ofMillis(300)).publish(TARGET, prev -> MARKER);
      assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(r.reason())
          .isEqualTo(
              "GitHub API failed while reading the token's user: no complete answer within 300 ms");
    }
  }

  @Test
  void anApiThatSendsHeadersThenStallsTheBodyIsSkipped() throws Exception {
    try (HostilePeer peer = HostilePeer.httpHeadersThenStall()) {
      CommentPublisher.CommentResult r =
          publisher(peer.httpUrl(), Duration.ofMillis(300)).publish(TARGET, prev -> MARKER);
      assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(r.reason()).contains("reading the token's user").contains("within 300 ms");
    }
  }

  @Test
  void anEndlessChainOfNextPagesStopsAfterOneHundredPages() {
    try (FakeGitHub github = new FakeGitHub().endlessPages()) {
      CommentPublisher.CommentResult r =
          publisher(github.apiUrl(), Duration.ofSeconds(10)).publish(TARGET, prev -> MARKER);
      assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(r.reason()).endsWith(": more than 100 pages of comments");
      assertThat(github.commentPageReads()).isEqualTo(100);
      assertThat(github.posts()).isZero();
    }
  }

  @Test
  void theWholeStepEndsAtItsDeadlineHoweverManyCallsItTakes() {
    AtomicLong now = new AtomicLong();
    try (FakeGitHub github = new FakeGitHub()) {
      // Every look at the clock is 25 s later: the third call starts past the 60 s.
      GitHubCommentPublisher p =
          new GitHubCommentPublisher(
              github.apiUrl(),
              "ghs_test",
              d -> {},
              3,
              Duration.ofSeconds(60),
              Duration.ofSeconds(10),
              Duration.ofSeconds(60),
              () -> now.getAndAdd(Duration.ofSeconds(25).toNanos()));
      CommentPublisher.CommentResult r = p.publish(TARGET, prev -> MARKER);
      assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
      assertThat(r.reason()).endsWith("the comment step ran out of its 60 s");
    }
  }

  @Test
  void aCommentOfADeletedUserIsPassedOverNotACrash() throws Exception {
    try (FakeGitHub github = new FakeGitHub()) {
      github.addComment(null, MARKER + "\nghost").addComment(FakeGitHub.BOT, MARKER + "\nmine");
      CommentPublisher.CommentResult r =
          publisher(github.apiUrl(), Duration.ofSeconds(10)).publish(TARGET, prev -> MARKER + "!");
      assertThat(r.outcome()).isEqualTo(Outcome.UPDATED);
      assertThat(github.patches()).isEqualTo(1);
    }
  }
}
