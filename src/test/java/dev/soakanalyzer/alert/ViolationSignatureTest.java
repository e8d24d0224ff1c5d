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
  void theSignatureIsSha1OfTheTopFiveCritFirstJoinedWithBars() throws Exception {
    List<Violation> vs =
        List.of(
            v("ZZZ", "edge_bps", Level.WARN, 1),
            v("ETHUSDT", "maker_taker_ratio", Level.CRIT, 24),
            v("BTCUSDT", "p95_latency_ms", Level.CRIT, 24),
            v("BTCUSDT", "edge_bps", Level.CRIT, 23),
            v("AAA", "risk_ratio", Level.WARN, 3),
            v("AAA", "edge_bps", Level.WARN, 9));
    String canonical =
        "BTCUSDT:edge_bps:23|BTCUSDT:p95_latency_ms:24|ETHUSDT:maker_taker_ratio:24"
            + "|AAA:edge_bps:9|AAA:risk_ratio:3";
    assertThat(ViolationSignature.canonical(vs)).isEqualTo(canonical);
    String sha1 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-1")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    assertThat(ViolationSignature.of(vs)).isEqualTo(sha1);
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
