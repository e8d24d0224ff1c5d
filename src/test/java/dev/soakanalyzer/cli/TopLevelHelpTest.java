package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer sees first: {@code soak-analyzer --help} and {@code -V}. */
class TopLevelHelpTest {
  private static final List<String> COMMANDS =
      List.of("analyze", "export-redis", "run", "fake-summary", "action", "bench");

  @TempDir Path dir;

  @Test
  void versionIsThePomsVersion() throws Exception {
    String pom = Files.readString(CliRunner.projectDir().resolve("pom.xml"));
    Matcher m =
        Pattern.compile("<artifactId>soak-analyzer</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(m.find()).as("the project's <version> in pom.xml").isTrue();

    for (String flag : List.of("-V", "--version")) {
      var r = CliRunner.run(dir, Map.of(), flag);
      assertThat(r.exitCode()).isZero();
      assertThat(r.out().strip()).isEqualTo("soak-analyzer " + m.group(1));
    }
  }

  @Test
  void helpListsEveryCommandWithOneLineThatFitsEightyColumns() {
    var r = CliRunner.run(dir, Map.of(), "--help");
    assertThat(r.exitCode()).isZero();
    String out = r.out();
    String list = out.substring(out.indexOf("Commands:"));
    for (String command : COMMANDS) {
      Matcher line =
          Pattern.compile("(?m)^  " + Pattern.quote(command) + " +(\\S.*)$").matcher(list);
      assertThat(line.find()).as("a line for %s in:%n%s", command, list).isTrue();
      assertThat(line.group(1)).as("%s's description", command).endsWith(".");
    }
    // One line per command: no continuation lines in the list, and nothing wider than 80.
    assertThat(list.lines().skip(1)).allMatch(l -> l.matches("^  \\S.*"), "one line per command");
    assertThat(out.lines()).allMatch(l -> l.length() <= 80, "at most 80 columns");
  }
}
