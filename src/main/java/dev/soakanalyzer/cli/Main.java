package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.ExitCode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Entry point: {@code soak-analyzer <command>}. {@code main} only maps {@link #run} to an exit
 * code.
 */
public final class Main {
  static {
    // picocli's switch for its Groovy-closure support: without it, the first CommandLine looks up
    // groovy.lang.Closure, which is in no AOT cache, so the JVM opens and indexes the whole jar
    // on every start just to fail that lookup.
    System.setProperty("picocli.disable.closures", "true");
  }

  private static final String DESCRIPTION =
      """
      Analyses ITER_SUMMARY_*.json windows of a soak run: trends, sparklines,
      WARN/CRIT violations, recommendations, Markdown + JSON reports, Redis export
      and alerts. 'soak-analyzer COMMAND --help' lists a command's options; every
      flag, file and key is described in docs/REFERENCE.md.""";

  /** picocli's {@code help} command's header (TopLevelHelpTest keeps it equal to picocli's). */
  static final String HELP_HEADER = "Display help information about the specified command.";

  /** A subcommand: its name, its line in the top-level list, and how to build it. */
  private record Entry(String name, String header, Function<CliContext, CommandSpec> build) {}

  /**
   * The subcommands in the order the top-level help lists them. Only the one invoked is built; the
   * others are a name and a header, so neither {@code --version} nor {@code analyze} pays for the
   * runner's, Redis' or GitHub's classes at start-up.
   */
  private static final List<Entry> COMMANDS =
      List.of(
          new Entry("analyze", AnalyzeCommand.HEADER, c -> new AnalyzeCommand(c).spec()),
          new Entry(
              "export-redis", ExportRedisCommand.HEADER, c -> new ExportRedisCommand(c).spec()),
          new Entry("run", RunCommand.HEADER, c -> new RunCommand(c).spec()),
          new Entry("history", HistoryCommand.HEADER, c -> new HistoryCommand(c).spec()),
          new Entry(
              "fake-summary", FakeSummaryCommand.HEADER, c -> new FakeSummaryCommand(c).spec()),
          new Entry("action", ActionCommand.HEADER, c -> new ActionCommand(c).spec()),
          new Entry("bench", BenchCommand.HEADER, c -> new BenchCommand(c).spec()));

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err, System.getenv(), Clock.systemUTC());
    out.flush();
    err.flush();
    System.exit(code);
  }

  public static int run(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
    return run(args, new CliContext(out, err, env, clock, Path.of("").toAbsolutePath()));
  }

  /**
   * Runs one command line and returns its exit code (0 ok, 1 CRIT with --exit-on-crit, 2 usage).
   */
  public static int run(String[] args, CliContext context) {
    if ("true".equalsIgnoreCase(context.environment().getOrDefault("GITHUB_ACTIONS", ""))) {
      // On a runner every line we print may carry input text: one guard for all of them.
      context =
          new CliContext(
              dev.soakanalyzer.github.CommandSafeWriter.guard(context.out()),
              dev.soakanalyzer.github.CommandSafeWriter.guard(context.err()),
              context.environment(),
              context.clock(),
              context.workDir());
    }
    CommandLine cli = new CommandLine(topLevel());
    String invoked = firstWord(args);
    // `help COMMAND` prints any command's options: the only case that builds them all.
    boolean all = HELP.equals(invoked);
    cli.addSubcommand(
        HELP,
        all
            ? new CommandLine(new CommandLine.HelpCommand())
            : new CommandLine(stub(HELP, HELP_HEADER)));
    for (Entry c : COMMANDS) {
      cli.addSubcommand(
          c.name(),
          all || c.name().equals(invoked)
              ? new CommandLine(c.build().apply(context))
              : new CommandLine(stub(c.name(), c.header())));
    }
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(new ErrorHandlers.Parameters(context));
    cli.setExecutionExceptionHandler(new ErrorHandlers.Execution(context));
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // A data set too large for the heap gets one clear line, not a stack trace.
      context
          .err()
          .println(
              "error: the data set does not fit in the Java heap ("
                  + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                  + " MB); raise it with SOAK_ANALYZER_HEAP=2g (bin/soak-analyzer) or -Xmx");
      code = ExitCode.FAILURE.code();
    }
    context.out().flush();
    context.err().flush();
    return code;
  }

  private static String firstWord(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return a;
      }
    }
    return null;
  }

  private static final String HELP = "help";

  private static CommandSpec topLevel() {
    CommandSpec spec = Specs.command(null, "soak-analyzer", null, DESCRIPTION, true);
    spec.versionProvider(new VersionProvider());
    return Specs.standardHelp(spec);
  }

  /** A command not invoked in this run: enough for the top-level list and for suggestions. */
  private static CommandSpec stub(String name, String header) {
    return Specs.command(null, name, header, null, true);
  }
}
