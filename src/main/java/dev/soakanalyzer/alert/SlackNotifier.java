package dev.soakanalyzer.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.io.Sleeper;
import java.net.URI;
import java.util.Objects;

/** Slack incoming webhook: {@code {"text": ...}}. The webhook URL is the secret. */
public final class SlackNotifier implements Notifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonPoster poster;
  private final String webhookUrl;

  public SlackNotifier(String webhookUrl, HttpRetryPolicy policy, Sleeper sleeper) {
    this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
    this.poster = new JsonPoster(policy, sleeper);
  }

  @Override
  public AlertChannel channel() {
    return AlertChannel.SLACK;
  }

  @Override
  public void send(String text) throws NotifyException {
    ObjectNode body = JSON.createObjectNode();
    body.put("text", text);
    URI uri =
        JsonPoster.uri(
            webhookUrl,
            "slack: SLACK_WEBHOOK_URL is not a valid URL",
            "slack: SLACK_WEBHOOK_URL is not an http(s) URL");
    poster.post(channel().label(), uri, body.toString());
  }
}
