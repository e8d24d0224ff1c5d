package dev.soakanalyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.MetricCatalog;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IterFileParserTest {
  private final IterFileParser parser = new IterFileParser(MetricCatalog.STANDARD, "ALL", Set.of());

  private ParsedFile parse(String json) {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private ParsedFile.Usable usable(String json) {
    ParsedFile p = parse(json);
    assertThat(p).isInstanceOf(ParsedFile.Usable.class);
    return (ParsedFile.Usable) p;
  }

  private static String skipReason(ParsedFile p) {
    assertThat(p).isInstanceOf(ParsedFile.Skipped.class);
    return ((ParsedFile.Skipped) p).reason();
  }

  @Test
  void flatShapeReadsTheSymbolAndMetricsFromTheRecord() {
    var u =
        usable(
            "{\"symbol\":\"BTCUSDT\",\"edge_bps\":2.8,\"maker_taker_ratio\":0.84,"
                + "\"p95_latency_ms\":320,\"risk_ratio\":0.38}");
    assertThat(u.samples())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.symbol()).isEqualTo("BTCUSDT");
              assertThat(s.values()).containsExactly(2.8, 0.84, 320, 0.38);
            });
    assertThat(u.windowIndex()).isNull();
  }

  @Test
  void nestedShapeReadsSummarySymbolAndIteration() {
    var u = usable("{\"iteration\":7,\"summary\":{\"symbol\":\"ETHUSDT\",\"edge_bps\":2.1}}");
    assertThat(u.windowIndex()).isEqualTo(7);
    assertThat(u.samples().get(0).symbol()).isEqualTo("ETHUSDT");
    assertThat(u.samples().get(0).values()[0]).isEqualTo(2.1);
  }

  @Test
  void runnerShapeWithOneSymbolUsesIt() {
    var u =
        usable(
            "{\"iteration\":7,\"symbols\":[\"BTCUSDT\"],\"profile\":\"moderate\","
                + "\"summary\":{\"edge_bps\":3}}");
    assertThat(u.samples().get(0).symbol()).isEqualTo("BTCUSDT");
    assertThat(u.profile()).isEqualTo("moderate");
  }

  @Test
  void runnerShapeWithSeveralSymbolsIsThePortfolioRow() {
    var u =
        usable(
            "{\"iteration\":7,\"symbols\":[\"BTCUSDT\",\"ETHUSDT\"],\"summary\":{\"edge_bps\":3}}");
    assertThat(u.samples().get(0).symbol()).isEqualTo("ALL");
  }

  @Test
  void runnerShapeWithoutSymbolsIsThePortfolioRowRenamedByDefaultSymbol() {
    var renamed = new IterFileParser(MetricCatalog.STANDARD, "PORTFOLIO", Set.of());
    var p =
        renamed.parse(
            "{\"iteration\":7,\"summary\":{\"net_bps\":3.1},\"tuning\":{\"x\":1}}"
                .getBytes(StandardCharsets.UTF_8));
    var u = (ParsedFile.Usable) p;
    assertThat(u.samples().get(0).symbol()).isEqualTo("PORTFOLIO");
    assertThat(u.samples().get(0).values()[0]).isEqualTo(3.1);
  }

  @Test
  void multiShapeYieldsEachSymbolKey() {
    var u =
        usable(
            "{\"iteration\":7,\"symbols\":{\"BTCUSDT\":{\"edge_bps\":3},"
                + "\"ETHUSDT\":{\"edge_bps\":2}}}");
    assertThat(u.samples())
        .extracting(ParsedFile.Sample::symbol)
        .containsExactly("BTCUSDT", "ETHUSDT");
  }

  @Test
  void keyedShapeTakesTopLevelObjectsWithAKnownMetricOnly() {
    var u =
        usable(
            "{\"window_index\":5,\"BTCUSDT\":{\"edge_bps\":3},\"ETHUSDT\":{\"risk_ratio\":0.3},"
                + "\"meta\":{\"commit\":\"abc\"},\"tuning\":{\"spread\":1}}");
    assertThat(u.windowIndex()).isEqualTo(5);
    assertThat(u.samples())
        .extracting(ParsedFile.Sample::symbol)
        .containsExactly("BTCUSDT", "ETHUSDT");
    assertThat(u.commit()).isEqualTo("abc");
  }

  @Test
  void numericStringsAreValuesAndNullNanInfinityTextAreNoValueNeverZero() {
    var u =
        usable(
            "{\"symbol\":\"S\",\"edge_bps\":\"2.75\",\"maker_taker_ratio\":null,"
                + "\"p95_latency_ms\":NaN,\"risk_ratio\":\"high\"}");
    double[] v = u.samples().get(0).values();
    assertThat(v[0]).isEqualTo(2.75);
    assertThat(v[1]).isNaN();
    assertThat(v[2]).isNaN();
    assertThat(v[3]).isNaN();
    var inf =
        usable(
            "{\"symbol\":\"S\",\"edge_bps\":Infinity,\"risk_ratio\":\"-Infinity\",\"maker_taker_ratio\":1e999,\"p95_latency_ms\":1}");
    assertThat(inf.samples().get(0).values())
        .containsExactly(Double.NaN, Double.NaN, 1, Double.NaN);
  }

  @Test
  void netBpsIsAnAliasOnlyWhenEdgeBpsIsAbsent() {
    assertThat(usable("{\"symbol\":\"S\",\"net_bps\":3.3}").samples().get(0).values()[0])
        .isEqualTo(3.3);
    assertThat(
            usable("{\"symbol\":\"S\",\"edge_bps\":0.0,\"net_bps\":3.3}")
                .samples()
                .get(0)
                .values()[0])
        .isEqualTo(0.0);
    // present but null: no value, and the alias is not consulted
    var u = usable("{\"symbol\":\"S\",\"edge_bps\":null,\"net_bps\":3.3,\"risk_ratio\":0.1}");
    assertThat(u.samples().get(0).values()[0]).isNaN();
  }

  @Test
  void metadataComesFromTopLevelMetaOrSummary() {
    assertThat(usable("{\"symbol\":\"S\",\"edge_bps\":1,\"commit\":\"top\"}").commit())
        .isEqualTo("top");
    assertThat(usable("{\"symbol\":\"S\",\"edge_bps\":1,\"meta\":{\"profile\":\"p\"}}").profile())
        .isEqualTo("p");
    assertThat(
            usable("{\"summary\":{\"symbol\":\"S\",\"edge_bps\":1,\"source\":\"soak\"}}").source())
        .isEqualTo("soak");
  }

  @Test
  void badFilesAreSkippedWithOneLineReasons() {
    assertThat(skipReason(parse("{not json"))).startsWith("not valid JSON: ").doesNotContain("\n");
    assertThat(skipReason(parse("[1,2]"))).isEqualTo("not a JSON object (found an array)");
    assertThat(skipReason(parse(""))).isEqualTo("empty file");
    assertThat(skipReason(parse("{\"foo\":1}"))).startsWith("no recognizable symbol");
    assertThat(skipReason(parse("{\"symbol\":\"S\",\"edge_bps\":null}")))
        .startsWith("no metric values");
    assertThat(skipReason(parse("{\"symbol\":\"S\",\"edge_bps\":1} trailing")))
        .startsWith("not valid JSON");
  }

  @Test
  void deepNestingIsRejectedNotAStackOverflow() {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    assertThat(skipReason(parse(deep))).startsWith("not valid JSON");
  }

  @Test
  void byteOrderMarkIsAccepted() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "{\"symbol\":\"S\",\"edge_bps\":1}".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    assertThat(parser.parse(all)).isInstanceOf(ParsedFile.Usable.class);
  }

  @Test
  void symbolFilterDropsOtherSymbols() {
    var filtered = new IterFileParser(MetricCatalog.STANDARD, "ALL", Set.of("ETHUSDT"));
    var u =
        (ParsedFile.Usable)
            filtered.parse(
                "{\"BTCUSDT\":{\"edge_bps\":3},\"ETHUSDT\":{\"edge_bps\":2}}"
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(u.samples()).extracting(ParsedFile.Sample::symbol).containsExactly("ETHUSDT");
  }
}
