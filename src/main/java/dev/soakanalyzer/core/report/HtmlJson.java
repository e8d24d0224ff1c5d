package dev.soakanalyzer.core.report;

/**
 * JSON written for a {@code <script type="application/json">} element of the HTML report: text from
 * input files can neither end the element nor open markup, because {@code <}, {@code >} and {@code
 * &} are always written as {@code \\u003c}, {@code \\u003e} and {@code \\u0026} (also outside
 * strings, where JSON has none). U+2028/U+2029 are escaped too, so the text is also a valid
 * JavaScript literal. Numbers are finite or {@code null}. Appends to a builder the caller flushes.
 */
final class HtmlJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final double[] POW10 = {
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11
  };

  private HtmlJson() {}

  /** A JSON string, or {@code null} for a null. */
  static void string(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            unicode(sb, c);
          } else if (Character.isSurrogate(c) && !pairedAt(s, i)) {
            unicode(sb, c); // a lone surrogate stays valid UTF-8 as an escape
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static void unicode(StringBuilder sb, char c) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }

  /**
   * A number with at most {@code decimals} places (trailing zeros dropped), or {@code null} when
   * not finite. Written without BigDecimal: a 1000-symbol report writes a million of them.
   */
  static void number(StringBuilder sb, double v, int decimals) {
    if (!Double.isFinite(v)) {
      sb.append("null");
      return;
    }
    int d = Math.min(Math.max(decimals, 0), POW10.length - 1);
    double scaled = Math.abs(v) * POW10[d];
    if (scaled >= 9e15) {
      sb.append(v); // beyond a long's exact range: Java's shortest repr is valid JSON for finite
      return;
    }
    long units = Math.round(scaled);
    if (units == 0) {
      sb.append('0');
      return;
    }
    if (v < 0) {
      sb.append('-');
    }
    long pow = (long) POW10[d];
    sb.append(units / pow);
    long frac = units % pow;
    if (frac != 0) {
      int width = d;
      while (frac % 10 == 0) {
        frac /= 10;
        width--;
      }
      String digits = Long.toString(frac);
      sb.append('.');
      for (int i = digits.length(); i < width; i++) {
        sb.append('0');
      }
      sb.append(digits);
    }
  }

  /** A number with the precision a double has (p-values, slopes), or {@code null}. */
  static void number(StringBuilder sb, double v) {
    if (!Double.isFinite(v)) {
      sb.append("null");
    } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      sb.append((long) v);
    } else {
      sb.append(v); // Double.toString of a finite value: digits, '.', 'E', '-' only
    }
  }
}
