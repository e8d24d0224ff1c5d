package dev.soakanalyzer.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellCounts;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.Violation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTextTest {

  static Analysis analysis(List<Violation> violations, CellCounts counts) {
    return new Analysis(
        Instant.EPOCH,
        48,
        24,
        1,
        MetricCatalog.STANDARD,
        List.of(),
        violations,
        counts,
        RunMeta.NONE,
        null,
        dev.soakanalyzer.core.model.ThresholdSet.STANDARD);
  }

  /** Columns edge, maker/taker, p95, risk per window 45..48 of one symbol. */
  private static dev.soakanalyzer.core.model.SymbolSeries series(String symbol, double[][] v) {
    return new dev.soakanalyzer.core.model.SymbolSeries(symbol, new int[] {45, 46, 47, 48}, v);
  }

  @Test
  void theSummaryListsDistinctCellsWorstFirstWithTheBadSideOfEachMetric() {
    double[] fine = {3.0, 3.0, 3.0, 3.0};
    double[] maker = {0.9, 0.9, 0.9, 0.9};
    double[] lowRisk = {0.3, 0.3, 0.3, 0.3};
    // BTCUSDT: edge below WARN in three windows (2.4, 2.3, 1.9 CRIT), p95 CRIT once at 451.4.
    var btc =
        series(
            "BTCUSDT",
            new double[][] {{2.4, 2.3, 1.9, 3.0}, maker, {300, 451.4, 300, 300}, lowRisk});
    // ETHUSDT: risk WARN at window 45.
    var eth =
        series(
            "ETHUSDT", new double[][] {fine, maker, {300, 300, 300, 300}, {0.47, 0.3, 0.3, 0.3}});
    Analysis a =
        dev.soakanalyzer.core.analysis.Analyzer.analyze(
            new dev.soakanalyzer.core.model.SoakData(
                MetricCatalog.STANDARD,
                List.of(btc, eth),
                RunMeta.NONE,
                dev.soakanalyzer.core.model.DataQuality.CLEAN),
            dev.soakanalyzer.core.model.AnalysisSettings.defaults(),
            java.time.Instant.parse("2026-01-05T12:00:00Z"));

    assertThat(AlertText.summary(a, "prod", "bybit"))
        .isEqualTo(
            """
            [🔴 CRIT] Soak summary (env=prod, exch=bybit)
            windows=4 symbols=2 crit=2 warn=1

            Top violations:
            - BTCUSDT: p95_latency_ms > 400 at window #46 (451)
            - BTCUSDT: edge_bps < 2.0 at window #47 (1.9)
            - ETHUSDT: risk_ratio > 0.45 at window #45 (0.47)

            Артефакты: POST_SOAK_ANALYSIS.md, RECOMMENDATIONS.md""");
  }

  @Test
  void theRedisDownAlertIsTheGuidesText() {
    assertThat(AlertText.redisDown("dev", "bybit", 3, Instant.parse("2025-10-26T12:45:00.5Z")))
        .isEqualTo(
            """
            [🟡 WARN] Redis export skipped 3 cycles in a row

            Env: dev
            Exchange: bybit
            Consecutive failures: 3
            Last check: 2025-10-26T12:45:00Z

            Redis may be unavailable. Check REDIS_URL and connectivity.""");
  }

  @Test
  void anOkSummaryHasNoViolationSection() {
    assertThat(AlertText.summary(analysis(List.of(), new CellCounts(0, 0, 12, 0)), "dev", "x"))
        .startsWith(
            "[🟢 OK] Soak summary (env=dev, exch=x)\nwindows=48 symbols=0 crit=0 warn=0\n\nАртефакты");
  }

  @Test
  void theStoredStateRoundTripsAsTheDecidedJson() {
    AlertState s = new AlertState(Level.CRIT, Instant.parse("2025-10-26T12:00:00.9Z"), "abc");
    assertThat(s.toJson())
        .isEqualTo(
            "{\"last_level\":\"CRIT\",\"last_sent_utc\":\"2025-10-26T12:00:00Z\","
                + "\"last_signature\":\"abc\"}");
    assertThat(AlertState.fromJson(s.toJson())).contains(s);
    assertThat(AlertState.fromJson("not json")).isEmpty();
  }
}
