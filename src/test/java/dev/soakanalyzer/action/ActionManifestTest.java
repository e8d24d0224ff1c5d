package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.soakanalyzer.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two action manifests: the Docker one and the composite one for Windows/macOS runners must
 * offer exactly the inputs and outputs issue 4 lists, and the composite must hand every input to
 * the tool the way the tool reads it. Every workflow and example YAML file must parse.
 */
class ActionManifestTest {

  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static final List<String> INPUTS =
      List.of(
          "iter-glob",
          "min-windows",
          "out-dir",
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
          "exit-on-crit",
          "baseline",
          "baseline-glob",
          "baseline-branch",
          "regression-min-change",
          "fail-on-regression",
          "comment",
          "comment-key",
          "github-token",
          "ca-file",
          "redis-url",
          "env",
          "exchange",
          "ttl",
          "stream",
          "stream-maxlen",
          "step-summary",
          "html");
  static final List<String> OUTPUTS =
      List.of(
          "verdict",
          "crit-count",
          "warn-count",
          "ok-count",
          "windows",
          "summary-path",
          "report-path",
          "path-root",
          "comment-url",
          "regressions",
          "baseline-ref");

  private static JsonNode read(String path) throws IOException {
    return YAML.readTree(PROJECT.resolve(path).toFile());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void theDockerActionHasExactlyTheIssuesInputsAndOutputsWithDescriptions() throws IOException {
    JsonNode action = read("action.yml");

    assertThat(names(action.get("inputs"))).containsExactlyInAnyOrderElementsOf(INPUTS);
    assertThat(names(action.get("outputs"))).containsExactlyInAnyOrderElementsOf(OUTPUTS);
    action.get("inputs").forEach(i -> assertThat(i.path("description").asText()).isNotBlank());
    assertThat(action.at("/inputs/iter-glob/required").asBoolean()).isTrue();
    assertThat(action.at("/inputs/comment/default").asText()).isEqualTo("true");
    assertThat(action.at("/inputs/step-summary/default").asText()).isEqualTo("true");
    assertThat(action.at("/inputs/github-token/default").asText()).isEqualTo("${{ github.token }}");
    assertThat(action.at("/runs/using").asText()).isEqualTo("docker");
    // Between releases a ref builds its own code; release commits pin the image (test below).
    assertThat(action.at("/runs/image").asText()).isEqualTo("Dockerfile");
    assertThat(action.at("/branding/icon").asText()).isNotBlank();
  }

  @Test
  void theReleaseCommitPointsActionYmlAtExactlyItsOwnImage(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("action.yml");
    Files.copy(PROJECT.resolve("action.yml"), copy);
    String ref = "ghcr.io/acme/soak-analyzer:v2.3.4@sha256:" + "0123456789abcdef".repeat(4);

    assertThat(pinImage(ref, copy)).as("exit code").isZero();

    JsonNode pinned = YAML.readTree(copy.toFile());
    assertThat(pinned.at("/runs/image").asText()).isEqualTo("docker://" + ref);
    JsonNode original = read("action.yml");
    assertThat(pinned.get("inputs")).isEqualTo(original.get("inputs"));
    assertThat(pinned.get("outputs")).isEqualTo(original.get("outputs"));
    // A moving tag, a tag without its digest or a mixed-case name would not be the exact,
    // pullable image of the release.
    String digest = ref.substring(ref.indexOf('@'));
    for (String bad :
        List.of(
            "ghcr.io/acme/soak-analyzer:v2" + digest,
            "ghcr.io/acme/soak-analyzer:v2.3.4",
            "ghcr.io/Acme/soak:v2.3.4" + digest)) {
      assertThat(pinImage(bad, copy)).as("exit code for %s", bad).isEqualTo(2);
    }

    String release = Files.readString(PROJECT.resolve(".github/workflows/release.yml"));
    assertThat(release)
        .contains("run: scripts/test")
        .contains("scripts/release-pin-image.sh \"$REF\"")
        .contains("image=\"ghcr.io/${GITHUB_REPOSITORY,,}\"")
        .contains("scripts/release-image.sh build")
        .contains("scripts/release-image.sh push")
        .contains("--platforms linux/amd64,linux/arm64");
  }

  private static int pinImage(String ref, Path file) throws Exception {
    Process p =
        new ProcessBuilder("bash", "scripts/release-pin-image.sh", ref, file.toString())
            .directory(PROJECT.toFile())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  @Test
  void theCompositeActionMirrorsTheDockerOneInputForInputAndOutputForOutput() throws IOException {
    JsonNode docker = read("action.yml");
    JsonNode composite = read("cli/action.yml");

    assertThat(composite.get("inputs")).isEqualTo(docker.get("inputs"));
    assertThat(names(composite.get("outputs")))
        .containsExactlyElementsOf(names(docker.get("outputs")));
    for (String output : OUTPUTS) {
      assertThat(composite.at("/outputs/" + output + "/value").asText())
          .isEqualTo(
              "${{ steps.analyze.outputs."
                  + output
                  + " || steps.analyze-windows.outputs."
                  + output
                  + " }}");
    }
    assertThat(composite.at("/runs/using").asText()).isEqualTo("composite");
  }

  /** The analyze step's env with each {@code ${{ inputs.x }}} replaced as the runner would. */
  private static Map<String, String> analyzeStepEnv(Map<String, String> with) throws IOException {
    JsonNode composite = read("cli/action.yml");
    JsonNode analyze = null;
    for (JsonNode step : composite.at("/runs/steps")) {
      if ("analyze".equals(step.path("id").asText())) {
        analyze = step;
      }
    }
    assertThat(analyze).as("a step with id 'analyze'").isNotNull();
    assertThat(analyze.path("run").asText()).contains(" action");
    Pattern expr = Pattern.compile("\\$\\{\\{\\s*inputs\\.([a-z-]+)\\s*}}");
    Map<String, String> env = new HashMap<>();
    var fields = analyze.get("env").fields();
    while (fields.hasNext()) {
      var f = fields.next();
      Matcher m = expr.matcher(f.getValue().asText());
      assertThat(m.matches()).as(f.getKey()).isTrue();
      String input = m.group(1);
      String dflt = composite.at("/inputs/" + input + "/default").asText("");
      env.put(f.getKey(), with.getOrDefault(input, dflt));
    }
    return env;
  }

  @Test
  void theCompositeForwardsEveryInputUnderTheNameTheToolReads() throws IOException {
    Map<String, String> probe = new HashMap<>();
    INPUTS.forEach(i -> probe.put(i, "value-of-" + i));

    Map<String, String> env = analyzeStepEnv(probe);

    var context = new dev.soakanalyzer.github.ActionContext(env);
    for (String input : INPUTS) {
      assertThat(context.input(input)).as(input).contains("value-of-" + input);
    }
  }

  @Test
  void theCompositeStepRunsTheAnalysisWithTheDefaultsOfItsManifest(@TempDir Path workspace)
      throws IOException {
    Path fixtures = workspace.resolve("fixtures/soak_crit");
    Files.createDirectories(fixtures);
    try (Stream<Path> files = Files.list(PROJECT.resolve("fixtures/soak_crit"))) {
      for (Path f : files.toList()) {
        Files.copy(f, fixtures.resolve(f.getFileName()));
      }
    }
    Map<String, String> env =
        new HashMap<>(
            analyzeStepEnv(
                Map.of(
                    "iter-glob", "fixtures/soak_crit/ITER_SUMMARY_*.json",
                    "exit-on-crit", "true",
                    "github-token", "")));
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_OUTPUT", workspace.resolve("output.txt").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        Main.run(
            new String[] {"action"},
            new PrintWriter(out),
            new PrintWriter(err),
            env,
            Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC));

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(Files.readString(workspace.resolve("output.txt")))
        .contains("verdict<<")
        .contains("\nCRIT\n");
    assertThat(workspace.resolve("reports/analysis/SOAK_SUMMARY.json")).exists();
  }

  @Test
  void everyWorkflowAndExampleYamlParses() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of(".github/workflows", "examples")) {
      try (Stream<Path> s = Files.list(PROJECT.resolve(dir))) {
        s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
            .forEach(files::add);
      }
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      JsonNode doc = YAML.readTree(f.toFile());
      if (doc.isArray()) {
        // A snippet of steps to paste into a job.
        doc.forEach(
            step -> assertThat(step.has("run") || step.has("uses")).as(f.toString()).isTrue());
        continue;
      }
      assertThat(doc.has("jobs")).as(f.toString()).isTrue();
      assertThat(doc.has("on") || doc.has("true")).as(f + " has a trigger").isTrue();
    }
  }

  @Test
  void theWorkflowSnippetsOfTheReadmeAndTheActionGuideAreCompleteWorkflows() throws IOException {
    for (String doc : List.of("README.md", "docs/ACTION.md")) {
      String text = Files.readString(PROJECT.resolve(doc));
      Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(text);
      String snippet = null;
      while (m.find() && snippet == null) {
        if (m.group(1).contains("uses: soak-analyzer/")) {
          snippet = m.group(1);
        }
      }
      assertThat(snippet).as(doc + " has a workflow snippet using the action").isNotNull();
      JsonNode workflow = YAML.readTree(snippet);
      assertThat(workflow.has("on")).as(doc).isTrue();
      JsonNode job = workflow.get("jobs").elements().next();
      assertThat(job.path("runs-on").asText()).as(doc).isNotBlank();
      boolean usesAction = false;
      for (JsonNode step : job.get("steps")) {
        if (step.path("uses").asText().matches("soak-analyzer/soak-analyzer(/cli)?@v2")) {
          usesAction = true;
          assertThat(step.path("id").asText()).isNotBlank();
          List<String> with = names(step.get("with"));
          assertThat(INPUTS).as(doc).containsAll(with).contains("iter-glob");
        }
      }
      assertThat(usesAction).as(doc).isTrue();
    }
  }
}
