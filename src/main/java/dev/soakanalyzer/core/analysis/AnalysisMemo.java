package dev.soakanalyzer.core.analysis;

import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.SymbolSeries;
import dev.soakanalyzer.core.model.ThresholdSet;
import dev.soakanalyzer.core.model.Violation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The per-symbol results of the last analysis, so the next one (the runner's next cycle) computes
 * only the symbols whose series changed. A symbol's analysis is a pure function of its series, the
 * catalog, its thresholds and the bucket size, so a series equal in content to the last one gets
 * the last result; the clock-dependent and whole-run fields are computed afresh every time.
 *
 * <p>Used by one analysis at a time.
 */
public final class AnalysisMemo {

  /** One symbol's result: its cells and its violations in severity order. */
  record Result(SymbolSeries series, SymbolAnalysis analysis, List<Violation> violations) {}

  private record Inputs(MetricCatalog catalog, ThresholdSet thresholds, int timeBuckets) {}

  private Inputs inputs;
  private Map<String, Result> previous = new HashMap<>();
  private Map<String, Result> current = new HashMap<>();
  private int reused;
  private int computed;

  void begin(MetricCatalog catalog, ThresholdSet thresholds, int timeBuckets) {
    Inputs now = new Inputs(catalog, thresholds, timeBuckets);
    if (!now.equals(inputs)) {
      previous = new HashMap<>();
      inputs = now;
    }
    current = new HashMap<>();
    reused = 0;
    computed = 0;
  }

  /** The last result for a series equal in content to {@code series}, else null. */
  Result lookup(SymbolSeries series) {
    Result r = previous.get(series.symbol());
    if (r == null || !sameContent(r.series(), series)) {
      return null;
    }
    current.put(series.symbol(), r);
    reused++;
    return r;
  }

  void store(Result result) {
    computed++;
    current.put(result.series().symbol(), result);
  }

  /** Ends an analysis that completed: only the symbols it saw are kept. */
  void commit() {
    previous = current;
    current = new HashMap<>();
  }

  /** Symbols taken from the memo by the last analysis. */
  public int lastReused() {
    return reused;
  }

  /** Symbols analysed by the last analysis. */
  public int lastComputed() {
    return computed;
  }

  private static boolean sameContent(SymbolSeries a, SymbolSeries b) {
    if (a == b) {
      return true;
    }
    if (!Objects.equals(a.symbol(), b.symbol())
        || !Arrays.equals(a.windows(), b.windows())
        || !Arrays.equals(a.files(), b.files())) {
      return false;
    }
    // Bit-for-bit (NaN equals NaN, 0.0 differs from -0.0): what the analysis sees.
    return Arrays.deepEquals(a.values(), b.values());
  }
}
