package dev.soakanalyzer.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of render-check/ on a manifest with the given Chromium; returns its JSON report.
 */
final class RenderHarness {
  private RenderHarness() {}

  static JsonNode run(
      Path harness, String script, Object manifest, Path out, String chromium, long minutes)
      throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    Files.createDirectories(out);
    Path manifestFile = out.resolve("manifest.json");
    Files.writeString(manifestFile, json.writeValueAsString(manifest), StandardCharsets.UTF_8);
    Path stdout = out.resolve("report.json");
    Path stderr = out.resolve("stderr.txt");
    ProcessBuilder pb =
        new ProcessBuilder(
                "node", harness.resolve(script).toString(), manifestFile.toString(), out.toString())
            .directory(harness.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    pb.environment().put("CHROMIUM_PATH", chromium);
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot start node (" + e.getMessage() + "): install Node.js 20 (apt-get install nodejs)",
          e);
    }
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail(script + " did not finish within " + minutes + " minutes");
    }
    assertThat(process.exitValue())
        .as(script + " exit code; stderr:\n" + Files.readString(stderr))
        .isZero();
    return json.readTree(stdout.toFile());
  }
}
