package dev.soakanalyzer.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** last_export_status.json is input: its counter is validated, never trusted. */
class ExportStatusFileTest {
  @TempDir Path dir;

  private int countRead(String value) throws Exception {
    ExportStatusFile status = new ExportStatusFile(dir);
    Files.createDirectories(status.file().getParent());
    Files.writeString(
        status.file(),
        "{\"ts\":\"2026-01-05T12:00:00Z\",\"summary\":\"SKIP\",\"violations\":\"SKIP\","
            + "\"reason\":\"redis_unavailable\",\"consecutive_failures\":"
            + value
            + "}");
    return status.consecutiveFailures();
  }

  @Test
  void aHugeCountIsCappedSoTheNextSkipDoesNotOverflow() throws Exception {
    int read = countRead("2147483647");
    assertThat(read).isEqualTo(ExportStatusFile.MAX_COUNT);
    assertThat(read + 1).isPositive();
    assertThat(countRead("99999999999999999999999")).isEqualTo(ExportStatusFile.MAX_COUNT);
  }

  @Test
  void negativeFractionalAndTextCountsAreZero() throws Exception {
    assertThat(countRead("-5")).isZero();
    assertThat(countRead("-2147483648")).isZero();
    assertThat(countRead("2.5")).isZero();
    assertThat(countRead("\"3\"")).isZero();
    assertThat(countRead("3")).isEqualTo(3);
  }

  @Test
  void aWrittenStatusReadsBack() throws Exception {
    ExportStatusFile status = new ExportStatusFile(dir);
    status.write(
        ExportStatusFile.Status.skipped(
            Instant.parse("2026-01-05T12:00:00Z"), "redis_unavailable", 4));
    assertThat(status.consecutiveFailures()).isEqualTo(4);
  }
}
