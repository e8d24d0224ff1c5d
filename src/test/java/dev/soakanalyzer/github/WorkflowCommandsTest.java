package dev.soakanalyzer.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCommandsTest {

  @Test
  void annotationsEscapeDataAndPropertiesSoNoValueCanForgeACommand() {
    StringWriter out = new StringWriter();
    new WorkflowCommands(new PrintWriter(out))
        .annotate(WorkflowCommands.Kind.ERROR, "a:b,c%\n::x", "50%\r\n::error::forged");

    assertThat(out.toString())
        .isEqualTo(
            "::error title=a%3Ab%2Cc%25%0A%3A%3Ax::50%25%0D%0A::error::forged"
                + System.lineSeparator());
    assertThat(out.toString().lines()).hasSize(1);
  }

  @Test
  void logLinesCarryingInputTextCannotBecomeCommandsOldOrNewSyntax() {
    StringWriter raw = new StringWriter();
    PrintWriter log = new PrintWriter(new CommandSafeWriter(raw));

    log.println("warn: duplicate window 1 for EVIL ##[warning]forged: a.json");
    log.println("  ::add-mask::forged");
    log.print("::error::partial");
    log.flush(); // a partial line is defused on its own
    log.println();
    log.println("plain line");
    log.flush();

    List<String> lines = raw.toString().lines().toList();
    assertThat(lines).hasSize(4);
    // What the runner would parse: V2 at the (trimmed) line start, legacy ##[ anywhere.
    assertThat(lines).noneMatch(l -> l.stripLeading().startsWith("::") || l.contains("##["));
    assertThat(lines.get(0).replace("\u200B", ""))
        .isEqualTo("warn: duplicate window 1 for EVIL ##[warning]forged: a.json");
    assertThat(lines.get(3)).isEqualTo("plain line");
  }

  @Test
  void masksGroupsAndEmptySecretsAreNotMasked() {
    StringWriter out = new StringWriter();
    WorkflowCommands c = new WorkflowCommands(new PrintWriter(out));
    c.addMask("tok");
    c.addMask("");
    c.group("g");
    c.endGroup();
    assertThat(out.toString().lines())
        .containsExactly("::add-mask::tok", "::group::g", "::endgroup::");
  }

  @Test
  void multiLineOutputsUseADelimiterTheValueDoesNotContain(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out");
    Iterator<String> delimiters = List.of("EOF", "EOF2").iterator();
    new OutputsFile(file, delimiters::next).write(Map.of("note", "line1\nEOF\nline3"));

    assertThat(Files.readString(file)).isEqualTo("note<<EOF2\nline1\nEOF\nline3\nEOF2\n");
  }

  @Test
  void inputsAreReadHyphenatedAsTheRunnerPassesThemOrUnderscored() {
    ActionContext ctx =
        new ActionContext(
            Map.of("INPUT_ITER-GLOB", " a/*.json ", "INPUT_OUT_DIR", "r", "INPUT_SYMBOLS", ""));
    assertThat(ctx.input("iter-glob")).contains("a/*.json");
    assertThat(ctx.input("out-dir")).contains("r");
    assertThat(ctx.input("symbols")).isEmpty();
    assertThat(ctx.apiUrl()).isEqualTo("https://api.github.com");
    assertThat(new ActionContext(Map.of("GITHUB_API_URL", "https://ghe.example/api/v3/")).apiUrl())
        .isEqualTo("https://ghe.example/api/v3");
  }

  @Test
  void theStepSummaryFileRefusesToGrowPastOneMib(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("summary.md");
    Files.write(file, new byte[StepSummaryFile.LIMIT_BYTES - 2000]);
    StepSummaryFile summary = new StepSummaryFile(file);
    assertThat(summary.remainingBytes()).isEqualTo(976);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> summary.append("x".repeat(977)))
        .hasMessageContaining("1 MiB");
  }
}
