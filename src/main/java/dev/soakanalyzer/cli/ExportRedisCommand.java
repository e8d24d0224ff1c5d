package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.ExportOutcome;
import dev.soakanalyzer.app.RedisExportJob;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.redis.ExportOptions;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisExporter;
import dev.soakanalyzer.runner.EnvLayers;
import dev.soakanalyzer.state.ExportStatusFile;
import dev.soakanalyzer.state.StateDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code soak-analyzer export-redis}: the guide's {@code export_violations_to_redis}
 * (docs/REDIS.md).
 *
 * <p>Exit codes: 0 exported, or skipped because Redis is unreachable ({@code warn: redis
 * unavailable, skip export}); 2 a bad flag or a malformed/missing input file (nothing is written to
 * Redis), and 2 too for any other Redis failure (authentication refused, a key of the wrong type,
 * TLS, server error), reported with its real reason: exit 1 is kept for the gates. Every attempt
 * that reaches Redis updates {@code <state-dir>/last_export_status.json}.
 */
public final class ExportRedisCommand implements Callable<Integer> {
  /** The one line of the top-level command list. */
  static final String HEADER = "Export SOAK_SUMMARY.json and VIOLATIONS.json to Redis.";

  private static final String DESCRIPTION =
      """
      Export SOAK_SUMMARY.json and VIOLATIONS.json to Redis hashes (and streams).""";

  private final OptionSpec summary =
      option(
              "--summary",
              Path.class,
              "FILE",
              "SOAK_SUMMARY.json to export (default: ${DEFAULT-VALUE}).")
          .defaultValue("reports/analysis/SOAK_SUMMARY.json")
          .build();

  private final OptionSpec violations =
      option(
              "--violations",
              Path.class,
              "FILE",
              "VIOLATIONS.json to export (default: ${DEFAULT-VALUE}).")
          .defaultValue("reports/analysis/VIOLATIONS.json")
          .build();

  private final RedisOptions redis = new RedisOptions();

  private final CliContext context;

  public ExportRedisCommand(CliContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  CommandSpec spec() {
    CommandSpec spec = Specs.command(this, "export-redis", HEADER, DESCRIPTION, true);
    spec.addOption(summary).addOption(violations);
    redis.addTo(spec);
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    Console console = context.console(false);
    Path workDir = context.workDir();
    EnvLayers layers = new EnvLayers(context.environment(), Map.of());
    List<String> problems = new ArrayList<>();
    Optional<RedisConnectionSettings> connection =
        redis.connection(layers, workDir, false, problems);
    redis.checkExport(problems);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    RedisExporter exporter;
    try {
      exporter =
          new RedisExporter(connection.orElseThrow(), context.clock(), redis.exportDeadline());
    } catch (IllegalArgumentException e) {
      console.error("--redis-ca-file: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    ExportOptions exportOptions = redis.exportOptions(redis.env(layers), redis.exchange(layers));
    // The status file is kept per identity, beside the runner's of the same env/exchange.
    StateDirectory own =
        StateDirectory.of(workDir.resolve(redis.stateDir()), exportOptions.keys().identity());
    own.legacyWarning().ifPresent(console::warn);
    ExportStatusFile status = new ExportStatusFile(own.dir());
    ExportOutcome outcome =
        new RedisExportJob(exporter, exportOptions, status, context.clock(), console)
            .export(
                workDir.resolve(summary.<Path>getValue()),
                workDir.resolve(violations.<Path>getValue()));
    return switch (outcome.kind()) {
      case EXPORTED -> {
        console.info(outcome.message() + " in " + outcome.elapsed().toMillis() + " ms");
        yield ExitCode.OK.code();
      }
      case UNREACHABLE -> {
        console.warn("redis unavailable, skip export");
        console.info(outcome.message() + "; status in " + status.file());
        yield ExitCode.OK.code();
      }
      case FAILED -> {
        console.error(outcome.message());
        yield ExitCode.FAILURE.code();
      }
      case INVALID_INPUT -> {
        console.error(outcome.message());
        yield ExitCode.USAGE.code();
      }
    };
  }
}
