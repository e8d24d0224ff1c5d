package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every usage, input and I/O problem: exit 2, one line in words, no Java class name. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExitTwoInWordsTest {
  @TempDir Path dir;

  @BeforeEach
  void oneWindow() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("ITER_SUMMARY_1.json"), "{\"symbol\":\"BTCUSDT\",\"edge_bps\":3}");
  }

  private CliRunner.Result analyze(String... extra) {
    String[] base = {
      "analyze", "--iter-glob", "in/*.json", "--out-dir", "out", "--min-windows", "1"
    };
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return CliRunner.run(dir, Map.of(), all);
  }

  private static void exitTwoInWords(CliRunner.Result r, String expected) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("error: ").contains(expected);
    assertThat(r.err()).doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)\\b");
  }

  @Test
  void nanInfinityAndOutOfRangeThresholdFlags() {
    exitTwoInWords(analyze("--warn-edge", "NaN"), "--warn-edge must be a finite number");
    exitTwoInWords(analyze("--crit-lat", "1e400"), "--crit-lat must be a finite number");
    exitTwoInWords(analyze("--warn-risk", "Infinity"), "--warn-risk must be a finite number");
  }

  @Test
  void aNonFiniteThresholdAsAnActionInput() throws Exception {
    Map<String, String> env =
        new java.util.HashMap<>(
            dev.soakanalyzer.github.SimulatedRunner.pullRequestEnv(dir, "http://127.0.0.1:9"));
    env.put("INPUT_ITER-GLOB", "in/*.json");
    env.put("INPUT_WARN-EDGE", "NaN");
    CliRunner.Result r = CliRunner.run(dir, env, "action");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("warn-edge must be a finite number");
  }

  @Test
  void aThresholdsFileThatIsADeviceOrNotAMapping() throws Exception {
    exitTwoInWords(analyze("--thresholds", "/dev/zero"), "not a regular file");
    Files.writeString(dir.resolve("t.yaml"), "defaults: [1, 2]\n");
    exitTwoInWords(analyze("--thresholds", "t.yaml"), "'defaults' must be a mapping");
    Files.writeString(dir.resolve("bad.yaml"), "defaults: {edge_bps: [\n");
    exitTwoInWords(analyze("--thresholds", "bad.yaml"), "not valid YAML/JSON");
  }

  @Test
  void aFileWhereTheOutDirShouldBe() throws Exception {
    Files.writeString(dir.resolve("out"), "I am a file");
    exitTwoInWords(analyze(), "out");
    assertThat(dir.resolve("out")).hasContent("I am a file");
  }

  @Test
  void symbolsThatFilterOutEveryWindowSayWhatHappened() {
    exitTwoInWords(
        analyze("--symbols", "ETHUSDT"),
        "no window of --symbols ETHUSDT in the 1 file(s) matched by 'in/*.json'");
  }

  @Test
  void anUnquotedGlobGetsAHintToQuoteIt() {
    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of(),
            "analyze",
            "--iter-glob",
            "in/ITER_SUMMARY_1.json",
            "in/ITER_SUMMARY_2.json");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("quote it");
  }

  @Test
  void unreadableDirectoriesAndAFullDiskReadInWords() {
    // Root reads every directory and the test machine's disk is not full: the edge is checked
    // with the exceptions the JDK throws for them.
    assertThat(
            ErrorHandlers.describe(
                new UncheckedIOException(new AccessDeniedException("/data/soak/private"))))
        .isEqualTo("cannot write or read /data/soak/private: permission denied");
    assertThat(ErrorHandlers.describe(new IOException("No space left on device")))
        .isEqualTo("input/output error: No space left on device");
    assertThat(ErrorHandlers.describe(new IllegalStateException())).isEqualTo("unexpected failure");
  }
}
