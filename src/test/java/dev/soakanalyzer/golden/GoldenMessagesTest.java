package dev.soakanalyzer.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.alert.AlertText;
import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.report.PrCommentRenderer;
import dev.soakanalyzer.core.report.StepSummaryRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The messages rendered from an analysis outside the four reports: the PR comment, the job summary
 * and the alert text, for every golden scenario that produces an analysis. Expected files live in
 * {@code <scenario>/expected-messages/}; regenerate with {@code -Dgolden.update=true}.
 */
class GoldenMessagesTest {
  private static final Path GOLDEN = CliRunner.projectDir().resolve("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final List<String> ARTIFACTS =
      List.of(
          "POST_SOAK_ANALYSIS.md", "RECOMMENDATIONS.md", "VIOLATIONS.json", "SOAK_SUMMARY.json");

  static Stream<String> scenarios() throws Exception {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs
          .filter(d -> Files.isDirectory(d.resolve("expected-messages")) || UPDATE)
          .filter(d -> !d.getFileName().toString().startsWith("no-window"))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void prCommentJobSummaryAndAlertTextMatchTheGoldenFiles(String scenario, @TempDir Path tmp)
      throws Exception {
    Path dir = GOLDEN.resolve(scenario);
    List<String> args = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#") && !line.strip().equals("analyze")) {
        args.add(line.strip().replace("${FIXTURES}", CliRunner.fixtures().toString()));
      }
    }
    Analysis a = CliRunner.analysisOf(dir, tmp, args.toArray(String[]::new));
    Map<String, String> produced = new TreeMap<>();
    produced.put(
        "PR_COMMENT.md",
        PrCommentRenderer.render(
            a,
            PrCommentRenderer.Options.of("reports/analysis", ARTIFACTS, null),
            Optional.empty()));
    produced.put(
        "STEP_SUMMARY.md",
        StepSummaryRenderer.render(
            a, new StepSummaryRenderer.Options("reports/analysis", ARTIFACTS, 1 << 20)));
    produced.put("ALERT.txt", AlertText.summary(a, "prod", "bybit"));

    Path expectedDir = dir.resolve("expected-messages");
    if (UPDATE) {
      Files.createDirectories(expectedDir);
      for (var e : produced.entrySet()) {
        Files.writeString(expectedDir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    for (var e : produced.entrySet()) {
      assertThat(e.getValue())
          .as(scenario + "/expected-messages/" + e.getKey())
          .isEqualTo(Files.readString(expectedDir.resolve(e.getKey()), StandardCharsets.UTF_8));
    }
    // Rendering is a pure function of the analysis: a second rendering is identical.
    assertThat(AlertText.summary(a, "prod", "bybit")).isEqualTo(produced.get("ALERT.txt"));
  }
}
