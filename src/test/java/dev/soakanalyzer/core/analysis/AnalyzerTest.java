package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.DataQuality;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.model.SymbolSeries;
import dev.soakanalyzer.core.model.Violation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
  private static final double N = Double.NaN;

  private static SymbolSeries series(String symbol, int[] windows, double[]... columns) {
    return new SymbolSeries(symbol, windows, columns);
  }

  private static Analysis analyze(SymbolSeries... s) {
    SoakData data =
        new SoakData(MetricCatalog.STANDARD, List.of(s), RunMeta.NONE, DataQuality.CLEAN);
    return Analyzer.analyze(data, AnalysisSettings.defaults(), Instant.EPOCH);
  }

  @Test
  void eachWindowYieldsAtMostOneViolationPerMetricTheMoreSevere() {
    Analysis a =
        analyze(
            series(
                "ETH",
                new int[] {1, 2, 3},
                new double[] {3.0, 2.4, 1.5},
                new double[] {0.9, 0.9, 0.9},
                new double[] {300, 300, 300},
                new double[] {0.3, 0.3, 0.3}));
    assertThat(a.violations())
        .extracting(Violation::windowIndex, Violation::level, Violation::threshold)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3, Level.CRIT, 2.0),
            org.assertj.core.groups.Tuple.tuple(2, Level.WARN, 2.5));
    assertThat(a.symbols().get(0).cell("edge_bps").status()).isEqualTo(CellStatus.CRIT);
    assertThat(a.symbols().get(0).cell("edge_bps").worst().windowIndex()).isEqualTo(3);
  }

  @Test
  void countsAreCellsAndNoDataIsShownButNotCounted() {
    Analysis a =
        analyze(
            series(
                "A",
                new int[] {1, 2},
                new double[] {2.4, 2.3},
                new double[] {N, N},
                new double[] {500, 300},
                new double[] {0.3, 0.3}));
    assertThat(a.counts().crit()).isEqualTo(1);
    assertThat(a.counts().warn()).isEqualTo(1);
    assertThat(a.counts().ok()).isEqualTo(1);
    assertThat(a.counts().noData()).isEqualTo(1);
    assertThat(a.verdict()).isEqualTo(Level.CRIT);
    assertThat(a.symbols().get(0).cell("maker_taker_ratio").status()).isEqualTo(CellStatus.NO_DATA);
    // two violation events of edge, one of latency
    assertThat(a.violations()).hasSize(3);
  }

  @Test
  void violationsAreOrderedCritFirstThenSymbolMetricWindow() {
    Analysis a =
        analyze(
            series(
                "B",
                new int[] {1, 2},
                new double[] {2.4, 1.0},
                new double[] {0.9, 0.7},
                new double[] {300, 300},
                new double[] {0.3, 0.3}),
            series(
                "A",
                new int[] {5},
                new double[] {2.4},
                new double[] {0.9},
                new double[] {300},
                new double[] {0.3}));
    assertThat(a.violations())
        .extracting(v -> v.level() + ":" + v.symbol() + ":" + v.metric() + ":" + v.windowIndex())
        .containsExactly(
            "CRIT:B:edge_bps:2",
            "CRIT:B:maker_taker_ratio:2",
            "WARN:A:edge_bps:5",
            "WARN:B:edge_bps:1");
  }

  @Test
  void lastAndMedianIgnoreWindowsWithoutAValue() {
    Analysis a =
        analyze(
            series(
                "A",
                new int[] {1, 2, 3, 4},
                new double[] {3, 4, 5, N},
                new double[] {N, N, N, N},
                new double[] {N, N, N, N},
                new double[] {N, N, N, N}));
    var cell = a.symbols().get(0).cell("edge_bps");
    assertThat(cell.last()).isEqualTo(5.0);
    assertThat(cell.median()).isEqualTo(4.0);
    assertThat(cell.valueCount()).isEqualTo(3);
  }

  @Test
  void allOkRunHasVerdictOkAndNoViolations() {
    Analysis a =
        analyze(
            series(
                "A",
                new int[] {1},
                new double[] {3},
                new double[] {0.9},
                new double[] {100},
                new double[] {0.1}));
    assertThat(a.verdict()).isEqualTo(Level.OK);
    assertThat(a.violations()).isEmpty();
    assertThat(a.counts().ok()).isEqualTo(4);
    assertThat(a.insufficientWindows()).isTrue();
  }
}
