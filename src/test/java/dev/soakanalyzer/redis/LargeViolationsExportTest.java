package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** export-redis reads a VIOLATIONS.json far larger than its heap would hold as a tree. */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LargeViolationsExportTest {
  @TempDir Path dir;

  @Test
  void aThirtyMegabyteViolationsFileIsReadInA96MegabyteHeap() throws Exception {
    Path summary = new Payloads().write(dir.resolve("reports"));
    Path violations = summary.resolveSibling("VIOLATIONS.json");
    try (BufferedWriter w = Files.newBufferedWriter(violations, StandardCharsets.UTF_8)) {
      w.write("[\n");
      for (int i = 0; i < 200_000; i++) {
        w.write(i == 0 ? "" : ",\n");
        w.write(
            "  {\"symbol\": \"BTCUSDT\", \"metric\": \"edge_bps\", \"level\": \"WARN\","
                + " \"window_index\": "
                + i
                + ", \"value\": 2.488, \"threshold\": 2.5,"
                + " \"note\": \"Edge below target, optimization required\"}");
      }
      w.write("\n]\n");
    }
    assertThat(Files.size(violations)).isGreaterThan(30_000_000L);

    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx96m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.soakanalyzer.cli.Main",
                    "export-redis",
                    "--summary",
                    summary.toString(),
                    "--violations",
                    violations.toString(),
                    // Nothing listens on port 1: the export is skipped after the files were read.
                    "--redis-url",
                    "redis://127.0.0.1:1/0"))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();
    assertThat(out).doesNotContain("heap").contains("redis unavailable");
    assertThat(p.exitValue()).as(out).isZero();
  }
}
