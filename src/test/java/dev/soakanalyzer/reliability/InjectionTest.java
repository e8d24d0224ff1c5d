package dev.soakanalyzer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbols, metadata and file names from input files cannot break the Markdown tables, inject HTML,
 * images, links, @mentions or #references into the reports, or forge log lines and workflow
 * commands on stdout/stderr.
 */
public class InjectionTest {
  public static final List<String> HOSTILE_SYMBOLS =
      List.of(
          "A|B",
          "<img src=x onerror=alert(1)>",
          "![x](https://evil.example/p.png)",
          "[click](http://evil.example)",
          "@octocat",
          "#1",
          "www.evil.example",
          "back\\|slash`code`",
          "::error::forged",
          "##[error]forged",
          "::set-output name=verdict::OK");

  @TempDir Path dir;

  private CliRunner.Result analyze(String... extra) {
    String[] args = {"analyze", "--iter-glob", "in/*", "--out-dir", "out", "--min-windows", "1"};
    String[] all = Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CliRunner.run(dir, Map.of(), all);
  }

  private void writeKeyedWindows() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (int w = 1; w <= 3; w++) {
      StringBuilder sb = new StringBuilder("{\"window_index\":" + w);
      for (String s : HOSTILE_SYMBOLS) {
        sb.append(",\"")
            .append(s.replace("\\", "\\\\"))
            .append("\":{\"edge_bps\":")
            .append(w)
            .append(",\"p95_latency_ms\":")
            .append(300 + 50 * w)
            .append('}');
      }
      sb.append(",\"meta\":{\"commit\":\"<script>x</script>\",\"profile\":\"@team\"}}");
      Files.writeString(in.resolve("ITER_SUMMARY_" + w + ".json"), sb);
    }
  }

  private String report(String name) throws IOException {
    return Files.readString(dir.resolve("out").resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void hostileSymbolsAndMetadataCannotBreakTablesOrInjectMarkupIntoTheReports() throws IOException {
    writeKeyedWindows();

    CliRunner.Result r = analyze();

    assertThat(r.exitCode()).as(r.err()).isZero();
    String analysis = report("POST_SOAK_ANALYSIS.md");
    String recommendations = report("RECOMMENDATIONS.md");
    assertThat(AnalyzeOutcomes.markdown(analysis)).isNull();
    assertThat(AnalyzeOutcomes.markdown(recommendations)).isNull();
    assertThat(analysis)
        .contains("| A\\|B |")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("@\u200Boctocat")
        .contains("#\u200B1")
        .doesNotContain("<script>")
        .doesNotContain("@team");
    assertThat(recommendations).contains("## \\[click\\](http:\u200B//evil.example)");
    // Metadata reaches SOAK_SUMMARY.json only, as a JSON string.
    assertThat(report("SOAK_SUMMARY.json")).contains("\"<script>x</script>\"");
  }

  @Test
  void aSymbolCannotForgeAWorkflowCommandInTheVerboseMiniPlots() throws IOException {
    writeKeyedWindows();

    CliRunner.Result r = analyze("--verbose");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("MINI-PLOTS SUMMARY").contains("\\::error::forged");
    assertThat(r.out().lines()).noneMatch(l -> AnalyzeOutcomes.WORKFLOW_COMMAND.matcher(l).find());
  }

  @Test
  void fileNamesWithNewlinesCannotForgeLogLinesOrWorkflowCommands() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("ITER_SUMMARY_1.json"), "{\"symbol\":\"BTCUSDT\",\"edge_bps\":3}");
    Files.writeString(in.resolve("x\n::error::forged\nerror: fake.json"), "not json");
    Files.writeString(in.resolve("y\r::set-output name=a::b.json"), "[]");
    Files.writeString(in.resolve("z\u001b[2K\u001b[1Aerror: hidden.json"), "{}");

    CliRunner.Result r = analyze();

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> errLines = r.err().lines().toList();
    assertThat(errLines).hasSize(3).allMatch(l -> l.startsWith("warn: skipped in/"));
    assertThat(r.err())
        .contains("x\\n::error::forged\\nerror: fake.json")
        .contains("y\\r::set-output")
        .contains("z\\u001b[2K")
        .doesNotContain("\r")
        .doesNotContain("\u001b");
    assertThat(r.out().lines()).allMatch(l -> l.startsWith("[INFO] "));
    String analysis = report("POST_SOAK_ANALYSIS.md");
    assertThat(AnalyzeOutcomes.markdown(analysis)).isNull();
    assertThat(analysis).contains("`in/x ::error::forged error: fake.json`");
  }

  @Test
  void aSymbolWithControlCharactersIsRejectedWithAPrintableReason() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        in.resolve("ITER_SUMMARY_1.json"), "{\"symbol\":\"a\\n::error::x\",\"edge_bps\":1}");
    Files.writeString(in.resolve("ITER_SUMMARY_2.json"), "{\"symbol\":\"B\",\"edge_bps\":1}");

    CliRunner.Result r = analyze();

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .startsWith("warn: skipped in/ITER_SUMMARY_1.json: symbol name is not usable");
  }
}
