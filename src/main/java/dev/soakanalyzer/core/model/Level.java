package dev.soakanalyzer.core.model;

/** Severity of a window, a cell or a whole run. Declared in ascending severity. */
public enum Level {
  OK,
  WARN,
  CRIT;

  public boolean isAtLeast(Level other) {
    return compareTo(other) >= 0;
  }

  public static Level worst(Level a, Level b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Parses OK/WARN/CRIT case-insensitively. */
  public static Level parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
