package dev.soakanalyzer.action;

import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisOutcome;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.ReportFiles;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.report.LogLines;
import dev.soakanalyzer.core.report.PrCommentRenderer;
import dev.soakanalyzer.core.report.StepSummaryRenderer;
import dev.soakanalyzer.github.ActionContext;
import dev.soakanalyzer.github.CommandSafeWriter;
import dev.soakanalyzer.github.CommentPublisher;
import dev.soakanalyzer.github.CommentPublisher.CommentResult;
import dev.soakanalyzer.github.CommentPublisher.CommentTarget;
import dev.soakanalyzer.github.OutputsFile;
import dev.soakanalyzer.github.PullRequestRef;
import dev.soakanalyzer.github.StepSummaryFile;
import dev.soakanalyzer.github.WorkflowCommands;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code soak-analyzer action}: the analysis as the CLI runs it, then everything GitHub shows of
 * it. Only the analysis can fail the step (exit 2 on bad input, 1 on CRIT with exit-on-crit); the
 * summary, annotations, comment and Redis export degrade to warnings.
 */
public final class ActionRunner {

  /** At most this many {@code ::error}/{@code ::warning} annotations per run. */
  public static final int MAX_ANNOTATIONS = ActionAnnotations.MAX_ANNOTATIONS;

  static final List<String> ARTIFACTS =
      List.of(
          ReportFiles.ANALYSIS,
          ReportFiles.RECOMMENDATIONS,
          ReportFiles.VIOLATIONS,
          ReportFiles.SUMMARY,
          ReportFiles.HTML);

  private final ActionContext context;
  private final Console console;
  private final WorkflowCommands commands;
  private final Clock clock;
  private final BiFunction<String, String, CommentPublisher> publishers;
  private final RedisExport redisExport;

  private final ActionAnnotations annotations;

  /**
   * @param publishers (api url, token) -> comment publisher
   */
  public ActionRunner(
      ActionContext context,
      Console console,
      Clock clock,
      BiFunction<String, String, CommentPublisher> publishers,
      RedisExport redisExport) {
    this.context = context;
    // Our commands go to the raw stdout; every other line may carry input-file text (symbol and
    // file names), so it is defused before the runner could read it as a command.
    this.commands = new WorkflowCommands(CommandSafeWriter.raw(console.out()));
    List<String> toolWarnings = new ArrayList<>();
    this.console =
        new Console(
                CommandSafeWriter.guard(console.out()),
                CommandSafeWriter.guard(console.err()),
                console.isVerbose())
            .onWarning(toolWarnings::add);
    this.annotations = new ActionAnnotations(commands, this.console, toolWarnings);
    this.clock = clock;
    this.publishers = publishers;
    this.redisExport = redisExport;
  }

  /**
   * Masks the secrets among the inputs, and {@code more} (a proxy URL's password), before anything
   * else is printed.
   */
  public void maskSecrets(ActionSettings settings, List<String> more) {
    more.forEach(commands::addMask);
    commands.addMask(settings.githubToken());
    if (settings.redis() != null) {
      commands.addMask(settings.redis().url());
      redisPassword(settings.redis().url())
          .ifPresent(
              p -> {
                commands.addMask(p);
                // Clients and errors show it decoded: p%40ss is sent (and could echo) as p@ss.
                String decoded = decodePercent(p);
                if (!decoded.equals(p)) {
                  commands.addMask(decoded);
                }
              });
    }
  }

  /** Runs the action and returns its exit code. */
  public ExitCode run(AnalysisRequest request, ActionSettings settings) throws IOException {
    // Committed symlinks must not make the action read or write outside the checkout (or the
    // runner's temp directory, which the runner mounts for absolute inputs under it).
    ActionPaths paths = ActionPaths.of(context, request.workDir());
    request = request.confinedTo(paths.roots());
    AnalysisOutcome outcome;
    commands.group("soak-analyzer: analyse " + request.iterGlob());
    try {
      outcome = new AnalysisJob(clock, console).run(request);
    } catch (UsageException e) {
      commands.endGroup();
      console.error(e.getMessage());
      commands.annotate(WorkflowCommands.Kind.ERROR, "soak-analyzer", e.getMessage());
      return ExitCode.USAGE;
    }
    Analysis a = outcome.analysis();
    // The reports this run wrote (SOAK_REPORT.html unless turned off), in the artefacts' order.
    List<String> artifacts =
        ARTIFACTS.stream().filter(n -> outcome.written().containsKey(n)).toList();
    // Reports name the out-dir as it is found on the runner, not at the container's mount path.
    String shownOutDir = paths.outDir(settings.outDirLabel()).shown();
    console.info("verdict=" + a.verdict() + " " + LogLines.counts(a) + " out_dir=" + shownOutDir);
    commands.endGroup();

    annotations.queueViolations(a);
    Optional<PullRequestRef> pr = pullRequest();
    String commitFallback = pr.map(PullRequestRef::commitRange).orElse(null);
    String summaryPath = "";
    if (settings.stepSummary()) {
      summaryPath = writeStepSummary(a, shownOutDir, commitFallback, artifacts);
    }
    // Outputs before the comment: a job cancelled while the API hangs (SIGINT, then SIGTERM a few
    // seconds later) still leaves its verdict to `if: always()` steps. comment-url is written
    // again once known; the runner keeps a name's last value.
    writeOutputs(a, outcome, paths.outDir(settings.outDirLabel()), "");
    // Before the comment, so a cancelled job leaves nothing of root's in the workspace either.
    List<WorkspaceOwnership> owners = paths.owners(console);
    List<Path> written =
        List.of(
            request.workDir().resolve(request.options().outDir()),
            request
                .workDir()
                .resolve("artifacts/state")
                .resolve(CommentScope.from(context).identity().directoryName()));
    owners.forEach(o -> o.handOver(written));
    String commentUrl = settings.comment() ? comment(a, settings, shownOutDir, pr, artifacts) : "";
    if (!commentUrl.isEmpty()) {
      writeOutput("comment-url", commentUrl);
    }
    if (settings.redis() != null && redisExport != null) {
      commands.group("soak-analyzer: Redis export");
      redisExport.export(
          request.workDir().resolve(request.options().outDir()), settings.redis(), console);
      commands.endGroup();
    }
    owners.forEach(o -> o.handOver(written)); // the Redis export's status file, written since
    if (!summaryPath.isEmpty()) {
      console.debug("step summary appended to " + summaryPath);
    }
    annotations.emit();
    return ExitCode.forGates(
        settings.exitOnCrit(),
        a.verdict() == Level.CRIT,
        settings.exitOnRegression(),
        a.regressions() > 0);
  }

  /** The PR of the event, when it is a pull-request event with a readable payload. */
  private Optional<PullRequestRef> pullRequest() {
    if (!context.isPullRequestEvent() || context.eventPath().isEmpty()) {
      return Optional.empty();
    }
    try {
      return PullRequestRef.read(context.eventPath().get());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private String writeStepSummary(
      Analysis a, String shownOutDir, String commitFallback, List<String> artifacts) {
    Optional<Path> path = context.stepSummaryPath();
    if (path.isEmpty()) {
      console.info("GITHUB_STEP_SUMMARY is not set: no step summary");
      return "";
    }
    try {
      StepSummaryFile file = new StepSummaryFile(path.get());
      String markdown =
          StepSummaryRenderer.render(
              a,
              new StepSummaryRenderer.Options(
                  shownOutDir, artifacts, file.remainingBytes(), commitFallback));
      if (markdown.isEmpty()) {
        console.warn("step summary is full (GitHub allows 1 MiB per step): report not appended");
        return "";
      }
      file.append(markdown);
      return path.get().toString();
    } catch (IOException e) {
      console.warn("could not write the step summary " + path.get() + ": " + e.getMessage());
      return "";
    }
  }

  private String comment(
      Analysis a,
      ActionSettings settings,
      String shownOutDir,
      Optional<PullRequestRef> known,
      List<String> artifacts) {
    if (!context.isPullRequestEvent()) {
      console.info("event '" + context.eventName() + "' is not a pull request: no PR comment");
      return "";
    }
    Optional<PullRequestRef> pr = known;
    if (pr.isEmpty() && context.eventPath().isPresent()) {
      try {
        pr = PullRequestRef.read(context.eventPath().get());
      } catch (IOException | RuntimeException e) {
        console.warn("cannot read the event payload GITHUB_EVENT_PATH: PR comment skipped");
        return "";
      }
    }
    if (pr.isEmpty()) {
      console.warn("the event payload has no pull request: PR comment skipped");
      return "";
    }
    if (pr.get().fromFork() && "pull_request".equals(context.eventName())) {
      console.warn(
          "pull request #"
              + pr.get().number()
              + " comes from a fork, whose token is read-only: PR comment skipped (the step summary has the report)");
      return "";
    }
    if (settings.githubToken() == null || settings.githubToken().isBlank()) {
      console.warn("no github-token: PR comment skipped");
      return "";
    }
    String repository =
        pr.get().baseRepository().isEmpty()
            ? context.repository().orElse("")
            : pr.get().baseRepository();
    CommentPublisher publisher = publishers.apply(context.apiUrl(), settings.githubToken());
    CommentScope scope = CommentScope.from(context);
    PrCommentRenderer.Options options =
        PrCommentRenderer.Options.of(shownOutDir, artifacts, context.runUrl().orElse(null))
            .withCommitFallback(pr.get().commitRange());
    CommentResult result =
        publisher.publish(
            new CommentTarget(repository, pr.get().number(), scope.marker(settings.outDirLabel())),
            previous ->
                scope.stamp(
                    PrCommentRenderer.render(a, options, previous), settings.outDirLabel()));
    switch (result.outcome()) {
      case CREATED -> console.info("PR comment created: " + result.url());
      case UPDATED -> console.info("PR comment updated: " + result.url());
      case SKIPPED -> console.warn("PR comment skipped: " + result.reason());
    }
    return result.url();
  }

  private void writeOutputs(
      Analysis a, AnalysisOutcome outcome, ActionPaths.Output outDir, String commentUrl) {
    Optional<Path> path = context.outputPath();
    if (path.isEmpty()) {
      console.info("GITHUB_OUTPUT is not set: no step outputs");
      return;
    }
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("verdict", a.verdict().name());
    outputs.put("crit-count", Integer.toString(a.counts().crit()));
    outputs.put("warn-count", Integer.toString(a.counts().warn()));
    outputs.put("ok-count", Integer.toString(a.counts().ok()));
    outputs.put("windows", Integer.toString(a.windows()));
    outputs.put("summary-path", reportPath(outcome, outDir, ReportFiles.SUMMARY));
    outputs.put("report-path", reportPath(outcome, outDir, ReportFiles.ANALYSIS));
    outputs.put("path-root", outDir.root().output);
    outputs.put("comment-url", commentUrl);
    // Empty without a usable baseline, so a workflow can tell "none" from "0 regressions".
    outputs.put("regressions", a.compared() ? Long.toString(a.regressions()) : "");
    outputs.put("baseline-ref", a.compared() ? a.comparison().baseline().label() : "");
    try {
      new OutputsFile(path.get()).write(outputs);
    } catch (IOException e) {
      console.warn("could not write the step outputs " + path.get() + ": " + e.getMessage());
    }
  }

  private void writeOutput(String name, String value) {
    context
        .outputPath()
        .ifPresent(
            path -> {
              try {
                new OutputsFile(path).write(Map.of(name, value));
              } catch (IOException e) {
                console.warn("could not write the step output " + name + ": " + e.getMessage());
              }
            });
  }

  /** Relative to its root (path-root), so later steps (outside the container) can open it. */
  private static String reportPath(
      AnalysisOutcome outcome, ActionPaths.Output outDir, String name) {
    return outcome.written().containsKey(name) ? ActionPaths.file(outDir, name) : "";
  }

  private static String decodePercent(String s) {
    try {
      return java.net.URLDecoder.decode(
          s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** The password part of a Redis URL, masked apart because it may show up on its own. */
  static Optional<String> redisPassword(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme < 0 || at < scheme) {
      return Optional.empty();
    }
    String userInfo = url.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    String password = colon >= 0 ? userInfo.substring(colon + 1) : userInfo;
    return password.isEmpty() ? Optional.empty() : Optional.of(password);
  }
}
