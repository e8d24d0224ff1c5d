package dev.soakanalyzer.cli;

import dev.soakanalyzer.action.ActionRunner;
import dev.soakanalyzer.action.ActionSettings;
import dev.soakanalyzer.action.RedisExport;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.ExportOutcome;
import dev.soakanalyzer.app.HistorySource;
import dev.soakanalyzer.app.RedisExportJob;
import dev.soakanalyzer.app.ReportFiles;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.github.ActionContext;
import dev.soakanalyzer.github.GitHubCommentPublisher;
import dev.soakanalyzer.http.HttpClientFactory;
import dev.soakanalyzer.redis.ExportOptions;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisExporter;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.state.ExportStatusFile;
import dev.soakanalyzer.state.StateDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      1 CRIT with exit-on-crit or a regression with fail-on-regression,
      2 usage or input error.""";

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

  /** Action inputs forwarded to the baseline flags of the same name. */
  static final List<String> BASELINE_INPUTS =
      List.of("baseline", "baseline-glob", "baseline-branch", "regression-min-change");

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
    Path workspace =
        context.environment().containsKey("GITHUB_WORKSPACE")
            ? action.workspace()
            : context.workDir();
    List<String> problems = new ArrayList<>();
    HttpClientFactory http = httpClients(action, workspace, problems, console);
    ActionRunner runner =
        new ActionRunner(
            action,
            console,
            context.clock(),
            (apiUrl, token) -> new GitHubCommentPublisher(apiUrl, token, http),
            redisExport());
    ActionSettings settings = settings(action, problems);
    runner.maskSecrets(settings, http.proxies().secrets());
    AnalysisRequest request = null;
    if (action.input("iter-glob").isEmpty()) {
      problems.add(
          0, "input iter-glob is required (e.g. artifacts/soak/latest/ITER_SUMMARY_*.json)");
    } else {
      try {
        // Parsed into the shared analysis options, as `analyze` parses them.
        AnalysisOptions inputs = new AnalysisOptions();
        BaselineOptions baseline = new BaselineOptions();
        new CommandLine(baseline.addTo(inputs.addTo(CommandSpec.create().name("inputs"))))
            .parseArgs(flags(action));
        Map<String, String> env = context.environment();
        request =
            inputs
                .toRequest(workspace, verbose.on())
                .withComparison(
                    baseline.toOptions(
                        firstSet(env, "GITHUB_HEAD_REF", "GITHUB_REF_NAME"),
                        firstSet(env, "GITHUB_SHA"),
                        firstSet(env, "GITHUB_RUN_ID"),
                        firstSet(env, "GITHUB_BASE_REF"),
                        historySource(settings.redis())));
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

  /** {@code baseline: redis} reads the run history of the redis-url input; null without one. */
  private static HistorySource historySource(ActionSettings.Redis redis) {
    if (redis == null) {
      return null;
    }
    try {
      return HistoryBaselines.of(
          RedisConnectionSettings.of(redis.url()),
          new RedisKeys(redis.env(), redis.exchange()),
          Duration.ofSeconds(30));
    } catch (IllegalArgumentException e) {
      // An unparsable redis-url: the export step says so; the baseline is then simply absent.
      return (branch, warn) -> {
        warn.accept(
            "baseline from redis: " + ErrorHandlers.oneLine(e.getMessage()) + "; no comparison");
        return Optional.empty();
      };
    }
  }

  /**
   * The GitHub API client's proxies (HTTPS_PROXY, NO_PROXY, ... as the runner passes them in) and
   * extra CAs (input ca-file, SSL_CERT_FILE, NODE_EXTRA_CA_CERTS). A ca-file that cannot be read is
   * bad input; an environment variable naming a file the container cannot see only warns.
   */
  private static HttpClientFactory httpClients(
      ActionContext action, Path workspace, List<String> problems, Console console) {
    List<String> caProblems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Path> caFiles =
        action.input("ca-file").map(f -> List.of(workspace.resolve(f))).orElse(List.of());
    HttpClientFactory http =
        HttpClientFactory.fromEnvironment(action.env(), caFiles, caProblems, warnings);
    caProblems.forEach(p -> problems.add("input ca-file: " + p));
    warnings.forEach(console::warn);
    return http;
  }

  /** The analysis inputs as {@code --name value} flags; unset inputs keep the CLI defaults. */
  static String[] flags(ActionContext action) {
    List<String> args = new ArrayList<>();
    for (String name : concat(ANALYSIS_INPUTS, BASELINE_INPUTS)) {
      Optional<String> value = action.input(name);
      value.ifPresent(v -> args.add("--" + name + "=" + v));
    }
    return args.toArray(String[]::new);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The first of these variables that is set and not blank, or null. */
  private static String firstSet(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = env.get(n);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return null;
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
        bool(action, "fail-on-regression", false, problems),
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
        RedisKeys keys = new RedisKeys(settings.env(), settings.exchange());
        StateDirectory own =
            StateDirectory.of(workspace.resolve(RedisOptions.DEFAULT_STATE_DIR), keys.identity());
        outcome =
            new RedisExportJob(
                    new RedisExporter(RedisConnectionSettings.of(settings.url()), context.clock()),
                    new ExportOptions(
                        keys, settings.ttl(), settings.stream(), settings.streamMaxlen()),
                    new ExportStatusFile(own.dir()),
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
