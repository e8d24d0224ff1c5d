package dev.soakanalyzer.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The alert state of every channel: what was last delivered where, so a channel that failed is
 * retried alone and each channel's debounce starts at its own delivery. Stored as
 *
 * <pre>{@code
 * {"last_level":"CRIT","last_sent_utc":"...","last_signature":"...",
 *  "channels":{"slack":{"last_level":...,"last_sent_utc":...,"last_signature":...},"telegram":{...}}}
 * }</pre>
 *
 * The top-level fields repeat the newest delivery (what {@code redis-cli GET} readers expect, and
 * what decides which copy wins when Redis and the local file disagree). A record without {@code
 * channels} (written before per-channel tracking) applies to every channel.
 */
public record AlertLedger(Map<String, AlertState> channels) {
  /** The entry of a record without per-channel data: it stands for every channel. */
  static final String ANY_CHANNEL = "*";

  public static final AlertLedger EMPTY = new AlertLedger(Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  public AlertLedger {
    channels = java.util.Collections.unmodifiableMap(new TreeMap<>(channels));
  }

  public boolean isEmpty() {
    return channels.isEmpty();
  }

  /** The last delivery on {@code channel}, if any. */
  public Optional<AlertState> forChannel(String channel) {
    AlertState s = channels.get(channel);
    return Optional.ofNullable(s != null ? s : channels.get(ANY_CHANNEL));
  }

  /** The newest delivery on any channel. */
  public Optional<AlertState> latest() {
    return channels.values().stream().max(Comparator.comparing(AlertState::lastSentUtc));
  }

  /** {@code state} recorded for each of {@code delivered}. */
  public AlertLedger delivered(List<String> delivered, AlertState state) {
    Map<String, AlertState> next = new TreeMap<>(channels);
    for (String ch : delivered) {
      next.put(ch, state);
    }
    return new AlertLedger(next);
  }

  /** Every {@code last_sent_utc} after {@code now} replaced by {@code now}. */
  public AlertLedger notAfter(Instant now) {
    Map<String, AlertState> next = new TreeMap<>();
    channels.forEach(
        (ch, s) ->
            next.put(
                ch,
                s.lastSentUtc().isAfter(now)
                    ? new AlertState(s.lastLevel(), now, s.lastSignature())
                    : s));
    return new AlertLedger(next);
  }

  /** True when some delivery is dated after {@code now} (a clock that was ahead). */
  public boolean hasFutureTimestamp(Instant now) {
    return channels.values().stream().anyMatch(s -> s.lastSentUtc().isAfter(now));
  }

  /** Of two copies, the one whose newest delivery is newer; {@code this} on a tie. */
  public AlertLedger newer(AlertLedger other) {
    Optional<Instant> mine = latest().map(AlertState::lastSentUtc);
    Optional<Instant> theirs = other.latest().map(AlertState::lastSentUtc);
    if (theirs.isEmpty()) {
      return this;
    }
    if (mine.isEmpty()) {
      return other;
    }
    return theirs.get().isAfter(mine.get()) ? other : this;
  }

  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    latest()
        .ifPresent(
            s -> {
              node.put("last_level", s.lastLevel().name());
              node.put("last_sent_utc", s.lastSentUtc().toString());
              node.put("last_signature", s.lastSignature());
            });
    ObjectNode per = node.putObject("channels");
    channels.forEach(
        (ch, s) -> {
          try {
            per.set(ch, JSON.readTree(s.toJson()));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
    return node.toString();
  }

  /**
   * Reads a stored record; blank is empty.
   *
   * @throws IllegalArgumentException when the text is not a readable alert state (the caller warns
   *     naming where it came from and starts fresh)
   */
  public static AlertLedger fromJson(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Map<String, AlertState> channels = new TreeMap<>();
    JsonNode per = node.get("channels");
    if (per != null && per.isObject()) {
      per.fields()
          .forEachRemaining(
              e ->
                  channels.put(
                      e.getKey(),
                      AlertState.fromJson(e.getValue().toString())
                          .orElseThrow(
                              () ->
                                  new IllegalArgumentException(
                                      "unreadable entry for channel " + e.getKey()))));
      return new AlertLedger(channels);
    }
    if (per != null) {
      throw new IllegalArgumentException("channels is not an object");
    }
    AlertState legacy =
        AlertState.fromJson(text)
            .orElseThrow(
                () -> new IllegalArgumentException("no valid last_level and last_sent_utc"));
    return new AlertLedger(Map.of(ANY_CHANNEL, legacy));
  }
}
