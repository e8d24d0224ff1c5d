package dev.soakanalyzer.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.core.model.Baseline;
import dev.soakanalyzer.core.model.SampleStats;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SOAK_SUMMARY-shaped JSON document (top-level {@code symbols}, optional {@code meta} and {@code
 * generated_at_utc}) as a {@link Baseline}: the one reading every baseline source shares (a summary
 * file, a history record carrying the same per-cell fields). Per cell {@code median} is needed;
 * {@code n}, {@code mean}, {@code sd} and {@code lag1} make it testable (a summary of an older
 * version has only medians). Unknown fields are ignored.
 */
public final class BaselineJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BaselineJson() {}

  /**
   * @param source where the document came from, for the reports
   * @throws IllegalArgumentException saying what is wrong, when the text is not such a document
   */
  public static Baseline parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return of(root, source);
  }

  /** As {@link #parse}, from a parsed document. */
  public static Baseline of(JsonNode root, String source) {
    JsonNode symbols = root.get("symbols");
    if (symbols == null || !symbols.isObject()) {
      throw new IllegalArgumentException("no 'symbols' object (not a SOAK_SUMMARY.json)");
    }
    Map<String, Map<String, SampleStats>> cells = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = symbols.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      if (!s.getValue().isObject()) {
        throw new IllegalArgumentException("symbols." + s.getKey() + " is not an object");
      }
      Map<String, SampleStats> metrics = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> m = s.getValue().fields(); m.hasNext(); ) {
        Map.Entry<String, JsonNode> cell = m.next();
        if (cell.getValue().isObject()) {
          SampleStats st = stats(cell.getValue());
          if (Double.isFinite(st.median())) {
            metrics.put(cell.getKey(), st);
          }
        }
      }
      cells.put(s.getKey(), metrics);
    }
    JsonNode meta = root.path("meta");
    String sha = text(meta, "sha");
    if (sha == null) {
      String range = text(meta, "commit_range");
      sha =
          range == null
              ? null
              : range.substring(range.indexOf("..") < 0 ? 0 : range.indexOf("..") + 2);
    }
    return new Baseline(text(meta, "ref"), sha, text(root, "generated_at_utc"), source, cells);
  }

  private static SampleStats stats(JsonNode cell) {
    double median = number(cell, "median");
    JsonNode n = cell.get("n");
    if (n == null || !n.canConvertToInt() || n.asInt() < 0) {
      return SampleStats.medianOnly(median);
    }
    return new SampleStats(
        n.asInt(), number(cell, "mean"), number(cell, "sd"), number(cell, "lag1"), median);
  }

  private static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
