package dev.soakanalyzer.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.report.Numbers;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * SOAK_SUMMARY.json in the guide's structure. Extra fields (never renamed ones): per metric {@code
 * slope} and {@code p_value}; top level {@code insufficient_windows}, {@code skipped_files}, {@code
 * violation_events}.
 */
public final class SummaryJson {
  public static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private SummaryJson() {}

  public static String render(Analysis a) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put(
        "generated_at_utc", UTC_SECONDS.format(a.generatedAt().truncatedTo(ChronoUnit.SECONDS)));
    root.put("windows", a.windows());
    root.put("min_windows_required", a.minWindowsRequired());
    root.put("insufficient_windows", a.insufficientWindows());
    ObjectNode symbols = root.putObject("symbols");
    for (SymbolAnalysis s : a.symbols()) {
      ObjectNode sym = symbols.putObject(s.symbol());
      for (MetricCell c : s.cells()) {
        ObjectNode m = sym.putObject(c.metric().key());
        int d = c.metric().decimals();
        putRounded(m, "median", c.median(), d);
        putRounded(m, "last", c.last(), d);
        m.put("trend", c.trend().trend().symbol());
        m.put("status", c.status().name());
        putRounded(m, "slope", c.trend().normalizedSlope(), 6, c.valueCount() >= 2);
        putSignificant(m, "p_value", c.trend().pValue());
      }
    }
    ObjectNode overall = root.putObject("overall");
    overall.put("crit_count", a.counts().crit());
    overall.put("warn_count", a.counts().warn());
    overall.put("ok_count", a.counts().ok());
    overall.put("verdict", a.verdict().name());
    ObjectNode meta = root.putObject("meta");
    meta.put("commit_range", a.meta().commitRange());
    meta.put("profile", a.meta().profile());
    meta.put("source", a.meta().source());
    root.put("skipped_files", a.quality().skipped().size());
    root.put("violation_events", a.violations().size());
    return Json.pretty(root);
  }

  /** p-values span many orders of magnitude: keep 4 significant digits, not fixed decimals. */
  private static void putSignificant(ObjectNode node, String field, double value) {
    if (!Double.isFinite(value)) {
      node.putNull(field);
    } else {
      node.put(field, new BigDecimal(value).round(new java.math.MathContext(4)).doubleValue());
    }
  }

  private static void putRounded(ObjectNode node, String field, double value, int decimals) {
    putRounded(node, field, value, decimals, true);
  }

  private static void putRounded(
      ObjectNode node, String field, double value, int decimals, boolean known) {
    BigDecimal rounded = known ? Numbers.round(value, decimals) : null;
    if (rounded == null) {
      node.putNull(field);
    } else if (rounded.scale() <= 0 && rounded.precision() - rounded.scale() <= 18) {
      // Whole numbers print without ".0"; beyond a long (e.g. a latency of 1e308) they stay
      // BigDecimal instead of overflowing.
      node.put(field, rounded.longValueExact());
    } else {
      node.put(field, rounded);
    }
  }
}
