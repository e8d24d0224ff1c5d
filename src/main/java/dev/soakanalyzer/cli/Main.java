package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.ExitCode;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code soak-analyzer <command>}. {@code main} only maps {@link #run} to an exit
 * code.
 */
@Command(
    name = "soak-analyzer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Analyses ITER_SUMMARY_*.json windows of a soak run: trends, sparklines,",
      "WARN/CRIT violations, recommendations, Markdown + JSON reports, Redis export",
      "and alerts. 'soak-analyzer COMMAND --help' lists a command's options; every",
      "flag, file and key is described in docs/REFERENCE.md."
    },
    subcommands = {CommandLine.HelpCommand.class})
public final class Main {

  /**
   * Subcommands by name, as class names: only the one invoked is loaded and introspected, so {@code
   * analyze} does not pay for the runner's, Redis' or GitHub's classes at start-up.
   */
  private static final Map<String, String> COMMANDS = new java.util.LinkedHashMap<>();

  static {
    COMMANDS.put("analyze", "dev.soakanalyzer.cli.AnalyzeCommand");
    COMMANDS.put("export-redis", "dev.soakanalyzer.cli.ExportRedisCommand");
    COMMANDS.put("run", "dev.soakanalyzer.cli.RunCommand");
    COMMANDS.put("fake-summary", "dev.soakanalyzer.cli.FakeSummaryCommand");
    COMMANDS.put("action", "dev.soakanalyzer.cli.ActionCommand");
    COMMANDS.put("bench", "dev.soakanalyzer.cli.BenchCommand");
  }

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
    ContextFactory factory = new ContextFactory(context);
    CommandLine cli = new CommandLine(new Main(), factory);
    String invoked = firstWord(args);
    for (Map.Entry<String, String> c : COMMANDS.entrySet()) {
      if (invoked == null || !COMMANDS.containsKey(invoked) || invoked.equals(c.getKey())) {
        cli.addSubcommand(c.getKey(), new CommandLine(load(c.getValue()), factory));
      }
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

  private static Class<?> load(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("missing command class " + className, e);
    }
  }

  /** Creates commands with the context injected (constructor taking a {@link CliContext}). */
  private static final class ContextFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return fallback.create(type);
      }
    }
  }
}
