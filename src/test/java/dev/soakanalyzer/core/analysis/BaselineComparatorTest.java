package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.Baseline;
import dev.soakanalyzer.core.model.CellComparison;
import dev.soakanalyzer.core.model.Comparison;
import dev.soakanalyzer.core.model.ComparisonStatus;
import dev.soakanalyzer.core.model.DataQuality;
import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.SampleStats;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.model.SymbolSeries;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaselineComparatorTest {
  private static final SampleStats THEN = new SampleStats(200, 3.0, 0.3, 0.0, 3.0);

  @Test
  void aSignificantDropOfALowIsBadMetricIsARegressionAndOfAHighIsBadOneAnImprovement() {
    SampleStats now = new SampleStats(200, 2.7, 0.3, 0.0, 2.7);
    CellComparison low =
        BaselineComparator.cell("S", "edge_bps", Direction.LOW_IS_BAD, now, THEN, 5);
    CellComparison high =
        BaselineComparator.cell("S", "custom_lat", Direction.HIGH_IS_BAD, now, THEN, 5);
    assertThat(low.status()).isEqualTo(ComparisonStatus.REGRESSED);
    assertThat(low.changePct()).isCloseTo(-10.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(high.status()).isEqualTo(ComparisonStatus.IMPROVED);
  }

  @Test
  void aSignificantChangeSmallerThanTheMinimumIsUnchanged() {
    SampleStats now = new SampleStats(1000, 2.91, 0.1, 0.0, 2.91);
    SampleStats then = new SampleStats(1000, 3.0, 0.1, 0.0, 3.0);
    CellComparison c = BaselineComparator.cell("S", "edge_bps", Direction.LOW_IS_BAD, now, then, 5);
    assertThat(c.pValue()).isLessThan(0.01);
    assertThat(c.status()).isEqualTo(ComparisonStatus.UNCHANGED);
    assertThat(
            BaselineComparator.cell("S", "edge_bps", Direction.LOW_IS_BAD, now, then, 2).status())
        .isEqualTo(ComparisonStatus.REGRESSED);
  }

  @Test
  void aBaselineWithMediansOnlyComparesMediansUntested() {
    SampleStats now = new SampleStats(48, 2.5, 0.3, 0.0, 2.4);
    CellComparison c =
        BaselineComparator.cell(
            "S", "edge_bps", Direction.LOW_IS_BAD, now, SampleStats.medianOnly(3.0), 5);
    assertThat(c.status()).isEqualTo(ComparisonStatus.UNTESTED);
    assertThat(c.changePct()).isCloseTo(-20.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(c.pValue()).isNaN();
  }

  @Test
  void cellsOfOneRunOnlyAreNewOrGoneAndNoDataCellsAreNotCompared() {
    Analysis a = analysis("BTCUSDT", "ETHUSDT");
    Map<String, Map<String, SampleStats>> cells = new LinkedHashMap<>();
    cells.put(
        "BTCUSDT",
        Map.of("edge_bps", THEN, "maker_taker_ratio", new SampleStats(48, 0.87, 0.01, 0.0, 0.87)));
    cells.put("SOLUSDT", Map.of("edge_bps", THEN));
    Comparison c = BaselineComparator.compare(a, new Baseline("main", "abc", null, "x", cells), 5);
    assertThat(c.cell("ETHUSDT", "edge_bps").status()).isEqualTo(ComparisonStatus.NEW);
    assertThat(c.cell("SOLUSDT", "edge_bps").status()).isEqualTo(ComparisonStatus.GONE);
    assertThat(c.cell("BTCUSDT", "edge_bps").status())
        .isNotIn(ComparisonStatus.NEW, ComparisonStatus.GONE);
    // p95_latency_ms and risk_ratio have no value in this run: NO_DATA, not compared
    assertThat(c.cell("BTCUSDT", "p95_latency_ms")).isNull();
    assertThat(c.count(ComparisonStatus.GONE)).isEqualTo(1);
  }

  /** Symbols with 48 windows of edge_bps and maker_taker_ratio only. */
  private static Analysis analysis(String... symbols) {
    SplittableRandom r = new SplittableRandom(3);
    List<SymbolSeries> series = new java.util.ArrayList<>();
    for (String s : symbols) {
      int[] w = new int[48];
      double[][] v = new double[4][48];
      for (int i = 0; i < 48; i++) {
        w[i] = i + 1;
        v[0][i] = 3.0 + 0.1 * r.nextGaussian();
        v[1][i] = 0.87 + 0.01 * r.nextGaussian();
        v[2][i] = Double.NaN;
        v[3][i] = Double.NaN;
      }
      series.add(new SymbolSeries(s, w, v));
    }
    SoakData data =
        new SoakData(
            dev.soakanalyzer.core.model.MetricCatalog.STANDARD,
            series,
            RunMeta.NONE,
            DataQuality.CLEAN);
    return Analyzer.analyze(data, AnalysisSettings.defaults(), Instant.EPOCH);
  }
}
