package dev.soakanalyzer.core.report;

/**
 * Escaping of text that comes from input files (symbol names, notes, metadata) so it cannot break a
 * table, inject HTML, images, links, @mentions or #issue references into rendered Markdown.
 */
public final class Markdown {
  private Markdown() {}

  /** Text safe inside a Markdown table cell or a line of prose. */
  public static String escapeCell(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        // Only what can break a table, open a code span or form a link/image; emphasis is harmless.
        case '\\', '`', '[', ']', '|' -> sb.append('\\').append(c);
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        // A zero-width joiner after '@' keeps GitHub from turning it into a mention.
        case '@' -> sb.append("@\u200B");
        // Likewise "#123" would cross-reference (and notify) issue 123 of the repository.
        case '#' ->
            sb.append(
                i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)) ? "#\u200B" : "#");
        case '\r', '\n', '\t' -> sb.append(' ');
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    // Bare URLs are autolinked by GitHub: break the scheme separator and the www. prefix.
    return sb.toString().replace("://", ":\\/\\/").replace("www.", "www\\.");
  }

  /** Text safe inside an inline code span: backticks and line breaks removed. */
  public static String code(String text) {
    if (text == null) {
      return "``";
    }
    String cleaned = text.replace('`', '\'').replaceAll("[\\r\\n\\t\\x00-\\x1f]", " ");
    return "`" + cleaned + "`";
  }
}
