package dev.soakanalyzer.github;

import dev.soakanalyzer.http.HttpClientFactory;
import dev.soakanalyzer.io.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * {@link CommentPublisher} over the GitHub REST API (kohsuke github-api). Honors {@code
 * GITHUB_API_URL} (GitHub Enterprise), waits {@code Retry-After} on secondary rate limits a bounded
 * number of times, and turns every API failure into a skipped result.
 */
public final class GitHubCommentPublisher implements CommentPublisher {

  /** Login of the default {@code GITHUB_TOKEN}, which may not call {@code GET /user}. */
  static final String ACTIONS_BOT = "github-actions[bot]";

  private static final int PAGE_SIZE = 100;

  /** Longest single API call, body included. */
  static final Duration PER_CALL = Duration.ofSeconds(20);

  /** The whole comment step: after it, a warning and the step goes on without the comment. */
  static final Duration WHOLE_STEP = Duration.ofSeconds(60);

  /** List pages read at most (100 per page): an endless {@code Link: next} chain stops here. */
  static final int MAX_PAGES = 100;

  private final String apiUrl;
  private final String token;
  private final Sleeper sleeper;
  private final int maxRetries;
  private final Duration maxWait;
  private final Duration perCall;
  private final Duration wholeStep;
  private final java.util.function.LongSupplier nanoTime;
  private DeadlineConnector connector;
  private final HttpClientFactory http;

  /**
   * @param maxRetries rate-limit retries per publish before giving up with a warning
   * @param maxWait longest single wait; a longer Retry-After gives up at once
   */
  public GitHubCommentPublisher(
      String apiUrl, String token, Sleeper sleeper, int maxRetries, Duration maxWait) {
    this(apiUrl, token, sleeper, maxRetries, maxWait, PER_CALL, WHOLE_STEP, System::nanoTime);
  }

  /**
   * @param perCall longest single API call, body included
   * @param wholeStep longest comment step, rate-limit waits included
   */
  GitHubCommentPublisher(
      String apiUrl,
      String token,
      Sleeper sleeper,
      int maxRetries,
      Duration maxWait,
      Duration perCall,
      Duration wholeStep,
      java.util.function.LongSupplier nanoTime) {
    this(apiUrl, token, sleeper, maxRetries, maxWait, perCall, wholeStep, nanoTime, null);
  }

  private GitHubCommentPublisher(
      String apiUrl,
      String token,
      Sleeper sleeper,
      int maxRetries,
      Duration maxWait,
      Duration perCall,
      Duration wholeStep,
      java.util.function.LongSupplier nanoTime,
      HttpClientFactory http) {
    this.http = http == null ? HttpClientFactory.direct() : http;
    this.apiUrl = apiUrl;
    this.token = token;
    this.sleeper = sleeper;
    this.maxRetries = maxRetries;
    this.maxWait = maxWait;
    this.perCall = perCall;
    this.wholeStep = wholeStep;
    this.nanoTime = nanoTime;
  }

  public GitHubCommentPublisher(String apiUrl, String token) {
    this(apiUrl, token, HttpClientFactory.direct());
  }

  /** Through {@code http}'s proxies and CAs (the environment's, the enterprise CA). */
  public GitHubCommentPublisher(String apiUrl, String token, HttpClientFactory http) {
    this(
        apiUrl,
        token,
        Sleeper.REAL,
        3,
        Duration.ofSeconds(60),
        PER_CALL,
        WHOLE_STEP,
        System::nanoTime,
        http);
  }

  @Override
  public CommentResult publish(CommentTarget target, CommentBody body) {
    String step = "connecting to " + apiUrl;
    try {
      AtomicInteger retries = new AtomicInteger();
      connector = new DeadlineConnector(perCall, wholeStep, MAX_PAGES, nanoTime, http);
      GitHub gh =
          new GitHubBuilder()
              .withConnector(connector)
              .withEndpoint(apiUrl)
              .withOAuthToken(token)
              .withAbuseLimitHandler(new WaitRetryAfter(retries))
              .withRateLimitHandler(new PrimaryLimit(retries))
              .build();
      step = "reading the token's user";
      String login = login(gh);
      step = "reading " + target.repository() + "#" + target.number();
      GHRepository repo = gh.getRepository(target.repository());
      GHIssue issue = repo.getIssue(target.number());
      // A create that failed may still have happened: each retry lists again first, so a
      // rate-limited or dropped create never becomes a duplicate comment.
      for (int attempt = 0; ; attempt++) {
        step = "listing comments of #" + target.number();
        GHIssueComment mine = find(issue, login, target.marker());
        if (mine != null && attempt > 0) {
          return new CommentResult(Outcome.CREATED, url(mine), "");
        }
        String newBody = body.render(Optional.ofNullable(mine).map(GHIssueComment::getBody));
        if (mine != null) {
          step = "updating comment " + mine.getId();
          mine.update(newBody);
          return new CommentResult(Outcome.UPDATED, url(mine), "");
        }
        step = "creating a comment on #" + target.number();
        connector.armCreate();
        try {
          GHIssueComment created = issue.comment(newBody);
          return new CommentResult(Outcome.CREATED, url(created), "");
        } catch (IOException e) {
          if (!notRepeated(e) || attempt >= maxRetries) {
            throw e;
          }
        }
      }
    } catch (HttpException e) {
      if (e.getResponseCode() < 0) { // no HTTP answer at all: the library wraps the cause
        return CommentResult.skipped("GitHub API failed while " + step + ": " + inWords(e));
      }
      return CommentResult.skipped(
          "GitHub API answered HTTP " + e.getResponseCode() + " while " + step + hint(e));
    } catch (GHFileNotFoundException e) {
      return CommentResult.skipped("GitHub API answered HTTP 404 while " + step);
    } catch (IOException | RuntimeException e) {
      return CommentResult.skipped("GitHub API failed while " + step + ": " + inWords(e));
    }
  }

  private static GHIssueComment find(GHIssue issue, String login, String marker)
      throws IOException {
    for (GHIssueComment c : issue.listComments().withPageSize(PAGE_SIZE)) {
      String text = c.getBody();
      if (login.equalsIgnoreCase(author(c)) && text != null && text.contains(marker)) {
        return c;
      }
    }
    return null;
  }

  private static boolean notRepeated(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeadlineConnector.CreateNotRepeated) {
        return true;
      }
    }
    return false;
  }

  /** The comment's author; a deleted account ({@code "user": null}) is nobody. */
  private static String author(GHIssueComment c) {
    try {
      return c.getUserName();
    } catch (NullPointerException e) {
      return null;
    }
  }

  /** The first cause we can name in words; never a Java class name. */
  private static String inWords(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeadlineConnector.DeadlineExceeded
          || t instanceof DeadlineConnector.TooManyPages
          || t instanceof DeadlineConnector.ViaProxy) {
        return t.getMessage();
      }
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        return "the answer was not the JSON expected";
      }
    }
    return dev.soakanalyzer.io.NetworkErrors.inWords(e)
        .map(w -> w.startsWith("TLS") ? w + DeadlineConnector.UNTRUSTED_HINT : w)
        .orElse("connection closed or answer unreadable");
  }

  /** The token's login; installation tokens (GITHUB_TOKEN) get 403 and are the Actions bot. */
  private static String login(GitHub gh) throws IOException {
    try {
      return gh.getMyself().getLogin();
    } catch (HttpException e) {
      if (e.getResponseCode() == 403) {
        return ACTIONS_BOT;
      }
      throw e;
    }
  }

  private static String url(GHIssueComment c) {
    return c.getHtmlUrl() == null ? "" : c.getHtmlUrl().toString();
  }

  private static String hint(HttpException e) {
    // A secondary rate limit is a 403 too: without this it read as a missing permission.
    String message =
        e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
    if (message.contains("rate limit")) {
      return " (rate limited: retry later; the step summary has the report)";
    }
    return switch (e.getResponseCode()) {
      case 401 -> " (token rejected)";
      case 403 -> " (token lacks write access: give the job 'pull-requests: write')";
      case 404 -> " (repository or pull request not visible to the token)";
      case 422 -> " (comment rejected as invalid)";
      case 429 -> " (rate limited)";
      default -> "";
    };
  }

  /** Secondary rate limit (403/429 with Retry-After): wait as told, a bounded number of times. */
  private final class WaitRetryAfter extends GitHubAbuseLimitHandler {
    private final AtomicInteger retries;

    WaitRetryAfter(AtomicInteger retries) {
      this.retries = retries;
    }

    @Override
    public void onError(GitHubConnectorResponse response) throws IOException {
      waitOrGiveUp(response, retries);
    }
  }

  /** Primary rate limit exhausted: same bounded wait (GitHub sends Retry-After or a reset time). */
  private final class PrimaryLimit extends GitHubRateLimitHandler {
    private final AtomicInteger retries;

    PrimaryLimit(AtomicInteger retries) {
      this.retries = retries;
    }

    @Override
    public void onError(GitHubConnectorResponse response) throws IOException {
      waitOrGiveUp(response, retries);
    }
  }

  private void waitOrGiveUp(GitHubConnectorResponse response, AtomicInteger retries)
      throws IOException {
    Duration wait = retryAfter(response);
    boolean pastStep = connector != null && wait.toNanos() >= connector.remainingNanos();
    if (retries.incrementAndGet() > maxRetries || wait.compareTo(maxWait) > 0 || pastStep) {
      throw new HttpException(
          "rate limited",
          response.statusCode(),
          "rate limited",
          response.request().url().toString());
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (IOException) new InterruptedIOException("interrupted").initCause(e);
    }
  }

  /** Retry-After in seconds or as an HTTP date; without it, GitHub's advice of one minute. */
  static Duration retryAfter(GitHubConnectorResponse response) {
    String v = response.header("Retry-After");
    if (v == null || v.isBlank()) {
      String reset = response.header("X-RateLimit-Reset");
      if (reset != null && !reset.isBlank()) {
        try {
          long secs = Long.parseLong(reset.trim()) - java.time.Instant.now().getEpochSecond();
          return Duration.ofSeconds(Math.max(1, secs));
        } catch (NumberFormatException ignored) {
          // fall through to the default
        }
      }
      return Duration.ofSeconds(61);
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException ignored) {
        return Duration.ofSeconds(61);
      }
    }
  }
}
