package dev.soakanalyzer.core.model;

import java.util.List;

/** The ingested run: per-symbol series (sorted by symbol), run metadata and data quality. */
public record SoakData(
    MetricCatalog catalog, List<SymbolSeries> series, RunMeta meta, DataQuality quality) {

  public SoakData {
    series = List.copyOf(series);
  }

  /** Number of distinct window indices among the symbols. */
  public int distinctWindows() {
    java.util.BitSet seen = new java.util.BitSet();
    java.util.Set<Integer> large = new java.util.HashSet<>();
    for (SymbolSeries s : series) {
      for (int w : s.windows()) {
        if (w >= 0 && w < 1 << 24) {
          seen.set(w);
        } else {
          large.add(w);
        }
      }
    }
    return seen.cardinality() + large.size();
  }
}
