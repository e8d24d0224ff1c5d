package dev.soakanalyzer.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.core.model.Baseline;
import dev.soakanalyzer.core.model.SampleStats;
import org.junit.jupiter.api.Test;

class BaselineJsonTest {

  @Test
  void aSummaryOfThisVersionIsAFullBaselineNamedByItsMeta() {
    Baseline b =
        BaselineJson.parse(
            """
            {"generated_at_utc":"2026-12-01T10:00:00Z",
             "symbols":{"BTCUSDT":{"edge_bps":{"median":3.1,"n":48,"mean":3.09,"sd":0.12,"lag1":0.4},
                                   "risk_ratio":{"median":null,"status":"NO_DATA","n":0}}},
             "meta":{"commit_range":"a..b","ref":"main","sha":"1a2b3c4d5e"}}""",
            "s.json");
    SampleStats s = b.cells().get("BTCUSDT").get("edge_bps");
    assertThat(s).isEqualTo(new SampleStats(48, 3.09, 0.12, 0.4, 3.1));
    assertThat(s.testable()).isTrue();
    assertThat(b.cells().get("BTCUSDT")).doesNotContainKey("risk_ratio");
    assertThat(b.label()).isEqualTo("main@1a2b3c4");
    assertThat(b.generatedAtUtc()).isEqualTo("2026-12-01T10:00:00Z");
  }

  @Test
  void anOlderSummaryGivesMediansOnlyAndItsLastCommitAsTheName() {
    Baseline b =
        BaselineJson.parse(
            "{\"symbols\":{\"X\":{\"edge_bps\":{\"median\":3.1,\"last\":3.0}}},"
                + "\"meta\":{\"commit_range\":\"abc1234..def5678\"}}",
            "old.json");
    assertThat(b.cells().get("X").get("edge_bps")).isEqualTo(SampleStats.medianOnly(3.1));
    assertThat(b.label()).isEqualTo("def5678");
  }

  @Test
  void somethingElseIsRefusedSayingWhy() {
    assertThatThrownBy(() -> BaselineJson.parse("[1,2]", "x"))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> BaselineJson.parse("{\"a\":1}", "x")).hasMessageContaining("symbols");
    assertThatThrownBy(() -> BaselineJson.parse("{", "x")).hasMessageContaining("not JSON");
  }
}
