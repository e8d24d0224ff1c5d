package dev.soakanalyzer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.Threshold;
import dev.soakanalyzer.core.model.ThresholdSet;
import dev.soakanalyzer.core.report.Advice;
import dev.soakanalyzer.core.report.Lang;
import dev.soakanalyzer.core.report.RecommendationBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code --thresholds FILE} (YAML, or JSON by extension):
 *
 * <pre>
 * defaults:                       # override the guide's defaults
 *   edge_bps: {warn: 2.5, crit: 2.0}
 * symbols:                        # per-symbol overrides
 *   BTCUSDT:
 *     edge_bps: {warn: 3.0, crit: 2.5}
 * metrics:                        # custom metrics
 *   - name: fill_rate
 *     direction: low              # low or high is bad
 *     warn: 0.6
 *     crit: 0.4
 *     display_name: Fill rate     # optional
 *     unit: ""                    # optional, appended to values in prose
 *     decimals: 2                 # optional
 *     recommendations:            # optional, per language and level
 *       ru: {WARN: {title: Низкий fill rate, actions: [..., ...]}, CRIT: {...}}
 * </pre>
 */
public final class ThresholdsFile {

  /** What a thresholds file contributes to the settings. */
  public record Loaded(MetricCatalog catalog, ThresholdSet thresholds, RecommendationBook book) {}

  /** A thresholds file is a few lines; anything bigger is not one. */
  static final long MAX_BYTES = 1024 * 1024;

  private ThresholdsFile() {}

  public static Loaded load(Path file) throws UsageException {
    JsonNode root;
    try {
      // Checked before reading: /dev/zero or a FIFO would fill the heap or block for ever.
      java.nio.file.attribute.BasicFileAttributes attrs =
          Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        throw new UsageException(file + ": thresholds file is not a regular file");
      }
      if (attrs.size() > MAX_BYTES) {
        throw new UsageException(
            file + ": thresholds file is larger than " + MAX_BYTES / 1024 + " KB");
      }
      ObjectMapper mapper =
          file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
              ? new ObjectMapper()
              : new YAMLMapper();
      root = mapper.readTree(Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException(file + ": thresholds file not found");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UsageException(file + ": cannot read thresholds file: permission denied");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UsageException(
          file
              + ": thresholds file is not valid YAML/JSON"
              + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()));
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read thresholds file");
    }
    if (root == null || !root.isObject()) {
      throw new UsageException(file + ": thresholds file must be a mapping");
    }
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new UsageException(file + ": " + e.getMessage());
    }
  }

  static Loaded parse(JsonNode root) {
    List<MetricDef> custom = new ArrayList<>();
    Map<String, Threshold> defaults = new HashMap<>(ThresholdSet.STANDARD.defaults());
    RecommendationBook book = RecommendationBook.STANDARD;
    JsonNode metrics = root.path("metrics");
    if (!metrics.isMissingNode() && !metrics.isArray()) {
      throw new IllegalArgumentException("'metrics' must be a list");
    }
    for (JsonNode m : metrics) {
      String name = requireText(m, "name", "metrics[]");
      if (MetricCatalog.STANDARD.indexOf(name) >= 0) {
        throw new IllegalArgumentException(
            "metric " + name + " is built in; set it under 'defaults'");
      }
      Direction direction = Direction.parse(requireText(m, "direction", name));
      String display = m.path("display_name").asText(name);
      int decimals = m.path("decimals").asInt(2);
      custom.add(
          new MetricDef(
              name,
              null,
              name,
              display,
              "last_" + name,
              m.path("unit").asText(""),
              direction,
              decimals));
      defaults.put(name, threshold(m, name));
      JsonNode recs = m.path("recommendations");
      for (Iterator<Map.Entry<String, JsonNode>> langs = recs.fields(); langs.hasNext(); ) {
        Map.Entry<String, JsonNode> l = langs.next();
        Lang lang = Lang.parse(l.getKey());
        for (Iterator<Map.Entry<String, JsonNode>> levels = l.getValue().fields();
            levels.hasNext(); ) {
          Map.Entry<String, JsonNode> lv = levels.next();
          Level level = Level.parse(lv.getKey());
          List<String> actions = new ArrayList<>();
          lv.getValue().path("actions").forEach(a -> actions.add(a.asText()));
          book =
              book.with(
                  name,
                  level,
                  lang,
                  new Advice(lv.getValue().path("title").asText(display), actions));
        }
      }
    }
    MetricCatalog catalog = MetricCatalog.STANDARD.with(custom);
    for (String section : new String[] {"defaults", "symbols"}) {
      JsonNode n = root.path(section);
      if (!n.isMissingNode() && !n.isNull() && !n.isObject()) {
        throw new IllegalArgumentException("'" + section + "' must be a mapping");
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("defaults").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (catalog.indexOf(e.getKey()) < 0) {
        throw new IllegalArgumentException("unknown metric " + e.getKey() + " under 'defaults'");
      }
      defaults.put(e.getKey(), threshold(e.getValue(), e.getKey(), defaults.get(e.getKey())));
    }
    Map<String, Map<String, Threshold>> perSymbol = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("symbols").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      Map<String, Threshold> byMetric = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> mt = s.getValue().fields(); mt.hasNext(); ) {
        Map.Entry<String, JsonNode> e = mt.next();
        if (catalog.indexOf(e.getKey()) < 0) {
          throw new IllegalArgumentException(
              "unknown metric " + e.getKey() + " for symbol " + s.getKey());
        }
        byMetric.put(
            e.getKey(),
            threshold(e.getValue(), s.getKey() + "." + e.getKey(), defaults.get(e.getKey())));
      }
      perSymbol.put(s.getKey(), byMetric);
    }
    return new Loaded(catalog, new ThresholdSet(defaults, perSymbol), book);
  }

  private static Threshold threshold(JsonNode node, String where) {
    return threshold(node, where, null);
  }

  private static Threshold threshold(JsonNode node, String where, Threshold fallback) {
    JsonNode warn = node.get("warn");
    JsonNode crit = node.get("crit");
    if ((warn == null || crit == null) && fallback == null) {
      throw new IllegalArgumentException(where + " needs numeric 'warn' and 'crit'");
    }
    return new Threshold(
        warn == null ? fallback.warn() : number(warn, where + ".warn"),
        crit == null ? fallback.crit() : number(crit, where + ".crit"));
  }

  private static double number(JsonNode node, String where) {
    if (!node.isNumber()) {
      throw new IllegalArgumentException(where + " must be a number");
    }
    return node.doubleValue();
  }

  private static String requireText(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(where + " needs '" + field + "'");
    }
    return v.asText();
  }
}
