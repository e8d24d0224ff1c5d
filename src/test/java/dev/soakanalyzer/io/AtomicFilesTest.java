package dev.soakanalyzer.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aNewReportIsReadableByOthersNotOwnerOnly() throws Exception {
    Path report = dir.resolve("POST_SOAK_ANALYSIS.md");
    AtomicFiles.write(report, "# report\n");
    assertThat(Files.readString(report)).isEqualTo("# report\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aReplacedFileKeepsItsPermissionsAndLeavesNoTempFile() throws Exception {
    Path state = dir.resolve("alert_state.json");
    AtomicFiles.write(state, "{}\n");
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.write(state, w -> w.write("{\"last_level\":\"CRIT\"}\n"));
    assertThat(Files.readString(state)).isEqualTo("{\"last_level\":\"CRIT\"}\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-rw----");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("alert_state.json");
    }
  }

  @Test
  void textThatCannotBeEncodedIsReplacedNotAFailedReport() throws Exception {
    Path report = dir.resolve("RECOMMENDATIONS.md");
    String loneSurrogate = "## BTC\uD800USDT\n";
    AtomicFiles.write(report, w -> w.write(loneSurrogate));
    try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
      batch.stage(dir.resolve("POST_SOAK_ANALYSIS.md"), w -> w.write(loneSurrogate));
      batch.commit();
    }
    assertThat(Files.readString(report)).isEqualTo("## BTC?USDT\n");
    assertThat(Files.readString(dir.resolve("POST_SOAK_ANALYSIS.md"))).isEqualTo("## BTC?USDT\n");
  }
}
