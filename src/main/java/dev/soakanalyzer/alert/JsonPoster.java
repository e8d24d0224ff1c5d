package dev.soakanalyzer.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.http.HttpClientFactory;
import dev.soakanalyzer.io.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a JSON body with bounded retries: 429 waits {@code retry_after} (Telegram's body) or {@code
 * Retry-After} (header); 5xx, timeouts and refused connections back off exponentially; other 4xx
 * fail at once. Messages never include the URL, which carries the secret.
 */
final class JsonPoster {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STOP_POLL = Duration.ofMillis(100);

  /** How long a request in flight may still take once SIGTERM came. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(2);

  private final HttpClient client;
  private final HttpRetryPolicy policy;
  private final Sleeper sleeper;
  private final HttpClientFactory http;

  JsonPoster(HttpClient client, HttpRetryPolicy policy, Sleeper sleeper) {
    this(client, policy, sleeper, HttpClientFactory.direct());
  }

  private JsonPoster(
      HttpClient client, HttpRetryPolicy policy, Sleeper sleeper, HttpClientFactory http) {
    this.client = client;
    this.policy = policy;
    this.sleeper = sleeper;
    this.http = http;
  }

  /**
   * A poster with its own client from {@code http} (proxies, CAs), timeouts from {@code policy}.
   */
  JsonPoster(HttpRetryPolicy policy, Sleeper sleeper, HttpClientFactory http) {
    this(http.builder(policy.connectTimeout()).build(), policy, sleeper, http);
  }

  /**
   * {@code text} as an absolute URI with a host. The messages name the setting, never its value
   * (the URL carries the secret).
   */
  static URI uri(String text, String invalid, String noHost) throws NotifyException {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new NotifyException(invalid);
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new NotifyException(noHost);
    }
    return uri;
  }

  static HttpClient newClient(HttpRetryPolicy policy) {
    return HttpClientFactory.direct().builder(policy.connectTimeout()).build();
  }

  /** Returns the 2xx response body. */
  String post(String channel, URI uri, String jsonBody) throws NotifyException {
    String lastProblem = "no attempt made";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      Duration wait = backoff(attempt);
      try {
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(policy.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = sendWithinDeadline(channel, request);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return response.body();
        }
        if (status == 429) {
          Optional<Duration> asked = retryAfter(response);
          lastProblem =
              "HTTP 429 rate limited"
                  + asked.map(d -> " (retry_after=" + d.toSeconds() + "s)").orElse("");
          if (asked.isPresent()) {
            if (asked.get().compareTo(policy.maxWait()) > 0) {
              throw new NotifyException(
                  channel
                      + ": HTTP 429 rate limited, retry_after="
                      + asked.get().toSeconds()
                      + "s is longer than the "
                      + policy.maxWait().toSeconds()
                      + "s bound, giving up");
            }
            wait = asked.get();
          }
        } else if (status >= 500) {
          lastProblem = "HTTP " + status;
          wait = retryAfter(response).filter(d -> d.compareTo(policy.maxWait()) <= 0).orElse(wait);
        } else {
          throw new NotifyException(
              channel + ": HTTP " + status + describe(response.body()) + http.via(uri));
        }
      } catch (HttpTimeoutException e) {
        lastProblem = "timed out after " + policy.requestTimeout().toMillis() + " ms";
      } catch (IOException e) {
        lastProblem = "connection failed (" + http.describe(uri, e, inWords(e)) + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotifyException(channel + ": interrupted");
      }
      if (attempt < policy.maxAttempts()) {
        try {
          if (!sleeper.stopRequested()) {
            sleeper.sleep(wait);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new NotifyException(channel + ": interrupted while waiting to retry");
        }
        // SIGTERM gives a process seconds, not the minute a retry_after or three timeouts take:
        // give up now, the alert state stays unadvanced and the next run sends it.
        if (sleeper.stopRequested()) {
          throw new NotifyException(channel + ": " + lastProblem + ", not retried: stop requested");
        }
      }
    }
    throw new NotifyException(
        channel + ": " + lastProblem + " after " + policy.maxAttempts() + " attempts");
  }

  /**
   * Sends and waits for the whole response, body included, at most {@code requestTimeout}: the
   * client's own timeout ends at the headers, so a peer that answers 200 and stalls the body would
   * hold the caller for ever. Checks the stop request every {@link #STOP_POLL}: once SIGTERM came,
   * a request in flight gets {@link #STOP_GRACE} more, then it is abandoned.
   */
  private HttpResponse<String> sendWithinDeadline(String channel, HttpRequest request)
      throws IOException, InterruptedException, NotifyException {
    CompletableFuture<HttpResponse<String>> pending =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + policy.requestTimeout().toNanos();
    long stopSeen = 0;
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new HttpTimeoutException("request timed out");
        }
        if (sleeper.stopRequested()) {
          if (stopSeen == 0) {
            // A healthy peer answers within the grace and the alert still goes out.
            stopSeen = System.nanoTime();
          } else if (System.nanoTime() - stopSeen > STOP_GRACE.toNanos()) {
            throw new NotifyException(channel + ": request abandoned: stop requested");
          }
        }
        try {
          return pending.get(Math.min(left, STOP_POLL.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // poll again: deadline and stop request
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw io;
          }
          throw new IOException("request failed", cause);
        }
      }
    } finally {
      pending.cancel(true);
    }
  }

  /** What went wrong on the wire, in words (never a Java class name). */
  static String inWords(IOException e) {
    return dev.soakanalyzer.io.NetworkErrors.inWords(e).orElse("connection closed or reset");
  }

  private Duration backoff(int attempt) {
    long factor = 1L << Math.min(attempt - 1, 10);
    Duration d = policy.baseBackoff().multipliedBy(factor);
    return d.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : d;
  }

  /** Telegram says {@code {"parameters":{"retry_after":N}}}; HTTP says {@code Retry-After: N}. */
  static Optional<Duration> retryAfter(HttpResponse<String> response) {
    try {
      JsonNode node = JSON.readTree(response.body());
      JsonNode ra = node == null ? null : node.path("parameters").path("retry_after");
      if (ra != null && ra.canConvertToLong()) {
        return Optional.of(Duration.ofSeconds(Math.max(0, ra.asLong())));
      }
      if (node != null && node.path("retry_after").canConvertToLong()) {
        return Optional.of(Duration.ofSeconds(Math.max(0, node.path("retry_after").asLong())));
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON: fall back to the header.
    }
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            v -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
              } catch (NumberFormatException e) {
                return Optional.empty();
              }
            });
  }

  /** Telegram's {@code description}, short; never the request. */
  private static String describe(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      String d = node == null ? "" : node.path("description").asText("");
      if (!d.isEmpty()) {
        return " (" + (d.length() > 160 ? d.substring(0, 160) + "…" : d) + ")";
      }
    } catch (IOException | RuntimeException e) {
      // Not JSON: say nothing more.
    }
    return "";
  }
}
