package dev.soakanalyzer.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricDef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses one ITER_SUMMARY file in any of the six shapes of DECISIONS.md §2 (flat, nested, runner,
 * runner without symbols, multi, keyed). Never throws: every problem becomes a skip reason.
 */
final class IterFileParser {
  /** Hard limits so a hostile file cannot exhaust memory or the stack. */
  static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(256)
          .maxNumberLength(1000)
          .maxStringLength(4 * 1024 * 1024)
          .maxNameLength(64 * 1024)
          .build();

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
          // Python's json writes NaN/Infinity bare; they must read as "no value", not fail the
          // file.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final Pattern NUMERIC =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private static final Set<String> META_KEYS = Set.of("commit", "profile", "source");

  private final MetricCatalog catalog;
  private final String defaultSymbol;
  private final Set<String> symbolFilter;

  IterFileParser(MetricCatalog catalog, String defaultSymbol, Set<String> symbolFilter) {
    this.catalog = catalog;
    this.defaultSymbol = defaultSymbol;
    this.symbolFilter = symbolFilter;
  }

  ParsedFile parse(byte[] content) {
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      return new ParsedFile.Skipped("not valid JSON: " + oneLine(e.getOriginalMessage(), e));
    } catch (IOException | RuntimeException e) {
      return new ParsedFile.Skipped("not valid JSON: " + oneLine(e.getMessage(), null));
    }
    if (root == null || root.isMissingNode()) {
      return new ParsedFile.Skipped("empty file");
    }
    if (!root.isObject()) {
      return new ParsedFile.Skipped("not a JSON object (found " + kind(root) + ")");
    }
    try {
      return interpret(root);
    } catch (RuntimeException e) {
      return new ParsedFile.Skipped("unreadable content: " + oneLine(e.getMessage(), null));
    }
  }

  private ParsedFile interpret(JsonNode root) {
    JsonNode summary = root.get("summary");
    JsonNode symbols = root.get("symbols");
    List<ParsedFile.Sample> samples = new ArrayList<>();
    boolean recognized = false;
    if (symbols != null && symbols.isArray()) {
      // runner: one portfolio-level summary per window
      recognized = true;
      String symbol =
          symbols.size() == 1 && symbols.get(0).isTextual()
              ? symbols.get(0).asText()
              : defaultSymbol;
      addSample(samples, symbol, summary != null && summary.isObject() ? summary : root);
    } else if (symbols != null && symbols.isObject()) {
      // multi: {"symbols": {"BTCUSDT": {...}, ...}}
      for (Iterator<Map.Entry<String, JsonNode>> it = symbols.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isObject()) {
          recognized = true;
          addSample(samples, e.getKey(), e.getValue());
        }
      }
    } else if (summary != null && summary.isObject()) {
      // nested (summary.symbol), or runner without symbols (the ALL row)
      recognized = true;
      String symbol = text(summary.get("symbol"));
      if (symbol == null) {
        symbol = text(root.get("symbol"));
      }
      addSample(samples, symbol == null ? defaultSymbol : symbol, summary);
    } else if (text(root.get("symbol")) != null) {
      recognized = true;
      addSample(samples, text(root.get("symbol")), root);
    } else {
      // keyed: every top-level object holding at least one known metric
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isObject() && holdsKnownMetric(e.getValue())) {
          recognized = true;
          addSample(samples, e.getKey(), e.getValue());
        }
      }
    }
    if (!recognized) {
      return new ParsedFile.Skipped(
          "no recognizable symbol (expected one of the ITER_SUMMARY shapes)");
    }
    if (samples.isEmpty() && symbolFilter.isEmpty()) {
      return new ParsedFile.Skipped("no metric values (" + metricNames() + ")");
    }
    return new ParsedFile.Usable(
        samples,
        windowIndex(root, summary),
        meta(root, summary, "commit"),
        meta(root, summary, "profile"),
        meta(root, summary, "source"));
  }

  /** Adds the sample unless filtered out or without any value. */
  private void addSample(List<ParsedFile.Sample> samples, String symbol, JsonNode metrics) {
    if (symbol == null || symbol.isBlank()) {
      return;
    }
    symbol = symbol.strip();
    if (!symbolFilter.isEmpty() && !symbolFilter.contains(symbol)) {
      return;
    }
    double[] values = new double[catalog.size()];
    boolean any = false;
    for (int m = 0; m < catalog.size(); m++) {
      MetricDef def = catalog.get(m);
      JsonNode node = metrics.get(def.key());
      // The alias counts only when the key itself is absent: 0.0 under edge_bps is a value.
      if (node == null && def.alias() != null) {
        node = metrics.get(def.alias());
      }
      values[m] = number(node);
      any |= !Double.isNaN(values[m]);
    }
    if (any) {
      samples.add(new ParsedFile.Sample(symbol, values));
    }
  }

  private boolean holdsKnownMetric(JsonNode object) {
    for (MetricDef def : catalog.metrics()) {
      if (object.has(def.key()) || (def.alias() != null && object.has(def.alias()))) {
        return true;
      }
    }
    return false;
  }

  /** A finite number, or NaN for null, missing, NaN, Infinity, text and anything else. */
  static double number(JsonNode node) {
    if (node == null) {
      return Double.NaN;
    }
    double v;
    if (node.isNumber()) {
      v = node.doubleValue();
    } else if (node.isTextual()) {
      String t = node.asText().strip();
      if (!NUMERIC.matcher(t).matches()) {
        return Double.NaN;
      }
      try {
        v = Double.parseDouble(t);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    } else {
      return Double.NaN;
    }
    return Double.isFinite(v) ? v : Double.NaN;
  }

  private static Integer windowIndex(JsonNode root, JsonNode summary) {
    for (JsonNode holder : new JsonNode[] {root, summary}) {
      if (holder == null || !holder.isObject()) {
        continue;
      }
      for (String key : new String[] {"iteration", "window_index"}) {
        Integer i = integer(holder.get(key));
        if (i != null) {
          return i;
        }
      }
    }
    return null;
  }

  private static Integer integer(JsonNode node) {
    double v = number(node);
    if (Double.isNaN(v) || v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      return null;
    }
    return (int) v;
  }

  private static String meta(JsonNode root, JsonNode summary, String key) {
    for (JsonNode holder : new JsonNode[] {root, root.get("meta"), summary}) {
      if (holder != null && holder.isObject()) {
        String t = text(holder.get(key));
        if (t != null && META_KEYS.contains(key)) {
          return t;
        }
      }
    }
    return null;
  }

  private static String text(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String t = node.asText().strip();
      return t.isEmpty() ? null : t;
    }
    if (node.isIntegralNumber()) {
      return node.asText();
    }
    return null;
  }

  private String metricNames() {
    StringBuilder sb = new StringBuilder();
    for (MetricDef d : catalog.metrics()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(d.key());
    }
    return sb.toString();
  }

  private static String kind(JsonNode node) {
    return node.isArray()
        ? "an array"
        : node.isTextual()
            ? "a string"
            : node.isNumber()
                ? "a number"
                : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** One short line: parser messages can carry newlines and huge quoted input. */
  static String oneLine(String message, JsonProcessingException e) {
    String m = message == null ? "unknown problem" : message.replaceAll("\\s+", " ").strip();
    if (m.length() > 160) {
      m = m.substring(0, 157) + "...";
    }
    if (e != null && e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      m += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return m;
  }
}
