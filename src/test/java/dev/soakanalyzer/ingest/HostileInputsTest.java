package dev.soakanalyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.SoakData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The big and pathological inputs a random generator rarely reaches. */
class HostileInputsTest {
  private static final int MB = 1024 * 1024;

  @TempDir Path dir;

  private static ParsedFile parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ParsedFile parse(byte[] bytes) {
    ParsedFile p = ParseOutcomes.parser().parse(bytes);
    assertThat(ParseOutcomes.violation(p)).isNull();
    return p;
  }

  private static String reason(ParsedFile p) {
    assertThat(p).isInstanceOf(ParsedFile.Skipped.class);
    return ((ParsedFile.Skipped) p).reason();
  }

  @Test
  void nestingFarBeyondTheLimitIsASkipNotAStackOverflow() {
    String deep = "[".repeat(200_000) + "]".repeat(200_000);
    assertThat(reason(parse(deep))).startsWith("not valid JSON").contains("nesting depth");
    String deepObjects = "{\"summary\":".repeat(100_000) + "1" + "}".repeat(100_000);
    assertThat(reason(parse(deepObjects))).startsWith("not valid JSON");
  }

  @Test
  void aStringOverTheLengthLimitIsASkip() {
    String huge = "{\"symbol\":\"BTCUSDT\",\"edge_bps\":1,\"note\":\"" + "x".repeat(5 * MB) + "\"}";
    assertThat(reason(parse(huge))).startsWith("not valid JSON").contains("String value length");
  }

  @Test
  void aNumberWithThousandsOfDigitsIsASkipAndSpecialNumbersAreNoValue() {
    String longNumber = "{\"symbol\":\"B\",\"edge_bps\":" + "9".repeat(5000) + "}";
    assertThat(reason(parse(longNumber)))
        .startsWith("not valid JSON")
        .contains("Number value length");

    var u =
        (ParsedFile.Usable)
            parse(
                "{\"symbol\":\"B\",\"edge_bps\":1e308,\"maker_taker_ratio\":\"NaN\","
                    + "\"p95_latency_ms\":1e309,\"risk_ratio\":-0.0}");
    assertThat(u.samples().get(0).values()).containsExactly(1e308, Double.NaN, Double.NaN, -0.0);
  }

  @Test
  void duplicateKeysTakeTheLastValue() {
    var u =
        (ParsedFile.Usable)
            parse("{\"symbol\":\"A\",\"symbol\":\"B\",\"edge_bps\":1,\"edge_bps\":2}");
    assertThat(u.samples().get(0).symbol()).isEqualTo("B");
    assertThat(u.samples().get(0).values()[0]).isEqualTo(2.0);
  }

  @Test
  void aUtf8ByteOrderMarkIsAcceptedAndOtherEncodingsNeverThrow() {
    byte[] doc = "{\"symbol\":\"BTCUSDT\",\"edge_bps\":2.8}".getBytes(StandardCharsets.UTF_8);
    byte[] bom = FuzzInputs.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, doc);
    assertThat(parse(bom)).isInstanceOf(ParsedFile.Usable.class);
    assertThat(parse("{\"symbol\":\"BTCUSDT\",\"edge_bps\":2.8}".getBytes(StandardCharsets.UTF_16)))
        .isInstanceOf(ParsedFile.Usable.class);
    byte[] invalidUtf8 = withBytesInSymbol(new byte[] {(byte) 0xFF});
    assertThat(reason(parse(invalidUtf8))).startsWith("not valid JSON").contains("Invalid UTF-8");
    // Jackson decodes an overlong '/' (C0 AF) leniently; the symbol is then checked and escaped
    // like any other, and an overlong NUL (C0 80) makes it unusable.
    assertThat(parse(withBytesInSymbol(new byte[] {(byte) 0xC0, (byte) 0xAF})))
        .isInstanceOf(ParsedFile.Usable.class);
    assertThat(reason(parse(withBytesInSymbol(new byte[] {(byte) 0xC0, (byte) 0x80}))))
        .contains("symbol name is not usable");
  }

  private static byte[] withBytesInSymbol(byte[] bytes) {
    return FuzzInputs.concat(
        FuzzInputs.concat("{\"symbol\":\"BTC".getBytes(StandardCharsets.UTF_8), bytes),
        "\",\"edge_bps\":1}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aHugeArrayIsReadInBoundedMemory() {
    // 30M elements would be ~700 MB of boxed doubles if arrays were materialized whole.
    StringBuilder sb = new StringBuilder(60 * MB + 64).append("{\"symbols\":[\"BTCUSDT\"");
    sb.append(",0".repeat(30 * MB)).append("],\"summary\":{\"edge_bps\":1}}");
    var u = (ParsedFile.Usable) parse(sb.toString());
    assertThat(u.samples()).singleElement().extracting(ParsedFile.Sample::symbol).isEqualTo("ALL");
  }

  @Test
  void aFiftyMegabyteFileIsAnalysedWithItsHugeTuningHistoryIgnored() throws IOException {
    Path file = dir.resolve("ITER_SUMMARY_1.json");
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), MB)) {
      out.write(
          "{\"iteration\":1,\"summary\":{\"edge_bps\":2.8,\"risk_ratio\":0.38},\"tuning\":{\"history\":[0"
              .getBytes(StandardCharsets.UTF_8));
      byte[] item = ",[0.125,{\"k\":\"v\"}],-1e308".getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 50L * MB; written += item.length) {
        out.write(item);
      }
      out.write("]}}".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.size(file)).isGreaterThanOrEqualTo(50L * MB);
    List<String> warnings = new ArrayList<>();

    SoakData data =
        new Ingestor(AnalysisSettings.defaults(), warnings::add).ingest(dir, List.of(file));

    assertThat(warnings).isEmpty();
    assertThat(data.series()).singleElement().extracting(s -> s.symbol()).isEqualTo("ALL");
  }

  @Test
  void aTenMegabyteFileOfManySymbolsIsAnalysed() throws IOException {
    Path file = dir.resolve("ITER_SUMMARY_1.json");
    int symbols = 0;
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), MB)) {
      out.write("{\"window_index\":1".getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < 10L * MB; symbols++) {
        byte[] e =
            (",\"S" + symbols + "\":{\"edge_bps\":2.5,\"risk_ratio\":0.3}")
                .getBytes(StandardCharsets.UTF_8);
        out.write(e);
        written += e.length;
      }
      out.write('}');
    }
    List<String> warnings = new ArrayList<>();

    SoakData data =
        new Ingestor(AnalysisSettings.defaults(), warnings::add).ingest(dir, List.of(file));

    assertThat(warnings).isEmpty();
    assertThat(data.series()).hasSize(symbols);
  }

  @Test
  void aFileOverTheSizeLimitIsSkippedWithoutReadingItAll() throws IOException {
    Path file = dir.resolve("ITER_SUMMARY_2.json");
    try (var ch =
        java.nio.channels.FileChannel.open(
            file,
            java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(
          java.nio.ByteBuffer.wrap(new byte[] {'{'}), FileReader.MAX_FILE_BYTES + 10L); // sparse
    }
    ParsedFile p = FileReader.readAndParse(ParseOutcomes.parser(), file);
    assertThat(reason(p)).startsWith("file too large");
  }
}
