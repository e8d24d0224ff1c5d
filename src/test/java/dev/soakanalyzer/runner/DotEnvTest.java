package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {
  @Test
  void quotedValuesLoseTheirQuotesAndTheCommentAfterThem() {
    Map<String, String> vars =
        DotEnv.parse("A=\"v\" # c\nB='v' # c\nC=plain # c\nD=\"has # hash\"\nE='it''s'\n");
    assertThat(vars)
        .containsEntry("A", "v")
        .containsEntry("B", "v")
        .containsEntry("C", "plain")
        .containsEntry("D", "has # hash")
        .containsEntry("E", "it");
  }

  @Test
  void aByteOrderMarkDoesNotRenameTheFirstKey() {
    assertThat(DotEnv.parse("\uFEFFREDIS_URL=redis://127.0.0.1:6379\nENV=prod"))
        .containsOnlyKeys("REDIS_URL", "ENV");
  }

  @Test
  void theGuidesFileExportLinesEscapesAndOddLines() {
    Map<String, String> vars =
        DotEnv.parse(
            "# Redis\r\nexport REDIS_URL=rediss://h:6379/0\n\nTOKEN=\"a\\\"b\\\\c\\nd\"\n"
                + "SLACK_WEBHOOK_URL=https://hooks.example/services/T0/B0/X#frag\n"
                + "not a line\n=nokey\nEMPTY=\nUNTERMINATED=\"abc\n");
    assertThat(vars)
        .containsEntry("REDIS_URL", "rediss://h:6379/0")
        .containsEntry("TOKEN", "a\"b\\c\nd")
        .containsEntry("SLACK_WEBHOOK_URL", "https://hooks.example/services/T0/B0/X#frag")
        .containsEntry("EMPTY", "")
        .containsEntry("UNTERMINATED", "\"abc")
        .doesNotContainKey("not a line")
        .hasSize(5);
  }
}
