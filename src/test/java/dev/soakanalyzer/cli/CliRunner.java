package dev.soakanalyzer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in-process with captured out/err, a fixed clock and a given environment. */
public final class CliRunner {
  public static final Instant FIXED_NOW = Instant.parse("2025-01-15T12:00:00Z");

  /** Exit code and everything printed. */
  public record Result(int exitCode, String out, String err) {}

  private CliRunner() {}

  public static Result run(Path workDir, Map<String, String> env, String... args) {
    return run(workDir, env, Clock.fixed(FIXED_NOW, ZoneOffset.UTC), args);
  }

  public static Result run(Path workDir, Map<String, String> env, Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new CliContext(
                new PrintWriter(out, true), new PrintWriter(err, true), env, clock, workDir));
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * The analysis that {@code analyze ARGS} would produce, computed in-process with the same option
   * mapping (for rendering the action's and the runner's messages in golden tests).
   */
  public static dev.soakanalyzer.core.model.Analysis analysisOf(
      Path workDir, Path outDir, String... args) throws Exception {
    AnalysisOptions holder = new AnalysisOptions();
    BaselineOptions baseline = new BaselineOptions();
    new picocli.CommandLine(
            baseline.addTo(holder.addTo(picocli.CommandLine.Model.CommandSpec.create())))
        .setUnmatchedArgumentsAllowed(true)
        .parseArgs(args);
    var request = holder.toRequest(workDir, false);
    var comparison = baseline.toOptions(null, null, null);
    var options = request.options();
    request =
        new dev.soakanalyzer.app.AnalysisRequest(
            request.workDir(),
            request.iterGlob(),
            request.settings(),
            new dev.soakanalyzer.app.ReportOptions(
                outDir, options.emitSummary(), false, options.lang(), options.book()),
            java.util.Optional.empty(),
            comparison);
    var quiet =
        new dev.soakanalyzer.app.Console(
            new PrintWriter(java.io.Writer.nullWriter()),
            new PrintWriter(java.io.Writer.nullWriter()),
            false);
    return new dev.soakanalyzer.app.AnalysisJob(Clock.fixed(FIXED_NOW, ZoneOffset.UTC), quiet)
        .run(request)
        .analysis();
  }

  public static Path projectDir() {
    return Path.of(System.getProperty("soak.project.dir", ".")).toAbsolutePath().normalize();
  }

  public static Path fixtures() {
    return projectDir().resolve("fixtures");
  }
}
