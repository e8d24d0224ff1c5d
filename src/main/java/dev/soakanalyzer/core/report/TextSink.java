package dev.soakanalyzer.core.report;

/**
 * Where a renderer sends its text, piece by piece, so a large report can go straight to a file
 * instead of being built whole in memory first.
 */
@FunctionalInterface
public interface TextSink {
  void write(CharSequence text);

  /** What {@code render} writes, collected into one string of about {@code capacity} chars. */
  static String collect(int capacity, java.util.function.Consumer<TextSink> render) {
    StringBuilder all = new StringBuilder(capacity);
    render.accept(all::append);
    return all.toString();
  }

  /** Hands the builder's content to the sink once it is large, and empties it. */
  static void flushIfLarge(StringBuilder sb, TextSink sink) {
    if (sb.length() >= 1 << 15) {
      sink.write(sb);
      sb.setLength(0);
    }
  }
}
