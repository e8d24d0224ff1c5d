package dev.soakanalyzer.alert;

import java.util.Locale;
import java.util.Optional;

/** The alert channels, a closed set; {@link #label()} is the name in flags, logs and metrics. */
public enum AlertChannel {
  TELEGRAM,
  SLACK;

  /** {@code telegram} or {@code slack}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The channel a flag value names (case and surrounding blanks ignored), or empty. */
  public static Optional<AlertChannel> parse(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (AlertChannel c : values()) {
      if (c.label().equals(wanted)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return label();
  }
}
