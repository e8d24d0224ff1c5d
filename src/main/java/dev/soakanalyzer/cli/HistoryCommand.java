package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.core.report.RunHistoryText;
import dev.soakanalyzer.redis.HistoryRecord;
import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisKeys;
import dev.soakanalyzer.redis.RunHistory;
import dev.soakanalyzer.runner.EnvLayers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code soak-analyzer history}: the last runs of an env/exchange from the Redis run history, per
 * cell the medians with a sparkline and the most significant shift across runs (docs/REDIS.md).
 *
 * <p>Exit codes: 0 shown (also an empty history); 2 a bad flag, or Redis could not be read.
 */
public final class HistoryCommand implements Callable<Integer> {
  static final String HEADER = "Show the Redis run history: medians per run, where they shifted.";

  private static final String DESCRIPTION =
      """
      Per cell, the last runs' medians (oldest first) with a sparkline, and the
      most significant shift of level across the runs with the run where it
      happened.""";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OptionSpec branch =
      option("--branch", String.class, "NAME", "Only runs of this branch (ref); default: all.")
          .build();

  private final OptionSpec last =
      option("--last", int.class, "N", "The last N runs (default: ${DEFAULT-VALUE}).")
          .defaultValue("20")
          .build();

  private final OptionSpec symbols =
      option("--symbols", String.class, "LIST", "Only these symbols, comma-separated.").build();

  private final OptionSpec json = Specs.flag("Print JSON instead of text.", "--json");

  private final RedisOptions redis = new RedisOptions();
  private final CliContext context;

  public HistoryCommand(CliContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  CommandSpec spec() {
    CommandSpec spec = Specs.command(this, "history", HEADER, DESCRIPTION, true);
    redis.addConnectionTo(spec);
    spec.addOption(branch).addOption(last).addOption(symbols).addOption(json);
    return Specs.standardHelp(spec);
  }

  @Override
  public Integer call() {
    Console console = context.console(false);
    EnvLayers layers = new EnvLayers(context.environment(), Map.of());
    List<String> problems = new ArrayList<>();
    Optional<RedisConnectionSettings> connection =
        redis.connection(layers, context.workDir(), false, problems);
    int lastRuns = last.<Integer>getValue();
    if (lastRuns < 1) {
      problems.add("--last must be at least 1, not " + lastRuns);
    }
    Set<String> only = symbolFilter(problems);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    String env = redis.env(layers);
    String exchange = redis.exchange(layers);
    String branchName = branch.getValue();
    List<HistoryRecord> runs;
    try (RunHistory history = new RunHistory(connection.orElseThrow(), redis.exportDeadline())) {
      runs = history.read(new RedisKeys(env, exchange), branchName, lastRuns, console::warn);
    } catch (IllegalArgumentException e) {
      console.error("--redis-ca-file: " + e.getMessage());
      return ExitCode.USAGE.code();
    } catch (RunHistory.RedisFailureException e) {
      console.error("history: " + e.getMessage());
      return ExitCode.FAILURE.code();
    }
    List<RunHistoryText.Run> labels = new ArrayList<>();
    runs.forEach(r -> labels.add(new RunHistoryText.Run(r.date(), r.shortSha(), r.ref())));
    List<RunHistoryText.Cell> cells = cells(runs, only);
    String title =
        "history "
            + env
            + ":"
            + exchange
            + (branchName == null ? "" : " branch " + branchName)
            + ", last "
            + runs.size()
            + " run(s)";
    console.print(
        Specs.on(json)
            ? json(env, exchange, branchName, runs, labels, cells)
            : RunHistoryText.render(title, labels, cells));
    return ExitCode.OK.code();
  }

  private Set<String> symbolFilter(List<String> problems) {
    String list = symbols.getValue();
    if (list == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
    if (out.isEmpty()) {
      problems.add("--symbols lists no symbol: '" + list + "'");
    }
    return out;
  }

  /** Every cell of the runs (first seen first), its medians run by run. */
  static List<RunHistoryText.Cell> cells(List<HistoryRecord> runs, Set<String> only) {
    Map<String, double[]> medians = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      int run = i;
      var stats = runs.get(i).statsTree();
      for (var sym : stats.properties()) {
        if (!only.isEmpty() && !only.contains(sym.getKey())) {
          continue;
        }
        for (var cell : sym.getValue().properties()) {
          double[] series =
              medians.computeIfAbsent(
                  sym.getKey() + " " + cell.getKey(),
                  k -> {
                    double[] s = new double[runs.size()];
                    Arrays.fill(s, Double.NaN);
                    return s;
                  });
          var m = cell.getValue().get("median");
          if (m != null && m.isNumber()) {
            series[run] = m.asDouble();
          }
        }
      }
    }
    List<RunHistoryText.Cell> out = new ArrayList<>();
    medians.forEach(
        (k, v) -> {
          String[] sm = k.split(" ", 2);
          out.add(RunHistoryText.cell(sm[0], sm[1], v));
        });
    return out;
  }

  private static String json(
      String env,
      String exchange,
      String branchName,
      List<HistoryRecord> runs,
      List<RunHistoryText.Run> labels,
      List<RunHistoryText.Cell> cells) {
    ObjectNode root = JSON.createObjectNode();
    root.put("env", env).put("exchange", exchange).put("branch", branchName);
    ArrayNode rs = root.putArray("runs");
    for (HistoryRecord r : runs) {
      ObjectNode n = rs.addObject();
      n.put("run_id", r.runId()).put("generated_at", r.generatedAt());
      n.put("ref", r.ref()).put("sha", r.sha()).put("pr", r.pr());
      n.put("verdict", r.verdict().name()).put("windows", r.windows());
      n.put("crit_count", r.critCount()).put("warn_count", r.warnCount());
    }
    ArrayNode cs = root.putArray("cells");
    for (RunHistoryText.Cell c : cells) {
      ObjectNode n = cs.addObject();
      n.put("symbol", c.symbol()).put("metric", c.metric());
      ArrayNode values = n.putArray("medians");
      for (double m : c.medians()) {
        if (Double.isFinite(m)) {
          values.add(m);
        } else {
          values.addNull();
        }
      }
      n.put("sparkline", RunHistoryText.sparkline(c.medians()));
      if (c.shift() == null) {
        n.putNull("shift");
      } else {
        ObjectNode s = n.putObject("shift");
        HistoryRecord at = runs.get(c.shift().run());
        s.put("run_index", c.shift().run()).put("run_id", at.runId());
        s.put("generated_at", at.generatedAt()).put("ref", at.ref()).put("sha", at.sha());
        s.put("before", c.shift().before()).put("after", c.shift().after());
        s.put("p_value", c.shift().pValue());
        s.put("text", RunHistoryText.sentence(c, labels));
      }
    }
    return root.toPrettyString() + "\n";
  }
}
