package dev.soakanalyzer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.Threshold;
import dev.soakanalyzer.core.model.ThresholdSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdRulesTest {

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @CsvSource({
    "edge_bps, 2.5, OK",
    "edge_bps, 2.4999, WARN",
    "edge_bps, 2.0, WARN",
    "edge_bps, 1.9999, CRIT",
    "edge_bps, -5, CRIT",
    "edge_bps, 0.0, CRIT",
    "maker_taker_ratio, 0.80, OK",
    "maker_taker_ratio, 0.79, WARN",
    "maker_taker_ratio, 0.75, WARN",
    "maker_taker_ratio, 0.7499, CRIT",
    "p95_latency_ms, 350, OK",
    "p95_latency_ms, 350.01, WARN",
    "p95_latency_ms, 400, WARN",
    "p95_latency_ms, 400.5, CRIT",
    "risk_ratio, 0.45, OK",
    "risk_ratio, 0.46, WARN",
    "risk_ratio, 0.50, WARN",
    "risk_ratio, 0.51, CRIT",
  })
  void comparisonsAreStrictAndCritRanksAboveWarn(String metric, double value, Level expected) {
    var def = MetricCatalog.STANDARD.find(metric).orElseThrow();
    Threshold t = ThresholdSet.STANDARD.forMetric("ANY", metric);
    assertThat(t.levelOf(value, def.direction())).isEqualTo(expected);
  }

  @Test
  void critLooserThanWarnIsRejectedWithOneSentencePerProblem() {
    ThresholdSet bad =
        ThresholdSet.STANDARD
            .withDefault(MetricCatalog.EDGE, new Threshold(2.5, 3.0))
            .withDefault(MetricCatalog.LATENCY, new Threshold(400, 350));
    assertThatThrownBy(
            () -> new AnalysisSettings(MetricCatalog.STANDARD, bad, 24, 1, List.of(), null))
        .isInstanceOf(InvalidSettingsException.class)
        .satisfies(
            e ->
                assertThat(((InvalidSettingsException) e).problems())
                    .containsExactly(
                        "CRIT threshold of edge_bps (3) must be at most its WARN threshold (2.5)",
                        "CRIT threshold of p95_latency_ms (350) must be at least its WARN threshold (400)"));
  }

  @Test
  void equalWarnAndCritIsAllowedAndMeansEverythingBadIsCrit() {
    Threshold t = new Threshold(2.0, 2.0);
    assertThat(t.isContradictory(Direction.LOW_IS_BAD)).isFalse();
    assertThat(t.levelOf(1.9, Direction.LOW_IS_BAD)).isEqualTo(Level.CRIT);
    assertThat(t.levelOf(2.0, Direction.LOW_IS_BAD)).isEqualTo(Level.OK);
  }
}
