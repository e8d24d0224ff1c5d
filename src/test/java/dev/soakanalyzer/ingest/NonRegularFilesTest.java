package dev.soakanalyzer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A FIFO or a directory matched by the glob is skipped, never opened for a blocking read. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NonRegularFilesTest {
  @TempDir Path dir;

  @Test
  void aFifoAndADirectoryMatchedByTheGlobAreSkippedAndTheRestAnalysed() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("ITER_SUMMARY_1.json"), "{\"symbol\":\"BTCUSDT\",\"edge_bps\":3}");
    Files.createDirectory(in.resolve("ITER_SUMMARY_2.json"));
    Process mkfifo =
        new ProcessBuilder("mkfifo", in.resolve("ITER_SUMMARY_3.json").toString()).start();
    assertThat(mkfifo.waitFor())
        .as("this test needs mkfifo (coreutils) on PATH to make a named pipe")
        .isZero();

    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of(),
            "analyze",
            "--iter-glob",
            "in/ITER_SUMMARY_*.json",
            "--out-dir",
            "out",
            "--min-windows",
            "1");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("skipped in/ITER_SUMMARY_2.json: not a regular file (a directory)")
        .contains("skipped in/ITER_SUMMARY_3.json: not a regular file (a FIFO, socket or device)");
    assertThat(dir.resolve("out/SOAK_SUMMARY.json")).exists();
  }

  @Test
  void aRecursiveGlobReadsTheRegularFilesWithTheWalksAttributesAndNeverOpensAFifo()
      throws Exception {
    Path in = Files.createDirectories(dir.resolve("in/a"));
    Files.writeString(in.resolve("ITER_SUMMARY_1.json"), "{\"symbol\":\"BTCUSDT\",\"edge_bps\":3}");
    Files.writeString(in.resolve("ITER_SUMMARY_2.json"), "{\"symbol\":\"BTCUSDT\",\"edge_bps\":4}");
    Process mkfifo =
        new ProcessBuilder("mkfifo", in.resolve("ITER_SUMMARY_3.json").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of(),
            "analyze",
            "--iter-glob",
            "in/**/ITER_SUMMARY_*.json",
            "--out-dir",
            "out",
            "--min-windows",
            "1");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("out/SOAK_SUMMARY.json"))).contains("\"windows\": 2");
  }
}
