package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.DataQuality;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.core.model.SymbolSeries;
import dev.soakanalyzer.core.model.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Above {@link Analyzer#PARALLEL_POINTS} the symbols are analysed on several cores. */
class AnalyzerParallelTest {

  @Test
  void symbolsSpreadOverTheCoresGiveWhatEachGivesAloneInTheSameOrder() {
    SplittableRandom r = new SplittableRandom(11);
    int windows = 60;
    List<SymbolSeries> all = new ArrayList<>();
    for (int s = 0; s < 250; s++) {
      int[] w = new int[windows];
      double[][] v = new double[MetricCatalog.STANDARD.size()][windows];
      for (int i = 0; i < windows; i++) {
        w[i] = i + 1;
        v[0][i] = 2.0 + r.nextGaussian() * 0.6 - (s % 7 == 0 ? i * 0.02 : 0); // edge, some drifting
        v[1][i] = 0.8 + r.nextGaussian() * 0.1;
        v[2][i] = 300 + r.nextGaussian() * 80;
        v[3][i] = 0.4 + r.nextGaussian() * 0.05;
      }
      all.add(new SymbolSeries(String.format("SYM%04dUSDT", s), w, v));
    }
    assertThat((long) all.size() * windows).isGreaterThanOrEqualTo(Analyzer.PARALLEL_POINTS);

    Analysis together = analyze(all);

    List<Violation> alone = new ArrayList<>();
    for (int s = 0; s < all.size(); s++) {
      // One symbol at a time is below the bound: the single-threaded path.
      Analysis one = analyze(List.of(all.get(s)));
      assertThat(together.symbols().get(s))
          .usingRecursiveComparison()
          .isEqualTo(one.symbols().get(0));
      alone.addAll(one.violations());
    }
    alone.sort(Violation.SEVERITY_ORDER);
    assertThat(together.violations()).hasSize(alone.size()).containsExactlyElementsOf(alone);
    assertThat(together.violations()).isNotEmpty();
  }

  private static Analysis analyze(List<SymbolSeries> series) {
    return Analyzer.analyze(
        new SoakData(MetricCatalog.STANDARD, series, RunMeta.NONE, DataQuality.CLEAN),
        AnalysisSettings.defaults(),
        Instant.EPOCH);
  }
}
