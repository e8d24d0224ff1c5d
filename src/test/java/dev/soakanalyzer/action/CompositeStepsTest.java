package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite action's own steps, run on Linux as the runner runs them: each {@code ${{ ... }}}
 * replaced (inputs, github context, earlier steps' outputs), the step's shell and env, a fresh
 * GITHUB_OUTPUT per step. A GHES host without release assets, a github.com stand-in that has the
 * jar, and a runner whose only Java is a {@code JAVA_HOME_<major>_X64} variable: the jar is
 * downloaded from the fallback (a notice says so), Java is used by its full path (nothing added to
 * PATH or JAVA_HOME), and the analysis writes the outputs. The Windows twins cannot run here; they
 * are checked to carry the same env and to use Git Bash by its full path.
 */
class CompositeStepsTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

  @TempDir Path work;
  private HttpServer releases;
  private final List<String> asked = new ArrayList<>();

  @AfterEach
  void stop() {
    if (releases != null) {
      releases.stop(0);
    }
  }

  private static JsonNode step(JsonNode composite, String id) {
    for (JsonNode s : composite.at("/runs/steps")) {
      if (id.equals(s.path("id").asText())) {
        return s;
      }
    }
    throw new AssertionError("no step " + id);
  }

  /** The runner's substitution, for the expressions the composite uses. */
  private static String substitute(String text, Map<String, String> context) {
    Matcher m = EXPR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expr = m.group(1);
      String value = "";
      for (String alt : expr.split("\\s*\\|\\|\\s*")) {
        value = alt.startsWith("format(") ? "" : context.getOrDefault(alt, "");
        if (!value.isEmpty()) {
          break;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Map<String, String> runBashStep(
      JsonNode step, Map<String, String> context, Map<String, String> machineEnv) throws Exception {
    assertThat(step.path("shell").asText()).isEqualTo("bash");
    Path output = Files.createTempFile(work, "output", "");
    Path script = Files.createTempFile(work, "step", ".sh");
    Files.writeString(script, substitute(step.path("run").asText(), context));
    ProcessBuilder pb =
        new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
            .directory(work.resolve("workspace").toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("log.txt").toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("JAVA_HOME") || k.startsWith("INPUT_"));
    env.putAll(machineEnv);
    env.put("GITHUB_OUTPUT", output.toString());
    var stepEnv = step.path("env").fields();
    while (stepEnv.hasNext()) {
      var e = stepEnv.next();
      env.put(e.getKey(), substitute(e.getValue().asText(), context));
    }
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(work.resolve("log.txt"));
    asked.add(log);
    Map<String, String> outputs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(output)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        outputs.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    outputs.put("exit", Integer.toString(p.exitValue()));
    outputs.put("log", log);
    return outputs;
  }

  @Test
  void onGhesTheJarComesFromTheFallbackJavaFromTheRunnerAndTheAnalysisRuns() throws Exception {
    byte[] jarBytes = launcherJar();
    List<String> paths = java.util.Collections.synchronizedList(new ArrayList<>());
    releases = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    releases.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          paths.add(path);
          if (path.equals(
              "/github.com/acme/soak-analyzer/releases/download/v2.3.4/soak-analyzer.jar")) {
            ex.sendResponseHeaders(200, jarBytes.length);
            ex.getResponseBody().write(jarBytes);
          } else {
            ex.sendResponseHeaders(404, -1);
          }
          ex.close();
        });
    releases.start();
    String base = "http://127.0.0.1:" + releases.getAddress().getPort();

    Path workspace = work.resolve("workspace");
    Path fixtures = workspace.resolve("fixtures/soak_crit");
    Files.createDirectories(fixtures);
    try (Stream<Path> files = Files.list(PROJECT.resolve("fixtures/soak_crit"))) {
      for (Path f : files.toList()) {
        Files.copy(f, fixtures.resolve(f.getFileName()));
      }
    }
    Path runnerTemp = Files.createDirectories(work.resolve("runner_temp"));
    JsonNode composite = YAML.readTree(PROJECT.resolve("cli/action.yml").toFile());

    Map<String, String> machine = new HashMap<>();
    machine.put("RUNNER_TEMP", runnerTemp.toString());
    machine.put("GITHUB_ACTION_PATH", PROJECT.resolve("cli").toString());
    machine.put("GITHUB_WORKSPACE", workspace.toString());
    machine.put("GITHUB_EVENT_NAME", "push");
    machine.put("JAVA_HOME_21_X64", System.getProperty("java.home"));
    machine.put("SOAK_JAR_FALLBACK_SERVER", base + "/github.com");
    Map<String, String> context = new HashMap<>();
    context.put("github.action_ref", "v2.3.4");
    context.put("github.action_repository", "acme/soak-analyzer");
    context.put("github.server_url", base + "/ghes.corp.example");
    context.put("runner.os", "Linux");

    Map<String, String> found = runBashStep(step(composite, "jar"), context, machine);
    assertThat(found.get("exit")).as(found.get("log")).isEqualTo("0");
    assertThat(found.get("log"))
        .contains(
            "::notice::soak-analyzer.jar downloaded from "
                + base
                + "/github.com/acme/soak-analyzer/releases/download/v2.3.4/soak-analyzer.jar");
    assertThat(paths).first().asString().startsWith("/ghes.corp.example/");
    assertThat(found)
        .containsEntry("java", System.getProperty("java.home") + "/bin/java")
        .containsEntry("path", runnerTemp.resolve("soak-analyzer/soak-analyzer.jar").toString())
        .doesNotContainKey("java-missing");

    context.put("steps.jar.outputs.java", found.get("java"));
    context.put("steps.jar.outputs.path", found.get("path"));
    context.put("inputs.iter-glob", "fixtures/soak_crit/ITER_SUMMARY_*.json");
    var inputs = composite.get("inputs").fields();
    while (inputs.hasNext()) {
      var in = inputs.next();
      context.putIfAbsent("inputs." + in.getKey(), in.getValue().path("default").asText(""));
    }
    context.put("inputs.github-token", "");
    Map<String, String> analyzed = runBashStep(step(composite, "analyze"), context, machine);
    assertThat(analyzed.get("exit")).as(analyzed.get("log")).isEqualTo("0");
    assertThat(Files.readString(workspace.resolve("reports/analysis/POST_SOAK_ANALYSIS.md")))
        .contains("CRIT");
    assertThat(workspace.resolve("reports/analysis/SOAK_SUMMARY.json")).isRegularFile();
  }

  /**
   * A stand-in for the released jar: {@code java -jar} runs the CLI's Main from this build's
   * classes (its manifest's Class-Path names them), so the test needs no packaged jar.
   */
  private static byte[] launcherJar() throws IOException {
    StringBuilder classPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
    }
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest
        .getMainAttributes()
        .put(java.util.jar.Attributes.Name.MAIN_CLASS, "dev.soakanalyzer.cli.Main");
    manifest
        .getMainAttributes()
        .put(java.util.jar.Attributes.Name.CLASS_PATH, classPath.toString().strip());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(bytes, manifest)) {
      // the manifest is the whole jar
    }
    return bytes.toByteArray();
  }

  @Test
  void theWindowsTwinsUseGitBashByItsFullPathAndTheSameEnv() throws IOException {
    JsonNode composite = YAML.readTree(PROJECT.resolve("cli/action.yml").toFile());
    for (JsonNode s : composite.at("/runs/steps")) {
      if (s.has("run")) {
        assertThat(s.path("shell").asText()).as(s.path("name").asText()).isIn("bash", "pwsh");
        assertThat(s.path("if").asText()).as(s.path("name").asText()).contains("runner.os");
      }
    }
    assertThat(step(composite, "jar-windows").path("run").asText())
        .contains("\"$env:ProgramFiles\\Git\\bin\\bash.exe\"")
        .contains("fetch-jar.sh");
    assertThat(step(composite, "analyze-windows").get("env"))
        .isEqualTo(step(composite, "analyze").get("env"));
    assertThat(step(composite, "analyze-windows").path("run").asText()).startsWith("& \"");
  }
}
