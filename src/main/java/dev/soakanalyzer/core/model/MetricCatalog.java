package dev.soakanalyzer.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ordered set of metrics a run analyses. Series store one value array per metric in this order,
 * so a metric is addressed by its position.
 */
public record MetricCatalog(List<MetricDef> metrics) {

  public static final String EDGE = "edge_bps";
  public static final String MAKER_TAKER = "maker_taker_ratio";
  public static final String LATENCY = "p95_latency_ms";
  public static final String RISK = "risk_ratio";

  /** The guide's four metrics. */
  public static final MetricCatalog STANDARD =
      new MetricCatalog(
          List.of(
              new MetricDef(
                  EDGE,
                  "net_bps",
                  "edge_bps",
                  "Edge(bps)",
                  "last_edge",
                  " bps",
                  Direction.LOW_IS_BAD,
                  2),
              new MetricDef(
                  MAKER_TAKER,
                  null,
                  "maker_taker",
                  "Maker/Taker",
                  "last_maker_taker",
                  "",
                  Direction.LOW_IS_BAD,
                  3),
              new MetricDef(
                  LATENCY,
                  null,
                  "p95_lat_ms",
                  "p95(ms)",
                  "last_latency_p95",
                  "ms",
                  Direction.HIGH_IS_BAD,
                  0),
              new MetricDef(
                  RISK, null, "risk_ratio", "Risk", "last_risk", "", Direction.HIGH_IS_BAD, 3)));

  public MetricCatalog {
    metrics = List.copyOf(metrics);
    Map<String, Boolean> seen = new HashMap<>();
    for (MetricDef m : metrics) {
      if (seen.put(m.key(), Boolean.TRUE) != null) {
        throw new IllegalArgumentException("metric '" + m.key() + "' is defined twice");
      }
    }
  }

  public int size() {
    return metrics.size();
  }

  public MetricDef get(int index) {
    return metrics.get(index);
  }

  public int indexOf(String key) {
    for (int i = 0; i < metrics.size(); i++) {
      if (metrics.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  public Optional<MetricDef> find(String key) {
    int i = indexOf(key);
    return i < 0 ? Optional.empty() : Optional.of(metrics.get(i));
  }

  /** This catalog plus extra metrics appended (custom metrics from a thresholds file). */
  public MetricCatalog with(List<MetricDef> extra) {
    var all = new java.util.ArrayList<>(metrics);
    all.addAll(extra);
    return new MetricCatalog(all);
  }
}
