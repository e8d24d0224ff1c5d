package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.ExportOutcome;
import dev.soakanalyzer.app.RedisExportJob;
import dev.soakanalyzer.redis.ExportOptions;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisExporter;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.redis.RedisUrl;
import dev.soakanalyzer.state.ExportStatusFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code soak-analyzer export-redis}: the guide's {@code export_violations_to_redis}
 * (docs/REDIS.md).
 *
 * <p>Exit codes: 0 exported, or skipped because Redis is unreachable ({@code warn: redis
 * unavailable, skip export}); 2 a bad flag or a malformed/missing input file (nothing is written to
 * Redis); 1 any other Redis failure (authentication refused, a key of the wrong type, TLS, server
 * error), reported with its real reason. Every attempt that reaches Redis updates {@code
 * <state-dir>/last_export_status.json}.
 */
@Command(
    name = "export-redis",
    mixinStandardHelpOptions = true,
    description = "Export SOAK_SUMMARY.json and VIOLATIONS.json to Redis hashes (and streams).")
public final class ExportRedisCommand implements Callable<Integer> {
  static final String DEFAULT_REDIS_URL = "redis://localhost:6379/0";

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      defaultValue = "reports/analysis/SOAK_SUMMARY.json",
      description = "SOAK_SUMMARY.json to export (default: ${DEFAULT-VALUE}).")
  Path summary;

  @Option(
      names = "--violations",
      paramLabel = "FILE",
      defaultValue = "reports/analysis/VIOLATIONS.json",
      description = "VIOLATIONS.json to export (default: ${DEFAULT-VALUE}).")
  Path violations;

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "Key prefix environment (default: $ENV, else dev).")
  String env;

  @Option(
      names = "--exchange",
      paramLabel = "EXCHANGE",
      description = "Key prefix exchange (default: $EXCHANGE, else bybit).")
  String exchange;

  @Option(
      names = "--redis-url",
      paramLabel = "URL",
      description =
          "redis://[user:password@]host:port/db or rediss://... for TLS"
              + " (default: $REDIS_URL, else "
              + DEFAULT_REDIS_URL
              + ").")
  String redisUrl;

  @Option(
      names = "--redis-ca-file",
      paramLabel = "PEM",
      description = "CA certificate(s) that signed the rediss:// server's certificate.")
  Path caFile;

  @Option(
      names = "--ttl",
      paramLabel = "SECONDS",
      defaultValue = "3600",
      description = "TTL of the summary and symbol hashes (default: ${DEFAULT-VALUE}).")
  long ttlSeconds;

  @Option(names = "--stream", description = "Also append violation events to per-symbol streams.")
  boolean stream;

  @Option(
      names = "--stream-maxlen",
      paramLabel = "N",
      defaultValue = "5000",
      description = "MAXLEN ~ of each stream on XADD and XTRIM (default: ${DEFAULT-VALUE}).")
  int streamMaxlen;

  @Option(
      names = "--connect-timeout-ms",
      paramLabel = "MS",
      defaultValue = "2000",
      description = "Redis connect timeout (default: ${DEFAULT-VALUE}).")
  int connectTimeoutMs;

  @Option(
      names = "--read-timeout-ms",
      paramLabel = "MS",
      defaultValue = "5000",
      description = "Redis read timeout (default: ${DEFAULT-VALUE}).")
  int readTimeoutMs;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "artifacts/state",
      description = "Where last_export_status.json is written (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  private final CliContext context;

  public ExportRedisCommand(CliContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  @Override
  public Integer call() {
    Console console = context.console(false);
    Map<String, String> environment = context.env();
    Clock clock = context.clock();
    Path workDir = context.workDir();
    List<String> problems = new ArrayList<>();
    String envName = firstNonBlank(env, environment.get("ENV"), ExportOptions.DEFAULT_ENV);
    String exchangeName =
        firstNonBlank(exchange, environment.get("EXCHANGE"), ExportOptions.DEFAULT_EXCHANGE);
    String urlFlag = redisUrl != null ? "--redis-url" : "REDIS_URL";
    String urlText = firstNonBlank(redisUrl, environment.get("REDIS_URL"), DEFAULT_REDIS_URL);
    if (urlText.equals(DEFAULT_REDIS_URL) && redisUrl == null) {
      urlFlag = "--redis-url";
    }
    RedisUrl url = null;
    try {
      url = RedisUrl.parse(urlText);
    } catch (IllegalArgumentException e) {
      problems.add(urlFlag + ": " + e.getMessage());
    }
    if (ttlSeconds < 1) {
      problems.add("--ttl: must be at least 1 second, got " + ttlSeconds);
    }
    if (streamMaxlen < 1) {
      problems.add("--stream-maxlen: must be at least 1, got " + streamMaxlen);
    }
    if (connectTimeoutMs < 1) {
      problems.add("--connect-timeout-ms: must be at least 1, got " + connectTimeoutMs);
    }
    if (readTimeoutMs < 1) {
      problems.add("--read-timeout-ms: must be at least 1, got " + readTimeoutMs);
    }
    RedisKeys keys = null;
    try {
      keys = new RedisKeys(envName, exchangeName);
    } catch (IllegalArgumentException e) {
      problems.add("--env/--exchange: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      problems.forEach(console::error);
      return ExitCode.USAGE.code();
    }

    RedisExporter exporter;
    try {
      exporter =
          new RedisExporter(
              new RedisConnectionSettings(
                  url,
                  caFile == null ? null : workDir.resolve(caFile),
                  Duration.ofMillis(connectTimeoutMs),
                  Duration.ofMillis(readTimeoutMs)),
              clock);
    } catch (IllegalArgumentException e) {
      console.error("--redis-ca-file: " + e.getMessage());
      return ExitCode.USAGE.code();
    }
    var options = new ExportOptions(keys, Duration.ofSeconds(ttlSeconds), stream, streamMaxlen);
    ExportStatusFile status = new ExportStatusFile(workDir.resolve(stateDir));
    ExportOutcome outcome =
        new RedisExportJob(exporter, options, status, clock, console)
            .export(workDir.resolve(summary), workDir.resolve(violations));
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

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    throw new IllegalStateException("no default");
  }
}
