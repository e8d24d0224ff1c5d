package dev.soakanalyzer.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Thresholds for every metric of a catalog, with optional per-symbol overrides.
 *
 * @param defaults metric key -&gt; threshold, one for every metric of the catalog
 * @param perSymbol symbol -&gt; (metric key -&gt; threshold) overriding the defaults
 */
public record ThresholdSet(
    Map<String, Threshold> defaults, Map<String, Map<String, Threshold>> perSymbol) {

  /** The guide's default thresholds for the four standard metrics ({@link DefaultThresholds}). */
  public static final ThresholdSet STANDARD =
      new ThresholdSet(DefaultThresholds.standard(), Map.of());

  public ThresholdSet {
    defaults = Map.copyOf(defaults);
    Map<String, Map<String, Threshold>> copy = new HashMap<>();
    perSymbol.forEach((symbol, byMetric) -> copy.put(symbol, Map.copyOf(byMetric)));
    perSymbol = Map.copyOf(copy);
  }

  public Threshold forMetric(String symbol, String metricKey) {
    Map<String, Threshold> override = perSymbol.get(symbol);
    if (override != null) {
      Threshold t = override.get(metricKey);
      if (t != null) {
        return t;
      }
    }
    return Objects.requireNonNull(defaults.get(metricKey), () -> "no threshold for " + metricKey);
  }

  public ThresholdSet withDefault(String metricKey, Threshold threshold) {
    Map<String, Threshold> d = new HashMap<>(defaults);
    d.put(metricKey, threshold);
    return new ThresholdSet(d, perSymbol);
  }

  /** One sentence per contradictory or missing threshold; empty when the set is usable. */
  public List<String> problems(MetricCatalog catalog) {
    List<String> problems = new ArrayList<>();
    for (MetricDef m : catalog.metrics()) {
      Threshold t = defaults.get(m.key());
      if (t == null) {
        problems.add("no WARN/CRIT threshold for metric " + m.key());
      } else if (t.isContradictory(m.direction())) {
        problems.add(contradiction(m, t, null));
      }
    }
    // In name order; TreeMaps, not sorted streams (their comparators are spun at run time).
    for (Map.Entry<String, Map<String, Threshold>> e :
        new java.util.TreeMap<>(perSymbol).entrySet()) {
      for (Map.Entry<String, Threshold> mt : new java.util.TreeMap<>(e.getValue()).entrySet()) {
        java.util.Optional<MetricDef> m = catalog.find(mt.getKey());
        if (m.isEmpty()) {
          problems.add("unknown metric " + mt.getKey() + " in thresholds for " + e.getKey());
        } else if (mt.getValue().isContradictory(m.get().direction())) {
          problems.add(contradiction(m.get(), mt.getValue(), e.getKey()));
        }
      }
    }
    return problems;
  }

  private static String contradiction(MetricDef m, Threshold t, String symbol) {
    String where = symbol == null ? "" : " for " + symbol;
    String rule = m.direction() == Direction.LOW_IS_BAD ? "at most" : "at least";
    return "CRIT threshold of "
        + m.key()
        + where
        + " ("
        + plain(t.crit())
        + ") must be "
        + rule
        + " its WARN threshold ("
        + plain(t.warn())
        + ")";
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
