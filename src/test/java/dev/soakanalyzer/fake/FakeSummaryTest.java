package dev.soakanalyzer.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliContext;
import dev.soakanalyzer.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeSummaryTest {
  @TempDir Path work;

  private String violations(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = new String[args.length + 3];
    full[0] = "fake-summary";
    System.arraycopy(args, 0, full, 1, args.length);
    full[args.length + 1] = "--out";
    full[args.length + 2] = "out";
    int code =
        Main.run(
            full,
            new CliContext(
                new PrintWriter(out),
                new PrintWriter(err),
                Map.of(),
                Clock.fixed(Instant.parse("2025-01-15T00:00:00Z"), ZoneOffset.UTC),
                work));
    assertThat(code).as(err.toString()).isZero();
    assertThat(work.resolve("out/fake")).isDirectory();
    assertThat(Files.list(work.resolve("out/fake")).count()).isEqualTo(24);
    assertThat(work.resolve("out/SOAK_SUMMARY.json")).exists();
    return Files.readString(work.resolve("out/VIOLATIONS.json")).replaceAll("\\s+", "");
  }

  @Test
  void variantOneCritIsExactlyTheGuidesThreeViolations() throws Exception {
    String v = violations("--crit", "--variant", "1");
    assertThat(v)
        .startsWith(
            "[{\"symbol\":\"BTCUSDT\",\"metric\":\"edge_bps\",\"level\":\"CRIT\",\"window_index\":23,")
        .contains(
            "\"symbol\":\"BTCUSDT\",\"metric\":\"p95_latency_ms\",\"level\":\"CRIT\",\"window_index\":24,")
        .contains(
            "\"symbol\":\"ETHUSDT\",\"metric\":\"maker_taker_ratio\",\"level\":\"CRIT\",\"window_index\":24,");
    assertThat(v.split("\"symbol\"")).hasSize(4);
    assertThat(Files.readString(work.resolve("out/SOAK_SUMMARY.json")))
        .contains("\"verdict\": \"CRIT\"")
        .contains("\"windows\": 24");
  }

  @Test
  void variantTwoCritIsExactlyTheGuidesOtherThreeViolations() throws Exception {
    String v = violations("--crit", "--variant", "2");
    assertThat(v)
        .contains(
            "\"symbol\":\"BTCUSDT\",\"metric\":\"edge_bps\",\"level\":\"CRIT\",\"window_index\":24,")
        .contains(
            "\"symbol\":\"BTCUSDT\",\"metric\":\"maker_taker_ratio\",\"level\":\"CRIT\",\"window_index\":24,")
        .contains(
            "\"symbol\":\"SOLUSDT\",\"metric\":\"edge_bps\",\"level\":\"CRIT\",\"window_index\":23,");
    assertThat(v.split("\"symbol\"")).hasSize(4);
  }

  @Test
  void warnPlantsOnlyWarnViolationsAndOkPlantsNone() throws Exception {
    String warn = violations("--warn");
    assertThat(warn).doesNotContain("CRIT");
    assertThat(warn.split("\"level\":\"WARN\"")).hasSize(4);
    assertThat(violations("--ok")).isEqualTo("[]");
  }
}
