package dev.soakanalyzer.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An earlier run to compare with: who it was and each cell's statistics, by symbol then metric key
 * (in the order the baseline listed them). Any source (a SOAK_SUMMARY.json, an earlier run's
 * windows, a history record) becomes this one value.
 *
 * @param ref the branch or ref it ran on, or null
 * @param sha its commit, or null
 * @param generatedAtUtc when its summary was generated (as written there), or null
 * @param source where it was read from (a path, a glob), for the reports
 */
public record Baseline(
    String ref,
    String sha,
    String generatedAtUtc,
    String source,
    Map<String, Map<String, SampleStats>> cells) {

  public Baseline {
    Objects.requireNonNull(source, "source");
    Map<String, Map<String, SampleStats>> copy = new LinkedHashMap<>();
    cells.forEach(
        (symbol, metrics) ->
            copy.put(symbol, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics))));
    cells = java.util.Collections.unmodifiableMap(copy);
  }

  /** {@code main@1a2b3c4}, the ref or the short sha alone, or the source when neither is known. */
  public String label() {
    String shortSha = sha == null ? null : sha.substring(0, Math.min(7, sha.length()));
    if (ref != null && shortSha != null) {
      return ref + "@" + shortSha;
    }
    return ref != null ? ref : shortSha != null ? shortSha : source;
  }

  public boolean isEmpty() {
    return cells.values().stream().allMatch(Map::isEmpty);
  }
}
