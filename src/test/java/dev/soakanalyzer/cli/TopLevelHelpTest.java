package dev.soakanalyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a newcomer sees first: {@code soak-analyzer --help} and {@code -V}. */
class TopLevelHelpTest {
  private static final List<String> COMMANDS =
      List.of("analyze", "export-redis", "run", "history", "fake-summary", "action", "bench");

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

  @Test
  void everyCommandsHelpKeepsItsDescriptionLinesWhole() {
    for (String command : COMMANDS) {
      var r = CliRunner.run(dir, Map.of(), command, "--help");
      assertThat(r.exitCode()).as("%s --help", command).isZero();
      // picocli wraps a line longer than the 80-column help, leaving a stub line behind.
      CommandLine.Model.CommandSpec spec = spec(command);
      for (String line : spec.usageMessage().description()) {
        assertThat(line.length()).as("%s description line '%s'", command, line).isLessThan(80);
      }
      assertThat(spec.usageMessage().header()).as("%s header", command).hasSize(1);
    }
  }

  @Test
  void theHelpLinesMainWritesItselfArePicocliOwn() {
    // Main lists `help` and adds -h/-V without loading picocli's annotated classes (start-up).
    assertThat(Main.HELP_HEADER)
        .isEqualTo(
            new CommandLine(new CommandLine.HelpCommand())
                .getCommandSpec()
                .usageMessage()
                .header()[0]);
    String picocli =
        new CommandLine(CommandLine.Model.CommandSpec.create().mixinStandardHelpOptions(true))
            .getUsageMessage();
    String ours =
        new CommandLine(Specs.standardHelp(CommandLine.Model.CommandSpec.create()))
            .getUsageMessage();
    assertThat(ours).isEqualTo(picocli);
  }

  @Test
  void theReferenceDescribesEveryOptionOfEveryCommandAndEveryActionInput() throws Exception {
    String reference = Files.readString(CliRunner.projectDir().resolve("docs/REFERENCE.md"));
    for (String command : COMMANDS) {
      for (CommandLine.Model.OptionSpec option : spec(command).options()) {
        if (option.usageHelp() || option.versionHelp()) {
          continue;
        }
        String name = option.longestName().replace("--[no-]", "--");
        assertThat(reference.contains(name))
            .as("docs/REFERENCE.md names %s %s", command, name)
            .isTrue();
      }
    }
    String action = Files.readString(CliRunner.projectDir().resolve("action.yml"));
    Matcher input = Pattern.compile("(?m)^  ([a-z0-9-]+):$").matcher(action);
    int inputs = 0;
    while (input.find()) {
      assertThat(reference.contains("`" + input.group(1) + "`"))
          .as("docs/REFERENCE.md names input %s", input.group(1))
          .isTrue();
      inputs++;
    }
    assertThat(inputs).as("inputs and outputs read from action.yml").isGreaterThan(20);
  }

  /** The command's picocli model, built the way Main builds it (with a context). */
  private static CommandLine.Model.CommandSpec spec(String command) {
    CliContext context =
        new CliContext(
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            Map.of(),
            Clock.systemUTC(),
            Path.of("."));
    StringBuilder type = new StringBuilder("dev.soakanalyzer.cli.");
    for (String part : command.split("-")) {
      type.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    try {
      Class<?> cls = Class.forName(type + "Command");
      Object instance;
      try {
        instance = cls.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        instance = cls.getDeclaredConstructor().newInstance();
      }
      return (CommandLine.Model.CommandSpec) cls.getDeclaredMethod("spec").invoke(instance);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot build the " + command + " command", e);
    }
  }
}
