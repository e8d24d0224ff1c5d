package dev.soakanalyzer.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guide's default thresholds of the four standard metrics, written once: {@link
 * ThresholdSet#STANDARD}, the help text of the threshold flags, the action manifests and the README
 * all show these values (a test keeps the manifests and the README equal to them).
 */
public final class DefaultThresholds {
  // One line per metric: its WARN and its CRIT bound, as the help text and the manifests show them.
  public static final String WARN_EDGE = "2.5", CRIT_EDGE = "2.0";
  public static final String WARN_MAKER = "0.80", CRIT_MAKER = "0.75";
  public static final String WARN_LAT = "350", CRIT_LAT = "400";
  public static final String WARN_RISK = "0.45", CRIT_RISK = "0.50";

  private DefaultThresholds() {}

  /** Flag name without dashes ({@code warn-edge}) -> default as written, in flag order. */
  public static Map<String, String> byFlag() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("warn-edge", WARN_EDGE);
    m.put("crit-edge", CRIT_EDGE);
    m.put("warn-maker", WARN_MAKER);
    m.put("crit-maker", CRIT_MAKER);
    m.put("warn-lat", WARN_LAT);
    m.put("crit-lat", CRIT_LAT);
    m.put("warn-risk", WARN_RISK);
    m.put("crit-risk", CRIT_RISK);
    return m;
  }

  static Map<String, Threshold> standard() {
    return Map.of(
        MetricCatalog.EDGE, threshold(WARN_EDGE, CRIT_EDGE),
        MetricCatalog.MAKER_TAKER, threshold(WARN_MAKER, CRIT_MAKER),
        MetricCatalog.LATENCY, threshold(WARN_LAT, CRIT_LAT),
        MetricCatalog.RISK, threshold(WARN_RISK, CRIT_RISK));
  }

  private static Threshold threshold(String warn, String crit) {
    return new Threshold(Double.parseDouble(warn), Double.parseDouble(crit));
  }
}
