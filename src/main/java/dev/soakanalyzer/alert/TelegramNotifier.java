package dev.soakanalyzer.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.http.HttpClientFactory;
import dev.soakanalyzer.io.Sleeper;
import java.net.URI;
import java.util.Objects;

/**
 * Telegram Bot API {@code sendMessage} in plain text (no parse mode, so no symbol or note can break
 * the message). The base URL is configurable ({@code TELEGRAM_API_URL}) for tests and proxies.
 */
public final class TelegramNotifier implements Notifier {
  public static final String DEFAULT_API_URL = "https://api.telegram.org";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonPoster poster;
  private final String apiUrl;
  private final String token;
  private final String chatId;

  public TelegramNotifier(
      String apiUrl, String token, String chatId, HttpRetryPolicy policy, Sleeper sleeper) {
    this(apiUrl, token, chatId, policy, sleeper, HttpClientFactory.direct());
  }

  /** Through {@code http}'s proxies and CAs. */
  public TelegramNotifier(
      String apiUrl,
      String token,
      String chatId,
      HttpRetryPolicy policy,
      Sleeper sleeper,
      HttpClientFactory http) {
    this.apiUrl = stripSlash(apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl);
    this.token = Objects.requireNonNull(token, "token");
    this.chatId = Objects.requireNonNull(chatId, "chatId");
    this.poster = new JsonPoster(policy, sleeper, http);
  }

  @Override
  public AlertChannel channel() {
    return AlertChannel.TELEGRAM;
  }

  @Override
  public void send(String text) throws NotifyException {
    ObjectNode body = JSON.createObjectNode();
    body.put("chat_id", chatId);
    body.put("text", text);
    body.put("disable_web_page_preview", true);
    String invalid = "telegram: TELEGRAM_API_URL or TELEGRAM_BOT_TOKEN is not a valid URL";
    URI uri = JsonPoster.uri(apiUrl + "/bot" + token + "/sendMessage", invalid, invalid);
    poster.post(channel().label(), uri, body.toString());
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
