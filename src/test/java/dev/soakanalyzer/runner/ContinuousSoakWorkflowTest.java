package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's hourly CI integration: one cycle per run, secrets from the repository. */
class ContinuousSoakWorkflowTest {
  private static final Path WORKFLOWS =
      Path.of(System.getProperty("soak.project.dir", ".")).resolve(".github/workflows");

  private static JsonNode read(String file) throws Exception {
    return new YAMLMapper().readTree(WORKFLOWS.resolve(file).toFile());
  }

  private static List<String> names(JsonNode steps) {
    List<String> out = new ArrayList<>();
    steps.forEach(s -> out.add(s.path("name").asText(s.path("uses").asText())));
    return out;
  }

  @Test
  void oneCyclePerHourWithSecretsFromTheRepository() throws Exception {
    JsonNode root = read("continuous-soak.yml");
    JsonNode on = root.has("on") ? root.path("on") : root.path("true");
    assertThat(on.path("schedule").get(0).path("cron").asText()).isEqualTo("0 * * * *");
    JsonNode job = root.path("jobs").path("cycle");
    assertThat(job.path("env").path("REDIS_URL").asText())
        .isEqualTo("${{ secrets.REDIS_URL_DEV }}");
    assertThat(job.path("env").path("TELEGRAM_BOT_TOKEN").asText()).startsWith("${{ secrets.");
    assertThat(job.path("env").path("SLACK_WEBHOOK_URL").asText()).startsWith("${{ secrets.");
    String run = "";
    for (JsonNode s : job.path("steps")) {
      if (s.path("name").asText().startsWith("Run Continuous Soak")) {
        run = s.path("run").asText();
      }
    }
    assertThat(run).contains("bin/soak-analyzer run").contains("--max-iterations 1");
  }

  @Test
  void theLocalStateIsCarriedFromRunToRunAroundTheCycle() throws Exception {
    List<String> steps =
        names(read("continuous-soak.yml").path("jobs").path("cycle").path("steps"));
    int restore = steps.indexOf("Restore local runner state");
    int run = steps.indexOf("Run Continuous Soak (single cycle for CI)");
    int save = steps.indexOf("Save local runner state");
    assertThat(restore).isNotNegative().isLessThan(run);
    assertThat(save).isGreaterThan(run);
  }

  @Test
  void noRunScriptInterpolatesAnExpressionSoNoInputCanInjectShell() throws Exception {
    for (String file : List.of("continuous-soak.yml", "alert-selftest.yml")) {
      for (JsonNode job : read(file).path("jobs")) {
        for (JsonNode s : job.path("steps")) {
          assertThat(s.path("run").asText()).as(file + ": " + s.path("name")).doesNotContain("${{");
        }
      }
    }
  }

  @Test
  void theSoakArtefactIsDownloadedBeforeTheCycleAndNoWindowsIsARedRun() throws Exception {
    JsonNode job = read("continuous-soak.yml").path("jobs").path("cycle");
    List<String> steps = names(job.path("steps"));
    int download = steps.indexOf("Download the soak run's windows");
    int run = steps.indexOf("Run Continuous Soak (single cycle for CI)");
    assertThat(download).isNotNegative().isLessThan(run);
    String fetch = job.path("steps").get(download).path("run").asText();
    assertThat(fetch)
        .contains("gh run download")
        .contains("--dir artifacts/soak/latest")
        .contains("holds no ITER_SUMMARY_*.json\"; exit 1");
    JsonNode cycle = job.path("steps").get(run);
    assertThat(cycle.path("shell").asText()).isEqualTo("bash");
    assertThat(cycle.path("run").asText())
        .contains("| tee cycle.log")
        .contains("CONTINUOUS_METRICS verdict=FAIL\" cycle.log; then");
    assertThat(read("continuous-soak.yml").path("permissions").path("actions").asText())
        .isEqualTo("read");
  }
}
