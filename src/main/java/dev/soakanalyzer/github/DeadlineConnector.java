package dev.soakanalyzer.github;

import dev.soakanalyzer.http.HttpClientFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The GitHub client's transport, with deadlines the library does not give: each call ends within
 * {@code perCall} (body included: a peer that sends headers and stalls is cut off), all calls of
 * one comment step within {@code wholeStep}, and at most {@code maxPages} list pages are read (an
 * endless {@code Link: next} chain stops there).
 */
final class DeadlineConnector implements GitHubConnector {
  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final HttpClientFactory http;
  private final Duration perCall;
  private final LongSupplier nanoTime;
  private final long stepDeadline;
  private final Duration wholeStep;
  private final int maxPages;
  private int pages;

  DeadlineConnector(Duration perCall, Duration wholeStep, int maxPages, LongSupplier nanoTime) {
    this(perCall, wholeStep, maxPages, nanoTime, HttpClientFactory.direct());
  }

  DeadlineConnector(
      Duration perCall,
      Duration wholeStep,
      int maxPages,
      LongSupplier nanoTime,
      HttpClientFactory http) {
    this.http = http;
    this.perCall = perCall;
    this.wholeStep = wholeStep;
    this.maxPages = maxPages;
    this.nanoTime = nanoTime;
    this.stepDeadline = nanoTime.getAsLong() + wholeStep.toNanos();
    this.client = http.builder(perCall).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** The step's deadline passed, or one call took longer than its own. */
  static final class DeadlineExceeded extends IOException {
    DeadlineExceeded(String message) {
      super(message);
    }
  }

  static final String UNTRUSTED_HINT =
      " (a certificate of an enterprise CA? give it as the ca-file input or NODE_EXTRA_CA_CERTS)";

  /** A call through a proxy failed; the message names the proxy and what went wrong. */
  static final class ViaProxy extends IOException {
    ViaProxy(String message, IOException cause) {
      super(message, cause);
    }
  }

  /** More list pages than the cap: the chain of {@code Link: next} is not followed further. */
  static final class TooManyPages extends IOException {
    TooManyPages(String message) {
      super(message);
    }
  }

  /**
   * A comment create would be sent a second time (the library retries after a rate limit or a
   * dropped connection): the first may have been created, so the caller lists again instead.
   */
  static final class CreateNotRepeated extends IOException {
    CreateNotRepeated() {
      super("a comment create is not sent twice");
    }
  }

  private boolean createSent;

  /** Allows one comment create more; each create attempt of the publisher arms it once. */
  void armCreate() {
    createSent = false;
  }

  /** Nanoseconds left of the whole step. */
  long remainingNanos() {
    return stepDeadline - nanoTime.getAsLong();
  }

  Duration wholeStep() {
    return wholeStep;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    if ("GET".equals(request.method()) && request.url().getPath().endsWith("/comments")) {
      if (++pages > maxPages) {
        throw new TooManyPages("more than " + maxPages + " pages of comments");
      }
    }
    if ("POST".equals(request.method()) && request.url().getPath().endsWith("/comments")) {
      if (createSent) {
        throw new CreateNotRepeated();
      }
      createSent = true;
    }
    long left = remainingNanos();
    if (left <= 0) {
      throw new DeadlineExceeded(stepOver());
    }
    long budget = Math.min(left, perCall.toNanos());
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(request.url().toURI()).timeout(Duration.ofNanos(budget));
    } catch (URISyntaxException e) {
      throw new IOException("the GitHub API URL is not valid", e);
    }
    for (Map.Entry<String, List<String>> h : request.allHeaders().entrySet()) {
      if (h.getKey() == null || RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String v : h.getValue()) {
        b.header(h.getKey(), v);
      }
    }
    byte[] body = request.hasBody() ? readAll(request.body()) : new byte[0];
    b.method(
        request.method(),
        body.length == 0 && !request.hasBody()
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    try {
      HttpResponse<byte[]> r = pending.get(budget, TimeUnit.NANOSECONDS);
      return new Response(request, r.statusCode(), r.headers().map(), r.body());
    } catch (TimeoutException e) {
      throw new DeadlineExceeded(
          budget < perCall.toNanos() ? stepOver() : "no complete answer within " + words(perCall));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeadlineExceeded("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
        throw new DeadlineExceeded("no complete answer within " + words(perCall));
      }
      if (e.getCause() instanceof IOException io) {
        String words =
            dev.soakanalyzer.io.NetworkErrors.inWords(io)
                .map(w -> w.startsWith("TLS") ? w + UNTRUSTED_HINT : w)
                .orElse("connection closed");
        java.net.URI target = java.net.URI.create(request.url().toString());
        String described = http.describe(target, io, words);
        throw described.equals(words) ? io : new ViaProxy(described, io);
      }
      throw new IOException("request failed", e.getCause());
    } finally {
      pending.cancel(true);
    }
  }

  private String stepOver() {
    return "the comment step ran out of its " + words(wholeStep);
  }

  static String words(Duration d) {
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }

  private static byte[] readAll(InputStream in) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    try (in) {
      return in.readAllBytes();
    }
  }

  private static final class Response extends GitHubConnectorResponse.ByteArrayResponse {
    private final byte[] body;

    Response(
        GitHubConnectorRequest request,
        int status,
        Map<String, List<String>> headers,
        byte[] body) {
      super(request, status, headers);
      this.body = body;
    }

    @Override
    protected InputStream rawBodyStream() {
      return new ByteArrayInputStream(body);
    }
  }
}
