package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.analysis.Analyzer;
import dev.soakanalyzer.core.analysis.BaselineComparator;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.Baseline;
import dev.soakanalyzer.core.model.Comparison;
import dev.soakanalyzer.core.model.DataQuality;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.SampleStats;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.model.SymbolSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A 300-symbol comment with a baseline: regressed rows on top, the rest folded into one line. */
class ComparisonInCommentTest {

  /** {@code n} healthy symbols (S000...) of 48 windows. */
  private static Analysis run(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<SymbolSeries> series = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      int[] w = new int[48];
      double[][] v = new double[4][48];
      for (int i = 0; i < 48; i++) {
        w[i] = i + 1;
        v[0][i] = 3.2 + 0.1 * r.nextGaussian();
        v[1][i] = 0.88 + 0.005 * r.nextGaussian();
        v[2][i] = 250 + 5 * r.nextGaussian();
        v[3][i] = 0.3 + 0.005 * r.nextGaussian();
      }
      series.add(new SymbolSeries(String.format("S%03d", s), w, v));
    }
    return Analyzer.analyze(
        new SoakData(MetricCatalog.STANDARD, series, RunMeta.NONE, DataQuality.CLEAN),
        AnalysisSettings.defaults(),
        Instant.EPOCH);
  }

  @Test
  void aBigCommentListsTheRegressionFirstAndFoldsTheOkUnchangedRows() {
    Analysis now = run(300, 1);
    Baseline base = BaselineComparator.baselineOf(now, "main/SOAK_SUMMARY.json");
    // The baseline of S150 had an edge 20% higher: this run's S150 edge regressed.
    Map<String, Map<String, SampleStats>> cells = new LinkedHashMap<>(base.cells());
    Map<String, SampleStats> s150 = new LinkedHashMap<>(cells.get("S150"));
    SampleStats e = s150.get("edge_bps");
    s150.put(
        "edge_bps", new SampleStats(e.n(), e.mean() * 1.25, e.sd(), e.lag1(), e.median() * 1.25));
    cells.put("S150", s150);
    Comparison c =
        BaselineComparator.compare(
            now, new Baseline("main", "1a2b3c4d", "2026-12-01T00:00:00Z", "x", cells), 5);
    Analysis a = now.withComparison(c);

    String body =
        PrCommentRenderer.render(
            a,
            PrCommentRenderer.Options.of("reports/analysis", List.of("X"), null),
            Optional.empty());

    assertThat(body).contains("**Baseline:** main@").contains("#### Worse than main@");
    assertThat(body.indexOf("Worse than")).isLessThan(body.indexOf("| Symbol |"));
    assertThat(body).contains("<summary>299 symbols OK, unchanged</summary>");
    int firstRow = body.indexOf("\n| S", body.indexOf("|--------|"));
    assertThat(body.substring(firstRow + 1, firstRow + 7)).isEqualTo("| S150");
    assertThat(body).contains("▼20.0%*");
    assertThat(body.length()).isLessThan(PrCommentRenderer.MAX_CHARS);
  }

  @Test
  void withABaselineAskedForButMissingTheCommentSaysSo() {
    Analysis a = run(2, 2).withComparison(Comparison.absent(5));
    String body =
        PrCommentRenderer.render(
            a,
            PrCommentRenderer.Options.of("reports/analysis", List.of("X"), null),
            Optional.empty());
    assertThat(body).contains("**Baseline:** no baseline").doesNotContain("Worse than");
  }
}
