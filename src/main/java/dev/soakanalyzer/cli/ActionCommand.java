package dev.soakanalyzer.cli;

import dev.soakanalyzer.action.ActionRunner;
import dev.soakanalyzer.action.ActionSettings;
import dev.soakanalyzer.action.RedisExport;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.ExportOutcome;
import dev.soakanalyzer.app.RedisExportJob;
import dev.soakanalyzer.app.ReportFiles;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.github.ActionContext;
import dev.soakanalyzer.github.GitHubCommentPublisher;
import dev.soakanalyzer.redis.ExportOptions;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisExporter;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.state.ExportStatusFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code soak-analyzer action}: the container entrypoint of the GitHub Action. Reads the inputs the
 * runner passes as {@code INPUT_<NAME>} variables, maps the analysis ones onto the very flags of
 * {@code analyze} (one validation, the same messages), and runs {@link ActionRunner}.
 */
public final class ActionCommand implements Callable<Integer> {
  /** The one line of the top-level command list. */
  static final String HEADER = "Entry point of the GitHub Action container (INPUT_* env).";

  private static final String DESCRIPTION =
      """
      Run as the GitHub Action: reads INPUT_* and GITHUB_* variables, writes the
      reports, the step summary, outputs, annotations and the PR comment.

      Exit codes: 0 OK or WARN (or CRIT without exit-on-crit),
      1 CRIT with exit-on-crit, 2 usage or input error.""";

  /** Action inputs forwarded to the analysis flags of the same name. */
  static final List<String> ANALYSIS_INPUTS =
      List.of(
          "iter-glob",
          "out-dir",
          "min-windows",
          "symbols",
          "time-buckets",
          "warn-edge",
          "crit-edge",
          "warn-maker",
          "crit-maker",
          "warn-lat",
          "crit-lat",
          "warn-risk",
          "crit-risk",
          "html");

  static final String DEFAULT_OUT_DIR = "reports/analysis";

  private final CliContext context;

  private final VerboseOption verbose = new VerboseOption();

  public ActionCommand(CliContext context) {
    this.context = context;
  }

  CommandSpec spec() {
    return Specs.standardHelp(
        verbose.addTo(Specs.command(this, "action", HEADER, DESCRIPTION, true)));
  }

  @Override
  public Integer call() throws Exception {
    ActionContext action = new ActionContext(context.environment());
    Console console = context.console(verbose.on());
    ActionRunner runner =
        new ActionRunner(
            action,
            console,
            context.clock(),
            (apiUrl, token) -> new GitHubCommentPublisher(apiUrl, token),
            redisExport());
    List<String> problems = new ArrayList<>();
    ActionSettings settings = settings(action, problems);
    runner.maskSecrets(settings);
    Path workspace =
        context.environment().containsKey("GITHUB_WORKSPACE")
            ? action.workspace()
            : context.workDir();
    AnalysisRequest request = null;
    if (action.input("iter-glob").isEmpty()) {
      problems.add(
          0, "input iter-glob is required (e.g. artifacts/soak/latest/ITER_SUMMARY_*.json)");
    } else {
      try {
        // Parsed into the shared analysis options, as `analyze` parses them.
        AnalysisOptions inputs = new AnalysisOptions();
        new CommandLine(inputs.addTo(CommandSpec.create().name("inputs"))).parseArgs(flags(action));
        request = inputs.toRequest(workspace, verbose.on());
      } catch (CommandLine.ParameterException e) {
        problems.add("action input: " + ErrorHandlers.oneLine(e.getMessage()));
      } catch (InvalidSettingsException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> console.error(ErrorHandlers.oneLine(p)));
      return ExitCode.USAGE.code();
    }
    return runner.run(request, settings).code();
  }

  /** The analysis inputs as {@code --name value} flags; unset inputs keep the CLI defaults. */
  static String[] flags(ActionContext action) {
    List<String> args = new ArrayList<>();
    for (String name : ANALYSIS_INPUTS) {
      Optional<String> value = action.input(name);
      value.ifPresent(v -> args.add("--" + name + "=" + v));
    }
    return args.toArray(String[]::new);
  }

  static ActionSettings settings(ActionContext action, List<String> problems) {
    ActionSettings.Redis redis = null;
    Optional<String> redisUrl = action.input("redis-url");
    if (redisUrl.isPresent()) {
      redis =
          new ActionSettings.Redis(
              redisUrl.get(),
              action.input("env").orElse("dev"),
              action.input("exchange").orElse("bybit"),
              Duration.ofSeconds(integer(action, "ttl", 3600, problems)),
              bool(action, "stream", false, problems),
              (int) integer(action, "stream-maxlen", 5000, problems));
    }
    return new ActionSettings(
        action.input("out-dir").orElse(DEFAULT_OUT_DIR),
        bool(action, "exit-on-crit", false, problems),
        bool(action, "comment", true, problems),
        bool(action, "step-summary", true, problems),
        action.input("github-token").orElse(null),
        redis);
  }

  static boolean bool(ActionContext action, String name, boolean dflt, List<String> problems) {
    Optional<String> v = action.input(name);
    if (v.isEmpty()) {
      return dflt;
    }
    return switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        problems.add("input " + name + " must be true or false, not '" + v.get() + "'");
        yield dflt;
      }
    };
  }

  static long integer(ActionContext action, String name, long dflt, List<String> problems) {
    Optional<String> v = action.input(name);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.get());
      if (n <= 0) {
        problems.add("input " + name + " must be a positive integer, not '" + v.get() + "'");
        return dflt;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add("input " + name + " must be a positive integer, not '" + v.get() + "'");
      return dflt;
    }
  }

  /**
   * The Redis export of the action: the reports just written, through the Redis adapter. Every
   * failure is a warning: the step's result is the analysis, not the export.
   */
  RedisExport redisExport() {
    return (outDir, settings, console) -> {
      ExportOutcome outcome;
      try {
        Path workspace =
            context.environment().containsKey("GITHUB_WORKSPACE")
                ? Path.of(context.environment().get("GITHUB_WORKSPACE"))
                : context.workDir();
        outcome =
            new RedisExportJob(
                    new RedisExporter(RedisConnectionSettings.of(settings.url()), context.clock()),
                    new ExportOptions(
                        new RedisKeys(settings.env(), settings.exchange()),
                        settings.ttl(),
                        settings.stream(),
                        settings.streamMaxlen()),
                    new ExportStatusFile(workspace.resolve("artifacts/state")),
                    context.clock(),
                    console)
                .export(
                    outDir.resolve(ReportFiles.SUMMARY), outDir.resolve(ReportFiles.VIOLATIONS));
      } catch (IllegalArgumentException e) {
        // Messages of the Redis adapter never carry the password (RedisUrl redacts it).
        console.warn("Redis export skipped: " + ErrorHandlers.oneLine(e.getMessage()));
        return;
      }
      switch (outcome.kind()) {
        case EXPORTED -> console.info(outcome.message());
        case UNREACHABLE -> console.warn("redis unavailable, skip export");
        case FAILED -> console.warn("Redis export failed: " + outcome.message());
        case INVALID_INPUT ->
            console.warn("Redis export skipped: " + ErrorHandlers.oneLine(outcome.message()));
      }
    };
  }
}
