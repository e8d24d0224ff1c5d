package dev.soakanalyzer.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.github.CommentPublisher.CommentResult;
import dev.soakanalyzer.github.CommentPublisher.CommentTarget;
import dev.soakanalyzer.github.CommentPublisher.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubCommentPublisherTest {

  private static final String MARKER = "<!-- soak-analyzer:comment out-dir=reports/analysis -->";
  private static final CommentTarget TARGET =
      new CommentTarget(FakeGitHub.OWNER + "/" + FakeGitHub.REPO, FakeGitHub.PR, MARKER);

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

  @Test
  void createsTheCommentWhenTheTokenUserHasNoneYet() throws Exception {
    AtomicReference<Optional<String>> seen = new AtomicReference<>();
    CommentResult result =
        publisher()
            .publish(
                TARGET,
                previous -> {
                  seen.set(previous);
                  return MARKER + "\nfirst";
                });

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.url()).contains("/pull/7#issuecomment-");
    assertThat(seen.get()).isEmpty();
    github.applyWrites();
    assertThat(github.comments())
        .extracting(FakeGitHub.Comment::body)
        .containsExactly(MARKER + "\nfirst");
  }

  @Test
  void updatesItsOwnCommentInPlaceAndLeavesAnotherUsersCommentWithTheSameMarkerAlone()
      throws Exception {
    github.addComment("mallory", MARKER + "\nforged");
    github.addComment(FakeGitHub.BOT, MARKER + "\nold");
    AtomicReference<Optional<String>> seen = new AtomicReference<>();

    CommentResult result =
        publisher()
            .publish(
                TARGET,
                previous -> {
                  seen.set(previous);
                  return MARKER + "\nnew";
                });

    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(seen.get()).contains(MARKER + "\nold");
    assertThat(github.posts()).isZero();
    github.applyWrites();
    assertThat(github.comments())
        .extracting(FakeGitHub.Comment::body)
        .containsExactly(MARKER + "\nforged", MARKER + "\nnew");
  }

  @Test
  void findsItsCommentOnTheSecondPage() throws Exception {
    github.pageSize(2);
    github.addComment("octocat", "LGTM");
    github.addComment("octocat", "one nit");
    github.addComment(FakeGitHub.BOT, MARKER + "\nold");

    CommentResult result = publisher().publish(TARGET, previous -> MARKER + "\nnew");

    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(github.posts()).isZero();
    github
        .server()
        .verify(
            getRequestedFor(urlPathEqualTo("/repos/acme/mm-bot/issues/7/comments"))
                .withQueryParam(
                    "page", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2")));
  }

  @Test
  void aCommentWithAnotherOutDirMarkerIsNotTouched() throws Exception {
    github.addComment(FakeGitHub.BOT, "<!-- soak-analyzer:comment out-dir=reports/other -->\nx");

    CommentResult result = publisher().publish(TARGET, previous -> MARKER + "\nnew");

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(github.patches()).isZero();
  }

  @Test
  void theDefaultActionsTokenWhichMayNotReadTheUserIsTheActionsBot() throws Exception {
    github.userEndpointForbidden();
    github.addComment(GitHubCommentPublisher.ACTIONS_BOT, MARKER + "\nold");

    CommentResult result = publisher().publish(TARGET, previous -> MARKER + "\nnew");

    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
  }

  @Test
  void aForbiddenWriteIsSkippedWithAReasonNotAnException() {
    github.failWrites(
        aResponse()
            .withStatus(403)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"message\":\"Resource not accessible by integration\",\"status\":\"403\"}"));

    CommentResult result = publisher().publish(TARGET, previous -> MARKER);

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.reason()).contains("HTTP 403").contains("pull-requests: write");
    assertThat(result.reason()).doesNotContain("ghs_test");
  }

  @Test
  void unprocessableAndServerErrorsAreSkipped() {
    github.failWrites(aResponse().withStatus(422).withBody("{\"message\":\"Validation Failed\"}"));
    assertThat(publisher().publish(TARGET, p -> MARKER).reason()).contains("HTTP 422");
  }

  @Test
  void aSecondaryRateLimitWaitsRetryAfterThenSucceeds() {
    github
        .server()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    urlPathEqualTo("/repos/acme/mm-bot/issues/7/comments"))
                .inScenario("limit")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}"))
                .willSetStateTo("cooled"));
    github
        .server()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.post(
                    urlPathEqualTo("/repos/acme/mm-bot/issues/7/comments"))
                .inScenario("limit")
                .whenScenarioStateIs("cooled")
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"id\":5,\"html_url\":\"https://github.com/acme/mm-bot/pull/7#issuecomment-5\",\"body\":\"x\",\"user\":{\"login\":\"soak-bot\"}}")));

    CommentResult result = publisher().publish(TARGET, previous -> MARKER);

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aPersistentRateLimitGivesUpAfterTheRetryBudget() {
    github.failWrites(
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "1")
            .withBody("{\"message\":\"API rate limit exceeded\"}"));

    CommentResult result = publisher().publish(TARGET, previous -> MARKER);

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void aRepositoryTheTokenCannotSeeIsSkippedAsNotFound() {
    github
        .server()
        .stubFor(
            com.github.tomakehurst.wiremock.client.WireMock.get(
                    urlPathEqualTo("/repos/acme/mm-bot"))
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Not Found\"}")));

    CommentResult result = publisher().publish(TARGET, previous -> MARKER);

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.reason()).contains("HTTP 404").contains("reading acme/mm-bot#7");
    assertThat(github.posts()).isZero();
  }

  @Test
  void aBadGatewayOnTheWriteIsSkippedWithItsStatus() {
    github.failWrites(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>"));

    CommentResult result = publisher().publish(TARGET, previous -> MARKER);

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.reason()).contains("HTTP 502").contains("creating a comment on #7");
  }

  @Test
  void aSecondaryRateLimitWithoutRetryAfterGivesUpAtOnceAndSaysRateLimited() {
    // GitHub's advice without Retry-After is "wait at least a minute": longer than our bound.
    github.failWrites(
        aResponse()
            .withStatus(403)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"message\":\"You have exceeded a secondary rate limit and have been temporarily"
                    + " blocked from content creation. Please retry your request again later.\"}"));

    CommentResult result = publisher().publish(TARGET, previous -> MARKER);

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.reason()).contains("HTTP 403").contains("rate limit");
    assertThat(result.reason()).doesNotContain("pull-requests: write");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aSecondaryRateLimitAskingForMoreThanTheBoundGivesUpWithoutWaiting() {
    github.failWrites(
        aResponse()
            .withStatus(403)
            .withHeader("Retry-After", "3600")
            .withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"));

    CommentResult result = publisher().publish(TARGET, previous -> MARKER);

    assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
    assertThat(result.reason()).contains("HTTP 403").contains("rate limit");
    assertThat(result.reason()).doesNotContain("pull-requests: write");
    assertThat(sleeps).isEmpty();
  }
}
