package dev.soakanalyzer.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and validates SOAK_SUMMARY.json and VIOLATIONS.json before anything touches Redis. Unknown
 * fields are ignored (the summary may carry extras); a wrong type or value at a field the export
 * needs is an {@link InvalidExportInputException} naming the file and the JSON path.
 */
public final class ExportPayloadReader {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads one array element from the stream (the whole-file mapper refuses what follows it). */
  private static final ObjectMapper ELEMENT = new ObjectMapper();

  public ExportPayload read(Path summaryFile, Path violationsFile)
      throws InvalidExportInputException {
    JsonNode root = load(summaryFile);
    ExportPayload.Summary summary = readSummary(summaryFile, root);
    List<Violation> violations = streamViolations(violationsFile);
    return new ExportPayload(summary, violations, HistoryRecords.fromSummary(summary, root));
  }

  /**
   * VIOLATIONS.json one element at a time: a tree of the whole file (tens of MB for a long run)
   * needs several times its size in heap, more than the analysis that wrote it.
   */
  static List<Violation> streamViolations(Path file) throws InvalidExportInputException {
    try (com.fasterxml.jackson.core.JsonParser parser =
        JSON.getFactory().createParser(file.toFile())) {
      com.fasterxml.jackson.core.JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InvalidExportInputException(file, "empty file");
      }
      if (first != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        throw new InvalidExportInputException(file, "expected a JSON array (VIOLATIONS.json)");
      }
      List<Violation> out = new ArrayList<>();
      int i = 0;
      while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
        JsonNode v = ELEMENT.readTree(parser);
        out.add(violation(file, v, i++));
      }
      if (parser.nextToken() != null) {
        throw new InvalidExportInputException(file, "not valid JSON: data after the array");
      }
      return out;
    } catch (java.io.FileNotFoundException | NoSuchFileException e) {
      throw new InvalidExportInputException(file, "file not found");
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new InvalidExportInputException(file, "not valid JSON" + where);
    } catch (IOException e) {
      throw new InvalidExportInputException(file, "cannot read (" + e.getMessage() + ")");
    }
  }

  private static JsonNode load(Path file) throws InvalidExportInputException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidExportInputException(file, "file not found");
    } catch (IOException e) {
      throw new InvalidExportInputException(file, "cannot read (" + e.getMessage() + ")");
    }
    if (text.isBlank()) {
      throw new InvalidExportInputException(file, "empty file");
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new InvalidExportInputException(file, "not valid JSON" + where);
    }
  }

  static ExportPayload.Summary readSummary(Path file, JsonNode root)
      throws InvalidExportInputException {
    if (!root.isObject()) {
      throw new InvalidExportInputException(file, "expected a JSON object (SOAK_SUMMARY.json)");
    }
    String generatedAt = requiredText(file, root, "generated_at_utc", "generated_at_utc");
    int windows = requiredCount(file, root, "windows", "windows");
    JsonNode overall = requiredObject(file, root, "overall", "overall");
    Level verdict = level(file, overall.get("verdict"), "overall.verdict");
    int crit = requiredCount(file, overall, "crit_count", "overall.crit_count");
    int warn = requiredCount(file, overall, "warn_count", "overall.warn_count");
    int ok = requiredCount(file, overall, "ok_count", "overall.ok_count");
    RunMeta meta = RunMeta.NONE;
    JsonNode metaNode = root.get("meta");
    if (metaNode != null && !metaNode.isNull()) {
      if (!metaNode.isObject()) {
        throw new InvalidExportInputException(file, "meta must be an object");
      }
      meta =
          new RunMeta(
              optionalText(file, metaNode, "commit_range", "meta.commit_range"),
              optionalText(file, metaNode, "profile", "meta.profile"),
              optionalText(file, metaNode, "source", "meta.source"));
    }
    JsonNode symbolsNode = requiredObject(file, root, "symbols", "symbols");
    Map<String, Map<String, ExportPayload.Cell>> symbols = new LinkedHashMap<>();
    for (var sym : symbolsNode.properties()) {
      String path = "symbols." + sym.getKey();
      if (sym.getKey().isBlank()) {
        throw new InvalidExportInputException(file, "symbols has a blank symbol name");
      }
      if (!sym.getValue().isObject()) {
        throw new InvalidExportInputException(file, path + " must be an object");
      }
      Map<String, ExportPayload.Cell> cells = new LinkedHashMap<>();
      for (var metric : sym.getValue().properties()) {
        JsonNode cell = metric.getValue();
        // A metric cell is an object with a status; anything else is an extra we leave alone.
        if (!cell.isObject() || !cell.has("status")) {
          continue;
        }
        String cellPath = path + "." + metric.getKey();
        CellStatus status = cellStatus(file, cell.get("status"), cellPath + ".status");
        Double last = optionalNumber(file, cell, "last", cellPath + ".last");
        cells.put(metric.getKey(), new ExportPayload.Cell(last, status));
      }
      symbols.put(sym.getKey(), cells);
    }
    return new ExportPayload.Summary(generatedAt, windows, verdict, crit, warn, ok, meta, symbols);
  }

  static List<Violation> readViolations(Path file, JsonNode root)
      throws InvalidExportInputException {
    if (!root.isArray()) {
      throw new InvalidExportInputException(file, "expected a JSON array (VIOLATIONS.json)");
    }
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      out.add(violation(file, root.get(i), i));
    }
    return out;
  }

  private static Violation violation(Path file, JsonNode v, int i)
      throws InvalidExportInputException {
    {
      String p = "[" + i + "]";
      if (!v.isObject()) {
        throw new InvalidExportInputException(file, p + " must be an object");
      }
      String symbol = requiredText(file, v, "symbol", p + ".symbol");
      String metric = requiredText(file, v, "metric", p + ".metric");
      Level level = level(file, v.get("level"), p + ".level");
      if (level == Level.OK) {
        throw new InvalidExportInputException(file, p + ".level must be WARN or CRIT, got OK");
      }
      JsonNode w = v.get("window_index");
      if (w == null || !w.isIntegralNumber() || w.asLong() < 0 || w.asLong() > Integer.MAX_VALUE) {
        throw new InvalidExportInputException(
            file, p + ".window_index must be a non-negative integer");
      }
      Double value = optionalNumber(file, v, "value", p + ".value");
      Double threshold = optionalNumber(file, v, "threshold", p + ".threshold");
      if (value == null || threshold == null) {
        throw new InvalidExportInputException(
            file, p + (value == null ? ".value" : ".threshold") + " must be a number");
      }
      String note = optionalText(file, v, "note", p + ".note");
      return new Violation(symbol, metric, level, w.asInt(), value, threshold, note);
    }
  }

  private static String requiredText(Path file, JsonNode node, String field, String path)
      throws InvalidExportInputException {
    JsonNode n = node.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new InvalidExportInputException(file, path + " must be a non-empty string");
    }
    return n.asText();
  }

  private static String optionalText(Path file, JsonNode node, String field, String path)
      throws InvalidExportInputException {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new InvalidExportInputException(file, path + " must be a string or null");
    }
    return n.asText().isEmpty() ? null : n.asText();
  }

  private static Double optionalNumber(Path file, JsonNode node, String field, String path)
      throws InvalidExportInputException {
    JsonNode n = node.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
      throw new InvalidExportInputException(file, path + " must be a number or null");
    }
    return n.asDouble();
  }

  private static int requiredCount(Path file, JsonNode node, String field, String path)
      throws InvalidExportInputException {
    JsonNode n = node.get(field);
    if (n == null || !n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > Integer.MAX_VALUE) {
      throw new InvalidExportInputException(file, path + " must be a non-negative integer");
    }
    return n.asInt();
  }

  private static JsonNode requiredObject(Path file, JsonNode node, String field, String path)
      throws InvalidExportInputException {
    JsonNode n = node.get(field);
    if (n == null || !n.isObject()) {
      throw new InvalidExportInputException(file, path + " must be an object");
    }
    return n;
  }

  private static Level level(Path file, JsonNode n, String path)
      throws InvalidExportInputException {
    if (n != null && n.isTextual()) {
      switch (n.asText().toUpperCase(Locale.ROOT)) {
        case "OK":
          return Level.OK;
        case "WARN":
          return Level.WARN;
        case "CRIT":
          return Level.CRIT;
        default:
          break;
      }
    }
    throw new InvalidExportInputException(file, path + " must be OK, WARN or CRIT");
  }

  private static CellStatus cellStatus(Path file, JsonNode n, String path)
      throws InvalidExportInputException {
    if (n != null && n.isTextual()) {
      try {
        return CellStatus.valueOf(n.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through to the one message below
      }
    }
    throw new InvalidExportInputException(file, path + " must be OK, WARN, CRIT or NO_DATA");
  }
}
