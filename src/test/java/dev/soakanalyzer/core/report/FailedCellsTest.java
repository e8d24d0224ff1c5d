package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.analysis.Analyzer;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.DataQuality;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.model.SymbolSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedCellsTest {
  private static final int N = 48;

  private static double[] constant(double v) {
    double[] a = new double[N];
    Arrays.fill(a, v);
    return a;
  }

  private static SymbolSeries series(String symbol, double[] edge, double[] lat, double[] risk) {
    int[] windows = new int[N];
    Arrays.setAll(windows, i -> i + 1);
    return new SymbolSeries(symbol, windows, new double[][] {edge, constant(0.9), lat, risk});
  }

  private static Analysis analyse(SymbolSeries... series) {
    return Analyzer.analyze(
        new SoakData(MetricCatalog.STANDARD, List.of(series), RunMeta.NONE, DataQuality.CLEAN),
        AnalysisSettings.defaults(),
        Instant.parse("2026-01-05T12:00:00Z"));
  }

  @Test
  void oneRowPerCellCritFirstThenFurthestPastItsBoundSoManyEventsCannotHideACritMetric() {
    // AAA: 40 WARN windows of edge (2.4). BBB: one CRIT latency window (900 ms at window 30).
    // CCC: CRIT risk barely past its bound (0.51) in 3 windows.
    double[] edge = constant(3.0);
    Arrays.fill(edge, 0, 40, 2.4);
    double[] lat = constant(300);
    lat[29] = 900;
    double[] risk = constant(0.3);
    Arrays.fill(risk, 10, 13, 0.51);
    Analysis a =
        analyse(
            series("AAA", edge, constant(300), constant(0.3)),
            series("BBB", constant(3.0), lat, constant(0.3)),
            series("CCC", constant(3.0), constant(300), risk));

    List<FailedCells.FailedCell> failed = FailedCells.of(a);

    assertThat(failed)
        .extracting(f -> f.symbol() + " " + f.metric().key() + " " + f.level())
        .containsExactly("BBB p95_latency_ms CRIT", "CCC risk_ratio CRIT", "AAA edge_bps WARN");
    assertThat(failed.get(0).worstAt()).isEqualTo("900 @ #30");
    assertThat(failed.get(0).bound()).isEqualTo("> 400");
    assertThat(failed.get(0).windowSpan()).isEqualTo("30");
    assertThat(failed.get(1).windowSpan()).isEqualTo("11–13");
    assertThat(failed.get(2).events()).isEqualTo(40);
    assertThat(failed.get(2).bound()).isEqualTo("< 2.50");
    assertThat(failed.get(2).level()).isEqualTo(Level.WARN);
  }

  @Test
  void cellsWithoutAnyValueAreListedAsNoData() {
    double[] none = constant(Double.NaN);
    Analysis a = analyse(series("AAA", constant(3.0), constant(300), none));

    assertThat(FailedCells.noData(a)).containsExactly("AAA risk_ratio");
    assertThat(FailedCells.of(a)).isEmpty();
    assertThat(StatusLabels.verdictLine(a.verdict(), a.counts().noData()))
        .isEqualTo("✅ **OK** — No threshold crossed; 1 metric(s) had no data (see Data Quality)");
  }
}
