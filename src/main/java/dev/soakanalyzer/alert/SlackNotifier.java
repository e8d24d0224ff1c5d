package dev.soakanalyzer.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.http.HttpClientFactory;
import dev.soakanalyzer.io.Sleeper;
import java.net.URI;
import java.util.Objects;

/** Slack incoming webhook: {@code {"text": ...}}. The webhook URL is the secret. */
public final class SlackNotifier implements Notifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonPoster poster;
  private final String webhookUrl;

  public SlackNotifier(String webhookUrl, HttpRetryPolicy policy, Sleeper sleeper) {
    this(webhookUrl, policy, sleeper, HttpClientFactory.direct());
  }

  /** Through {@code http}'s proxies and CAs. */
  public SlackNotifier(
      String webhookUrl, HttpRetryPolicy policy, Sleeper sleeper, HttpClientFactory http) {
    this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
    this.poster = new JsonPoster(policy, sleeper, http);
  }

  /**
   * Slack's own escaping of message text: {@code &}, {@code <} and {@code >} become entities, so a
   * symbol like {@code <!channel>} or {@code <https://x|Click>} is shown, never a ping or a link.
   */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public AlertChannel channel() {
    return AlertChannel.SLACK;
  }

  @Override
  public void send(String text) throws NotifyException {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", escape(text));
    URI uri =
        JsonPoster.uri(
            webhookUrl,
            "slack: SLACK_WEBHOOK_URL is not a valid URL",
            "slack: SLACK_WEBHOOK_URL is not an http(s) URL");
    poster.post(channel().label(), uri, body.toString());
  }
}
