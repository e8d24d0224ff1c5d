package dev.soakanalyzer.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.core.model.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The last delivered alert: {@code {last_level, last_sent_utc, last_signature}} as stored in Redis
 * or in {@code artifacts/state/{env}.{exchange}/alert_state.json}.
 */
public record AlertState(Level lastLevel, Instant lastSentUtc, String lastSignature) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public AlertState {
    Objects.requireNonNull(lastLevel, "lastLevel");
    Objects.requireNonNull(lastSentUtc, "lastSentUtc");
    lastSentUtc = lastSentUtc.truncatedTo(ChronoUnit.SECONDS);
    lastSignature = lastSignature == null ? "" : lastSignature;
  }

  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("last_level", lastLevel.name());
    node.put("last_sent_utc", lastSentUtc.toString());
    node.put("last_signature", lastSignature);
    return node.toString();
  }

  /**
   * Reads the stored JSON; an unreadable value is treated as no state (the next alert is sent and
   * overwrites it) rather than blocking alerts forever.
   */
  public static Optional<AlertState> fromJson(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(text);
      String level = node.path("last_level").asText("");
      // The guide's examples also spell the time "last_sent_at".
      String sent = node.path("last_sent_utc").asText(node.path("last_sent_at").asText(""));
      if (level.isEmpty() || sent.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new AlertState(
              Level.parse(level), Instant.parse(sent), node.path("last_signature").asText("")));
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
