package dev.soakanalyzer.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.soakanalyzer.github.CommentPublisher.CommentResult;
import dev.soakanalyzer.github.CommentPublisher.CommentTarget;
import dev.soakanalyzer.github.CommentPublisher.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failed comment create is never repeated into a duplicate: before a retry the comments are
 * listed again. A rate limit's Retry-After is waited for (an injected sleeper: nothing sleeps) only
 * within the step's deadline; past it, the step goes on with a warning.
 */
class CommentRetryTest {
  private static final String MARKER = "<!-- soak-analyzer:comment out-dir=reports -->";
  private static final CommentTarget TARGET =
      new CommentTarget(FakeGitHub.OWNER + "/" + FakeGitHub.REPO, FakeGitHub.PR, MARKER);
  private static final String COMMENTS = "/repos/acme/mm-bot/issues/7/comments";

  private final FakeGitHub github = new FakeGitHub();
  private final List<Duration> sleeps = new ArrayList<>();

  @AfterEach
  void stop() {
    github.close();
  }

  private GitHubCommentPublisher publisher() {
    return new GitHubCommentPublisher(
        github.apiUrl(), "ghs_test", sleeps::add, 3, Duration.ofSeconds(60));
  }

  private static ResponseDefinitionBuilder rateLimited(String retryAfter) {
    return aResponse()
        .withStatus(403)
        .withHeader("Retry-After", retryAfter)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}");
  }

  /** From state "created" on, the list holds the bot's comment 42, as if a create had landed. */
  private void listShowsTheCommentOnceCreated() {
    String comment =
        "[{\"id\":42,\"node_id\":\"IC_42\",\"url\":\""
            + github.apiUrl()
            + "/repos/acme/mm-bot/issues/comments/42\",\"html_url\":\"https://github.com/acme/mm-bot/pull/7#issuecomment-42\",\"body\":\""
            + MARKER.replace("\"", "\\\"")
            + "\\nfirst\",\"user\":{\"login\":\""
            + FakeGitHub.BOT
            + "\",\"id\":1,\"type\":\"User\"}}]";
    github
        .server()
        .stubFor(
            get(urlPathEqualTo(COMMENTS))
                .atPriority(1)
                .inScenario("create")
                .whenScenarioStateIs("created")
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(comment)));
  }

  @Test
  void aRateLimitedCreateWaitsThenListsAgainBeforeItCreatesOnce() {
    github
        .server()
        .stubFor(
            post(urlPathEqualTo(COMMENTS))
                .atPriority(1)
                .inScenario("create")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(rateLimited("7"))
                .willSetStateTo("cooled"));

    CommentResult result = publisher().publish(TARGET, previous -> MARKER + "\nfirst");

    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.CREATED);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(github.posts()).isEqualTo(2);
    assertThat(github.commentPageReads()).as("listed again before the retry").isEqualTo(2);
  }

  @Test
  void aCommentThatAppearedWhileRateLimitedIsNotCreatedAgain() {
    github
        .server()
        .stubFor(
            post(urlPathEqualTo(COMMENTS))
                .atPriority(1)
                .inScenario("create")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(rateLimited("7"))
                .willSetStateTo("created"));
    listShowsTheCommentOnceCreated();

    CommentResult result = publisher().publish(TARGET, previous -> MARKER + "\nfirst");

    assertThat(result.outcome()).as(result.reason()).isEqualTo(Outcome.CREATED);
    assertThat(result.url()).endsWith("#issuecomment-42");
    assertThat(github.posts()).isEqualTo(1);
  }

  @Test
  void aCreateWhoseAnswerIsLostIsNeverSentTwice() {
    github
        .server()
        .stubFor(
            post(urlPathEqualTo(COMMENTS))
                .atPriority(1)
                .inScenario("create")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("created"));
    listShowsTheCommentOnceCreated();

    CommentResult result = publisher().publish(TARGET, previous -> MARKER + "\nfirst");

    assertThat(github.posts()).isEqualTo(1);
    assertThat(result.outcome()).isIn(Outcome.CREATED, Outcome.SKIPPED);
  }

  @Test
  void aRetryAfterPastTheStepsDeadlineIsAWarningWithoutWaiting() {
    github.failWrites(rateLimited("30"));
    GitHubCommentPublisher publisher =
        new GitHubCommentPublisher(
            github.apiUrl(),
            "ghs_test",
            sleeps::add,
            3,
            Duration.ofSeconds(60),
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            () -> 0L);

    CommentResult result = publisher.publish(TARGET, previous -> MARKER);

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.reason()).contains("HTTP 403").contains("rate limit");
    assertThat(sleeps).isEmpty();
    assertThat(github.posts()).isEqualTo(1);
  }
}
