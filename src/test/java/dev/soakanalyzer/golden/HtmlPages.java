package dev.soakanalyzer.golden;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads the data block out of a SOAK_REPORT.html. */
public final class HtmlPages {
  private static final String OPEN = "<script type=\"application/json\" id=\"soak-data\">";

  private HtmlPages() {}

  /** The page's JSON data exactly as embedded. */
  public static String data(String html) {
    int from = html.indexOf(OPEN);
    if (from < 0) {
      throw new AssertionError("no soak-data block in the page");
    }
    from += OPEN.length();
    return html.substring(from, html.indexOf("</script>", from));
  }

  /**
   * The data, parsed and pretty-printed (two-space indent), for a golden file a person can diff.
   */
  static String prettyData(String html) {
    try {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      return json.writeValueAsString(json.readTree(data(html))) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
