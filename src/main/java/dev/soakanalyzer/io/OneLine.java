package dev.soakanalyzer.io;

/**
 * A multi-line message (an exception, a server reply) as one line for an error or log line: each
 * line break and the blanks around it become one space. The one place that does so.
 */
public final class OneLine {
  private OneLine() {}

  public static String of(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
