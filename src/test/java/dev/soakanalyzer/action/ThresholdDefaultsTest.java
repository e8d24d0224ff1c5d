package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.core.model.DefaultThresholds;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.Threshold;
import dev.soakanalyzer.core.model.ThresholdSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default thresholds are written once (DefaultThresholds); the help text, both action manifests
 * and the README show exactly those values.
 */
class ThresholdDefaultsTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theStandardThresholdSetIsBuiltFromTheWrittenDefaults() {
    Map<String, String> d = DefaultThresholds.byFlag();
    assertThat(ThresholdSet.STANDARD.defaults())
        .containsEntry(MetricCatalog.EDGE, threshold(d, "edge"))
        .containsEntry(MetricCatalog.MAKER_TAKER, threshold(d, "maker"))
        .containsEntry(MetricCatalog.LATENCY, threshold(d, "lat"))
        .containsEntry(MetricCatalog.RISK, threshold(d, "risk"));
  }

  @Test
  void bothActionManifestsDefaultEveryThresholdInputToTheWrittenDefault() throws IOException {
    for (String manifest : new String[] {"action.yml", "cli/action.yml"}) {
      JsonNode inputs = YAML.readTree(PROJECT.resolve(manifest).toFile()).path("inputs");
      DefaultThresholds.byFlag()
          .forEach(
              (flag, value) ->
                  assertThat(inputs.path(flag).path("default").asText())
                      .as(manifest + " input " + flag)
                      .isEqualTo(value));
    }
  }

  @Test
  void theReadmeFlagTableShowsTheWrittenDefaults() throws IOException {
    String readme = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
    Map<String, String> d = DefaultThresholds.byFlag();
    for (String metric : new String[] {"edge", "maker", "lat", "risk"}) {
      assertThat(readme)
          .as("README row of --warn-" + metric)
          .contains(
              "| `--warn-"
                  + metric
                  + "` / `--crit-"
                  + metric
                  + "` | `"
                  + d.get("warn-" + metric)
                  + "` / `"
                  + d.get("crit-" + metric)
                  + "` |");
    }
  }

  @Test
  void theHelpOfAnalyzeShowsTheWrittenDefaults() {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {"analyze", "--help"},
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            Map.of(),
            Clock.systemUTC());
    assertThat(code).isZero();
    String help = out.toString().replaceAll("\\s+", " ");
    DefaultThresholds.byFlag()
        .forEach(
            (flag, value) ->
                assertThat(help)
                    .as("help of --" + flag)
                    .containsPattern(
                        "--"
                            + flag
                            + "=\\S+ \\S+ when [^(]*\\(default: "
                            + value.replace(".", "\\.")
                            + "\\)"));
  }

  private static Threshold threshold(Map<String, String> d, String metric) {
    return new Threshold(
        Double.parseDouble(d.get("warn-" + metric)), Double.parseDouble(d.get("crit-" + metric)));
  }
}
