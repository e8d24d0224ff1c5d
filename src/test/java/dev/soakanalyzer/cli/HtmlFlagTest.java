package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --html} (default) writes SOAK_REPORT.html with the other reports; --no-html does not. */
class HtmlFlagTest {
  @TempDir Path dir;

  private CliRunner.Result analyze(String out, String... flags) {
    String[] args = new String[5 + flags.length];
    args[0] = "analyze";
    args[1] = "--iter-glob";
    args[2] = CliRunner.fixtures().resolve("soak_warn") + "/ITER_SUMMARY_*.json";
    args[3] = "--out-dir";
    args[4] = out;
    System.arraycopy(flags, 0, args, 5, flags.length);
    return CliRunner.run(dir, Map.of(), args);
  }

  @Test
  void thePageIsWrittenWithTheOtherReportsByDefault() {
    CliRunner.Result r = analyze("out");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dir.resolve("out/SOAK_REPORT.html")).isRegularFile();
    assertThat(dir.resolve("out/POST_SOAK_ANALYSIS.md")).isRegularFile();
  }

  @Test
  void noHtmlAndHtmlFalseLeaveItOut() {
    for (String flag : new String[] {"--no-html", "--html=false"}) {
      CliRunner.Result r = analyze("out-" + flag.length(), flag);

      assertThat(r.exitCode()).as(flag + ": " + r.err()).isZero();
      assertThat(dir.resolve("out-" + flag.length() + "/SOAK_REPORT.html")).doesNotExist();
      assertThat(dir.resolve("out-" + flag.length() + "/SOAK_SUMMARY.json")).isRegularFile();
    }
  }
}
