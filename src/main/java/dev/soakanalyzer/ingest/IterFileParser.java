package dev.soakanalyzer.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.ingest.LiteJson.Obj;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses one ITER_SUMMARY file in any of the six shapes of README's "Input shapes" (flat, nested,
 * runner, runner without symbols, multi, keyed). Never throws: every problem becomes a skip reason.
 */
final class IterFileParser {
  /** Longer symbol names are not symbols but garbage (or an attack on the reports). */
  static final int MAX_SYMBOL_LENGTH = 64;

  private static final Pattern NUMERIC =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final MetricCatalog catalog;
  private final String defaultSymbol;
  private final Set<String> symbolFilter;

  IterFileParser(MetricCatalog catalog, String defaultSymbol, Set<String> symbolFilter) {
    this.catalog = catalog;
    this.defaultSymbol = defaultSymbol;
    this.symbolFilter = symbolFilter;
  }

  ParsedFile parse(byte[] content) {
    return parse(content, content.length);
  }

  ParsedFile parse(byte[] content, int length) {
    Object root;
    try {
      root = LiteJson.parse(content, length);
    } catch (StreamConstraintsException e) {
      return new ParsedFile.Skipped("not valid JSON: " + oneLine(e.getOriginalMessage(), null));
    } catch (JsonProcessingException e) {
      return new ParsedFile.Skipped("not valid JSON: " + oneLine(e.getOriginalMessage(), e));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      return new ParsedFile.Skipped("not valid JSON: " + oneLine(e.getMessage(), null));
    }
    if (root == null) {
      return new ParsedFile.Skipped("empty file");
    }
    if (!(root instanceof Obj obj)) {
      return new ParsedFile.Skipped("not a JSON object (found " + kind(root) + ")");
    }
    return interpret(obj);
  }

  private ParsedFile interpret(Obj root) {
    Object summary = root.get("summary");
    Object symbols = root.get("symbols");
    List<ParsedFile.Sample> samples = new ArrayList<>();
    List<String> problems = new ArrayList<>(0);
    boolean recognized = false;
    String rootSymbol = text(root.get("symbol"));
    if (symbols instanceof List<?> list) {
      // runner: one portfolio-level summary per window
      recognized = true;
      String symbol = list.size() == 1 && list.get(0) instanceof String s ? s : defaultSymbol;
      addSample(samples, problems, symbol, summary instanceof Obj o ? o : root);
    } else if (symbols instanceof Obj bySymbol) {
      // multi: {"symbols": {"BTCUSDT": {...}, ...}}
      for (int i = 0; i < bySymbol.size(); i++) {
        if (bySymbol.values.get(i) instanceof Obj metrics) {
          recognized = true;
          addSample(samples, problems, bySymbol.keys.get(i), metrics);
        }
      }
    } else if (summary instanceof Obj s) {
      // nested (summary.symbol), or runner without symbols (the portfolio row)
      recognized = true;
      String symbol = text(s.get("symbol"));
      if (symbol == null) {
        symbol = rootSymbol;
      }
      addSample(samples, problems, symbol == null ? defaultSymbol : symbol, s);
    } else if (rootSymbol != null) {
      recognized = true;
      addSample(samples, problems, rootSymbol, root);
    } else {
      // keyed: every top-level object holding at least one known metric
      for (int i = 0; i < root.size(); i++) {
        if (root.values.get(i) instanceof Obj metrics && holdsKnownMetric(metrics)) {
          recognized = true;
          addSample(samples, problems, root.keys.get(i), metrics);
        }
      }
    }
    if (!recognized) {
      return new ParsedFile.Skipped(
          "no recognizable symbol (expected one of the ITER_SUMMARY shapes)");
    }
    if (samples.isEmpty() && !problems.isEmpty()) {
      return new ParsedFile.Skipped(problems.get(0));
    }
    if (samples.isEmpty() && symbolFilter.isEmpty()) {
      return new ParsedFile.Skipped("no metric values (" + metricNames() + ")");
    }
    Obj meta = root.get("meta") instanceof Obj m ? m : null;
    Obj sum = summary instanceof Obj s ? s : null;
    return new ParsedFile.Usable(
        samples,
        windowIndex(root, sum),
        meta(root, meta, sum, "commit"),
        meta(root, meta, sum, "profile"),
        meta(root, meta, sum, "source"));
  }

  /** Adds the sample unless filtered out or without any value. */
  private void addSample(
      List<ParsedFile.Sample> samples, List<String> problems, String symbol, Obj metrics) {
    if (symbol == null || symbol.isBlank()) {
      return;
    }
    symbol = symbol.strip();
    if (symbol.length() > MAX_SYMBOL_LENGTH || hasControl(symbol)) {
      problems.add(
          "symbol name is not usable (over "
              + MAX_SYMBOL_LENGTH
              + " characters or control characters)");
      return;
    }
    if (!symbolFilter.isEmpty() && !symbolFilter.contains(symbol)) {
      return;
    }
    double[] values = new double[catalog.size()];
    boolean any = false;
    for (int m = 0; m < catalog.size(); m++) {
      MetricDef def = catalog.get(m);
      Object node = metrics.get(def.key());
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

  /** A loop, not chars().anyMatch(...): it runs once per file, mostly before the JIT has. */
  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private boolean holdsKnownMetric(Obj object) {
    for (MetricDef def : catalog.metrics()) {
      if (object.has(def.key()) || (def.alias() != null && object.has(def.alias()))) {
        return true;
      }
    }
    return false;
  }

  /** A finite number, or NaN for null, missing, NaN, Infinity, text and anything else. */
  static double number(Object node) {
    double v;
    if (node instanceof Double d) {
      v = d;
    } else if (node instanceof String s) {
      String t = s.strip();
      if (t.length() > 100 || !NUMERIC.matcher(t).matches()) {
        return Double.NaN;
      }
      v = Double.parseDouble(t);
    } else {
      return Double.NaN;
    }
    return Double.isFinite(v) ? v : Double.NaN;
  }

  private static Integer windowIndex(Obj root, Obj summary) {
    for (Obj holder : new Obj[] {root, summary}) {
      if (holder == null) {
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

  private static Integer integer(Object node) {
    double v = number(node);
    if (Double.isNaN(v) || v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      return null;
    }
    return (int) v;
  }

  private static String meta(Obj root, Obj meta, Obj summary, String key) {
    for (Obj holder : new Obj[] {root, meta, summary}) {
      if (holder != null) {
        String t = text(holder.get(key));
        if (t != null) {
          return t.length() > 200 ? t.substring(0, 200) : t;
        }
      }
    }
    return null;
  }

  private static String text(Object node) {
    if (node instanceof String s) {
      String t = s.strip();
      return t.isEmpty() ? null : t;
    }
    if (node instanceof Double d && Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
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

  private static String kind(Object node) {
    if (node instanceof List<?>) {
      return "an array";
    }
    if (node instanceof String) {
      return "a string";
    }
    if (node instanceof Double) {
      return "a number";
    }
    if (node instanceof Boolean) {
      return "a boolean";
    }
    return "null";
  }

  /**
   * One short printable line: parser messages quote the offending input, which can hold newlines,
   * escape sequences and other control characters that would forge log lines.
   */
  static String oneLine(String message, JsonProcessingException e) {
    String m =
        message == null
            ? "unknown problem"
            : message
                .replaceAll("\\s+", " ")
                .replaceAll("[\\p{Cntrl}\\u0080-\\u009f\\u2028\\u2029]", "?")
                .strip();
    // A skip reason never quotes the file: the parser's 'token' or ('c' (code 99)) is content,
    // and the first token of a file is where a secret sits (ghp_..., a password).
    int expecting = m.indexOf(": was expecting");
    if (expecting < 0) {
      expecting = m.indexOf(": expected");
    }
    if (expecting > 0) {
      m = m.substring(0, expecting);
    }
    int open = m.indexOf('\'');
    int close = open < 0 ? -1 : m.lastIndexOf('\'');
    if (open >= 0) {
      m = m.substring(0, open) + "'…'" + (close > open ? m.substring(close + 1) : "");
    }
    if (m.length() > 160) {
      m = m.substring(0, 157) + "...";
    }
    if (e != null && e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      m += " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
    return m;
  }
}
