package dev.soakanalyzer.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationSignatureTest {
  static Violation v(String sym, String metric, Level level, int w) {
    return new Violation(sym, metric, level, w, 1.0, 2.0, "n");
  }

  @Test
  void theSignatureIsSha1OfTheSortedViolatedCellsAtTheirWorstLevel() throws Exception {
    List<Violation> vs =
        List.of(
            v("ZZZ", "edge_bps", Level.WARN, 1),
            v("ETHUSDT", "maker_taker_ratio", Level.CRIT, 24),
            v("BTCUSDT", "p95_latency_ms", Level.CRIT, 24),
            v("BTCUSDT", "edge_bps", Level.WARN, 22),
            v("BTCUSDT", "edge_bps", Level.CRIT, 23),
            v("AAA", "risk_ratio", Level.WARN, 3),
            v("AAA", "edge_bps", Level.WARN, 9));
    String canonical =
        "AAA:edge_bps:WARN|AAA:risk_ratio:WARN|BTCUSDT:edge_bps:CRIT"
            + "|BTCUSDT:p95_latency_ms:CRIT|ETHUSDT:maker_taker_ratio:CRIT|ZZZ:edge_bps:WARN";
    assertThat(ViolationSignature.canonical(vs)).isEqualTo(canonical);
    String sha1 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-1")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    assertThat(ViolationSignature.of(vs)).isEqualTo(sha1);
  }

  @Test
  void newWindowsOfAViolatedCellKeepTheSignatureButANewCellAnywhereChangesIt() {
    List<Violation> base = new java.util.ArrayList<>();
    for (String sym : List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF")) {
      base.add(v(sym, "edge_bps", Level.CRIT, 1));
    }
    List<Violation> moreWindows = new java.util.ArrayList<>(base);
    moreWindows.add(v("AAA", "edge_bps", Level.CRIT, 2));
    moreWindows.add(v("AAA", "edge_bps", Level.WARN, 3));
    assertThat(ViolationSignature.of(moreWindows)).isEqualTo(ViolationSignature.of(base));

    // The old top-5-events signature could not see this: a new CRIT metric on the last symbol.
    List<Violation> newCell = new java.util.ArrayList<>(base);
    newCell.add(v("ZZZ", "risk_ratio", Level.CRIT, 24));
    assertThat(ViolationSignature.of(newCell)).isNotEqualTo(ViolationSignature.of(base));

    List<Violation> escalated = new java.util.ArrayList<>(base);
    escalated.add(v("FFF", "risk_ratio", Level.WARN, 5));
    List<Violation> escalatedMore = new java.util.ArrayList<>(escalated);
    escalatedMore.add(v("FFF", "risk_ratio", Level.CRIT, 6));
    assertThat(ViolationSignature.of(escalatedMore)).isNotEqualTo(ViolationSignature.of(escalated));
  }

  @Test
  void theGuidesTwoVariantsHaveDifferentSignaturesAndOrderDoesNotMatter() {
    List<Violation> v1 =
        List.of(
            v("BTCUSDT", "edge_bps", Level.CRIT, 23),
            v("BTCUSDT", "p95_latency_ms", Level.CRIT, 24),
            v("ETHUSDT", "maker_taker_ratio", Level.CRIT, 24));
    List<Violation> v2 =
        List.of(
            v("BTCUSDT", "edge_bps", Level.CRIT, 24),
            v("BTCUSDT", "maker_taker_ratio", Level.CRIT, 24),
            v("SOLUSDT", "edge_bps", Level.CRIT, 23));
    assertThat(ViolationSignature.of(v1)).isNotEqualTo(ViolationSignature.of(v2));
    assertThat(ViolationSignature.of(List.of(v1.get(2), v1.get(0), v1.get(1))))
        .isEqualTo(ViolationSignature.of(v1));
  }
}
