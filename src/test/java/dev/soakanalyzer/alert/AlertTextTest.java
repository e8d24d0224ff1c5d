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

  @Test
  void theSummaryFollowsTheGuidesFormatWithTheBadSideOfEachMetric() {
    Analysis a =
        analysis(
            List.of(
                new Violation("ETHUSDT", "risk_ratio", Level.WARN, 45, 0.47, 0.45, "n"),
                new Violation("BTCUSDT", "edge_bps", Level.CRIT, 47, 1.9, 2.0, "n"),
                new Violation("BTCUSDT", "p95_latency_ms", Level.CRIT, 46, 451.4, 400, "n"),
                new Violation("SOLUSDT", "maker_taker_ratio", Level.WARN, 3, 0.78, 0.8, "n")),
            new CellCounts(2, 2, 8, 0));
    assertThat(AlertText.summary(a, "prod", "bybit"))
        .isEqualTo(
            """
            [🔴 CRIT] Soak summary (env=prod, exch=bybit)
            windows=48 symbols=0 crit=2 warn=2

            Top violations:
            - BTCUSDT: edge_bps < 2.0 at window #47 (1.9)
            - BTCUSDT: p95_latency_ms > 400 at window #46 (451)
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
