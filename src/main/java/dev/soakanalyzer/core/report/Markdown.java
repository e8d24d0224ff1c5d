package dev.soakanalyzer.core.report;

/**
 * Escaping of text that comes from input files (symbol names, notes, metadata) so it cannot break a
 * table, inject HTML, images, links, @mentions or #issue references into rendered Markdown.
 */
public final class Markdown {
  private Markdown() {}

  private static final char ZWSP = '\u200B';
  private static final String BACKSLASHED = "\\`[]|*_~";

  /** Text safe inside a Markdown table cell or a line of prose. */
  public static String escapeCell(String text) {
    return escapeCell(text, Integer.MAX_VALUE);
  }

  /**
   * Text safe inside a table cell or a line, cut to {@code maxCodePoints} (with an ellipsis): no
   * HTML, images, links, autolinks, emphasis, @mentions or #references can come out of it, and it
   * stays on one line.
   */
  public static String escapeCell(String text, int maxCodePoints) {
    if (text == null) {
      return "";
    }
    int[] cps = text.codePoints().toArray();
    int n = Math.min(cps.length, maxCodePoints);
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (int i = 0; i < n; i++) {
      int cp = cps[i];
      if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
        b.append(' ');
      } else if (isBidiControl(cp)) {
        // U+202E would show BTC\u202eTDSU as BTCUSDT: the control is shown as a replacement mark.
        b.append('\uFFFD');
      } else if ((cp == '-')
          && i >= 2
          && (cps[i - 2] == 'G' || cps[i - 2] == 'g')
          && (cps[i - 1] == 'H' || cps[i - 1] == 'h')
          && (i < 3 || !Character.isLetterOrDigit(cps[i - 3]))
          && i + 1 < n
          && Character.isDigit(cps[i + 1])) {
        // "GH-1" is GitHub's other issue reference (autolinked, and it notifies).
        b.append(ZWSP).append('-');
      } else if (cp == '&') {
        b.append("&amp;");
      } else if (cp == '<') {
        b.append("&lt;");
      } else if (cp == '>') {
        b.append("&gt;");
      } else if (cp == '"') {
        b.append("&quot;");
      } else if (cp == '@') {
        // A zero-width space after '@' keeps GitHub from turning it into a mention.
        b.append('@').append(ZWSP);
      } else if (cp == '#' && i + 1 < n && Character.isDigit(cps[i + 1])) {
        // "#123" would cross-reference (and notify) issue 123 of the repository.
        b.append('#').append(ZWSP);
      } else if (cp == ':' && i + 2 < n && cps[i + 1] == '/' && cps[i + 2] == '/') {
        // Bare URLs are autolinked: break the scheme separator...
        b.append(':').append(ZWSP);
      } else if (cp == '.' && i >= 3 && "www".equalsIgnoreCase(new String(cps, i - 3, 3))) {
        // ...and the www. prefix.
        b.append(ZWSP).append('.');
      } else if (cp < 128 && BACKSLASHED.indexOf(cp) >= 0) {
        // What can break a table, open a code span, form a link or an image, or add emphasis.
        b.append('\\').appendCodePoint(cp);
      } else {
        b.appendCodePoint(cp);
      }
    }
    if (cps.length > n) {
      b.append('…');
    }
    return b.toString();
  }

  /** Text safe inside an inline code span: backticks and line breaks removed. */
  public static String code(String text) {
    if (text == null) {
      return "``";
    }
    String cleaned = text.replace('`', '\'').replaceAll("[\\r\\n\\t\\x00-\\x1f]", " ");
    StringBuilder b = new StringBuilder(cleaned.length());
    cleaned.codePoints().forEach(cp -> b.appendCodePoint(isBidiControl(cp) ? 0xFFFD : cp));
    return "`" + b + "`";
  }

  /**
   * The Unicode controls that reorder displayed text (embeddings, overrides, isolates and the
   * directional marks): a reviewer must read what the file says.
   */
  public static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E
        || cp == 0x200F
        || cp == 0x061C;
  }
}
