package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ReportOptions;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.fake.FakeSoakGenerator;
import dev.soakanalyzer.state.Lease;
import dev.soakanalyzer.testsupport.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /metrics scraped from a running runner, and the ops files held to the same metric names. */
class RunnerOpsTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));
  private static final Path RULES = PROJECT.resolve("ops/prometheus/soak_runner_rules.yml");
  private static final Path DASHBOARD = PROJECT.resolve("ops/grafana/soak_runner_dashboard.json");
  private static final Pattern METRIC = Pattern.compile("\\b(soak_[a-z_]+)");

  @TempDir Path work;

  @Test
  void aRunningRunnerServesEveryMetricAtSlashMetrics() throws Exception {
    FakeSoakGenerator.write(work, Level.CRIT, 1);
    StringWriter out = new StringWriter();
    Console console = new Console(new PrintWriter(out), new PrintWriter(new StringWriter()), false);
    MutableClock clock = new MutableClock(Instant.parse("2025-10-26T12:00:00Z"));
    AnalysisJob job = new AnalysisJob(clock, console);
    AnalysisRequest request =
        new AnalysisRequest(
            work,
            FakeSoakGenerator.GLOB,
            AnalysisSettings.defaults(),
            new ReportOptions(Path.of("out"), true, false, null));
    String[] scraped = new String[2];
    int[] calls = {0};
    AnalysisStep analysis = AnalysisStep.of(job, request);
    AnalysisStep step =
        () -> {
          if (++calls[0] == 2) {
            scraped[1] = scrape(out.toString()); // right after the first cycle's send
          } else if (calls[0] == 3) {
            scraped[0] = scrape(out.toString());
          }
          return analysis.analyze();
        };
    RunnerConfig config =
        RunnerConfig.local("prod", "bybit", work).maxIterations(3).dryRun().metricsPort(0).build();
    int code =
        Runner.run(
                config,
                new Runner.Ports(step, Optional.empty(), Optional.empty(), Lease.NONE, List.of()),
                new Runner.Timing(clock, System::nanoTime, new StopSignal(), d -> {}),
                console)
            .code();
    assertThat(code).isZero();
    // Right after a send the gauge shows the full window, never 0.
    assertThat(parse(scraped[1]))
        .containsEntry(
            "soak_alert_debounce_remaining_minutes{env=\"prod\",exchange=\"bybit\"}", 180.0);
    Map<String, Double> samples = parse(scraped[0]);
    String labels = "{env=\"prod\",exchange=\"bybit\"}";
    assertThat(samples)
        .containsEntry("soak_alert_debounce_remaining_minutes" + labels, 180.0)
        .containsEntry("soak_runner_heartbeat_timestamp_seconds" + labels, 1.7614800E9)
        .containsEntry("soak_runner_last_verdict" + labels, 2.0)
        .containsEntry("soak_alert_min_severity" + labels, 2.0)
        .containsEntry(
            "soak_runner_cycles_total{env=\"prod\",exchange=\"bybit\",outcome=\"crit\"}", 2.0)
        .containsEntry("soak_alerts_debounced_total" + labels, 1.0)
        .containsEntry("soak_runner_cycle_duration_seconds_count" + labels, 2.0)
        .containsEntry("soak_runner_last_cycle_timestamp_seconds" + labels, 1.7614800E9)
        .containsEntry("soak_runner_start_time_seconds" + labels, 1.7614800E9)
        .containsEntry("soak_runner_interval_seconds" + labels, 0.0)
        .containsEntry("soak_alert_debounce_window_minutes" + labels, 180.0)
        .containsEntry(
            "soak_runner_build_info{env=\"prod\",exchange=\"bybit\",version=\"dev\"}", 1.0);
    assertThat(samples.keySet())
        .anyMatch(k -> k.startsWith("soak_redis_export_consecutive_failures"));
  }

  private static String scrape(String log) {
    Matcher m = Pattern.compile("Metrics at (http://\\S+/metrics)").matcher(log);
    assertThat(m.find()).as(log).isTrue();
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      return r.body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Prometheus text format: {@code name{labels} value} per sample line. */
  static Map<String, Double> parse(String text) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  private static Set<String> metricNames(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      names.add(m.group(1).replaceAll("_(bucket|count|sum)$", ""));
    }
    return names;
  }

  @Test
  void theDashboardAndRulesUseOnlyTheRunnersMetricNamesAndTheDashboardUsesThemAll()
      throws Exception {
    Set<String> known = new TreeSet<>(RunnerMetrics.NAMES);
    Set<String> inDashboard = metricNames(Files.readString(DASHBOARD));
    Set<String> inRules = metricNames(String.join("\n", ruleExpressions().values()));
    assertThat(known).containsAll(inDashboard).containsAll(inRules);
    assertThat(inDashboard).containsAll(known);
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(DASHBOARD.toFile()))
        .isNotNull();
  }

  /** Alert name -> expression, read from the rules file. */
  private static Map<String, String> ruleExpressions() throws java.io.IOException {
    Map<String, String> rules = new java.util.LinkedHashMap<>();
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(RULES.toFile());
    for (com.fasterxml.jackson.databind.JsonNode group : root.path("groups")) {
      for (com.fasterxml.jackson.databind.JsonNode rule : group.path("rules")) {
        rules.put(rule.path("alert").asText(), rule.path("expr").asText());
      }
    }
    return rules;
  }

  /**
   * The scenarios in ops/prometheus/tests (healthy at interval 60, a killed runner among three, a
   * hung runner, restarts inside a debounce window, Redis down, a failing channel) hold, and every
   * rule is exercised by at least one of them.
   */
  @Test
  void promtoolUnitTestsOfEveryRulePass() throws Exception {
    Path dir = PROJECT.resolve("ops/prometheus/tests");
    List<String> files;
    try (var listing = Files.list(dir)) {
      files =
          listing.filter(f -> f.toString().endsWith(".yml")).map(Path::toString).sorted().toList();
    }
    assertThat(files).as("promtool test files in " + dir).isNotEmpty();
    String tests = String.join("\n", files.stream().map(f -> read(Path.of(f))).toList());
    for (String alert : ruleExpressions().keySet()) {
      assertThat(tests).as("a promtool scenario for " + alert).contains("alertname: " + alert);
    }
    List<String> command = new java.util.ArrayList<>(List.of(promtool(), "test", "rules"));
    command.addAll(files);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(ended).as("promtool test rules ended within 120 s").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).doesNotContain("FAILED");
    assertThat(out.split("SUCCESS", -1)).hasSize(files.size() + 1);
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** promtool from {@code PROMTOOL} or PATH; fails saying how to get it. */
  private static String promtool() {
    String fromEnv = System.getenv("PROMTOOL");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(
        "promtool is needed to test ops/prometheus rules: install the Debian package"
            + " 'prometheus' (apt-get install prometheus), put promtool on PATH, or set"
            + " PROMTOOL=/path/to/promtool");
  }

  /** Every dashboard query is valid PromQL: promtool checks them as recording rules. */
  @Test
  void everyDashboardQueryParses() throws Exception {
    List<String> exprs = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode panel :
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(DASHBOARD.toFile())
            .path("panels")) {
      for (com.fasterxml.jackson.databind.JsonNode target : panel.path("targets")) {
        exprs.add(
            target.path("expr").asText().replace("$env", "prod").replace("$exchange", "bybit"));
      }
    }
    assertThat(exprs).hasSizeGreaterThan(10);
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    for (int i = 0; i < exprs.size(); i++) {
      rules
          .append("      - record: dashboard:panel_")
          .append(i)
          .append("\n        expr: ")
          .append(
              new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(exprs.get(i)))
          .append('\n');
    }
    Path file = work.resolve("dashboard_rules.yml");
    Files.writeString(file, rules);
    Process p =
        new ProcessBuilder(promtool(), "check", "rules", file.toString())
            .redirectErrorStream(true)
            .start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(ended).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("SUCCESS: " + exprs.size() + " rules found");
  }

  @Test
  void promtoolAcceptsTheAlertRules() throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder("promtool", "check", "rules", RULES.toString())
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "promtool is needed to check ops/prometheus rules: install the Debian package"
              + " 'prometheus' (apt-get install prometheus) or put promtool from"
              + " https://prometheus.io/download/ on PATH",
          e);
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("SUCCESS: " + ruleExpressions().size() + " rules found");
  }
}
