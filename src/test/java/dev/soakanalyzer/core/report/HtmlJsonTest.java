package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HtmlJsonTest {

  private static String number(double v, int decimals) {
    StringBuilder sb = new StringBuilder();
    HtmlJson.number(sb, v, decimals);
    return sb.toString();
  }

  @Test
  void numbersKeepAtMostTheirDecimalsWithoutTrailingZeros() {
    assertThat(number(2.488, 4)).isEqualTo("2.488");
    assertThat(number(2.0, 4)).isEqualTo("2");
    assertThat(number(-0.00004, 4)).isEqualTo("0");
    assertThat(number(-1.05, 2)).isEqualTo("-1.05");
    assertThat(number(0.0305, 3)).isEqualTo("0.031");
    assertThat(number(350, 0)).isEqualTo("350");
    assertThat(number(Double.NaN, 2)).isEqualTo("null");
    assertThat(number(Double.POSITIVE_INFINITY, 2)).isEqualTo("null");
  }

  @Test
  void numbersAgreeWithBigDecimalRoundingOnRandomValues() throws Exception {
    // Oracle: Jackson parses what was written; it must equal the value rounded half-up.
    SplittableRandom r = new SplittableRandom(7);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 20_000; i++) {
      double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-3, 9));
      int d = r.nextInt(0, 6);
      String written = number(v, d);
      double expected =
          java.math.BigDecimal.valueOf(v).setScale(d, java.math.RoundingMode.HALF_UP).doubleValue();
      assertThat(json.readTree(written).asDouble())
          .as("%s with %d decimals -> %s", v, d, written)
          .isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.pow(10, -d) * 1.0001));
    }
  }

  @Test
  void stringsEscapeEverythingThatCouldEndAScriptElement() throws Exception {
    String hostile = "a</script><!--\u2028\u2029&\u0000\"\\\uD800x\uD83D\uDE00";
    StringBuilder sb = new StringBuilder();
    HtmlJson.string(sb, hostile);
    assertThat(sb.toString()).matches("[\\x20-\\x7E\\x{1F600}]*");
    assertThat(sb.toString()).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    assertThat(new ObjectMapper().readTree(sb.toString()).asText()).isEqualTo(hostile);
  }
}
