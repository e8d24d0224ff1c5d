package dev.soakanalyzer.core.model;

import java.util.Objects;

/**
 * One analysed metric: its key in ITER_SUMMARY files and every label the reports use for it.
 *
 * @param key JSON key and the name used in VIOLATIONS.json / SOAK_SUMMARY.json
 * @param alias an alternative key read only when {@code key} is absent (e.g. {@code net_bps}), or
 *     null
 * @param tableHeader column header in POST_SOAK_ANALYSIS.md (e.g. {@code maker_taker})
 * @param shortLabel column header in mini-plots and the PR comment (e.g. {@code Maker/Taker})
 * @param redisField field of the per-symbol Redis hash holding the last value
 * @param unit unit appended to a value in prose (e.g. {@code " bps"}, {@code "ms"}), may be empty
 * @param direction which side is bad
 * @param decimals rounding used for values in reports and the summary
 */
public record MetricDef(
    String key,
    String alias,
    String tableHeader,
    String shortLabel,
    String redisField,
    String unit,
    Direction direction,
    int decimals) {

  public MetricDef {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(tableHeader, "tableHeader");
    Objects.requireNonNull(shortLabel, "shortLabel");
    Objects.requireNonNull(redisField, "redisField");
    Objects.requireNonNull(direction, "direction");
    unit = unit == null ? "" : unit;
    if (key.isBlank()) {
      throw new IllegalArgumentException("metric key must not be blank");
    }
    if (decimals < 0 || decimals > 9) {
      throw new IllegalArgumentException("decimals must be 0..9 for metric " + key);
    }
  }
}
