package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricDef;

/** The short English sentence of a violation event ({@code note} in VIOLATIONS.json). */
public final class ViolationNotes {
  private ViolationNotes() {}

  public static String note(MetricDef metric, Level level) {
    boolean crit = level == Level.CRIT;
    return switch (metric.key()) {
      case MetricCatalog.EDGE ->
          crit ? "Edge critically low, stop trading" : "Edge below target, optimization required";
      case MetricCatalog.MAKER_TAKER -> crit ? "Maker ratio critically low" : "Low maker ratio";
      case MetricCatalog.LATENCY -> crit ? "Critical p95 latency" : "High p95 latency";
      case MetricCatalog.RISK -> crit ? "Critical risk ratio" : "Elevated risk ratio";
      default ->
          metric.key()
              + (metric.direction() == Direction.LOW_IS_BAD ? " below " : " above ")
              + (crit ? "CRIT" : "WARN")
              + " threshold";
    };
  }
}
