package dev.soakanalyzer.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.soakanalyzer.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every golden PR comment and job summary rendered the way GitHub renders them: GitHub-flavoured
 * Markdown, each Mermaid block through the real {@code mermaid} package (a 10.x and an 11.x
 * release), in headless Chromium, from {@code file://} only. Fails on any Mermaid syntax error and
 * on a table wider than its column (780 px in a PR conversation, 1012 px in a job summary). The
 * screenshots stay in {@code target/render-check/} for a person to look at.
 */
class RenderCheckTest {
  static final int COMMENT_COLUMN_PX = 780;
  static final int SUMMARY_COLUMN_PX = 1012;
  private static final long DEADLINE_MINUTES = 5;

  private static final Path PROJECT = CliRunner.projectDir();
  private static final Path HARNESS = PROJECT.resolve("render-check");
  private static final Path GOLDEN = PROJECT.resolve("src/test/resources/golden");
  private static final Path OUT = PROJECT.resolve("target/render-check");

  @Test
  void everyGoldenCommentAndSummaryRendersWithoutMermaidErrorsAndFitsItsColumn() throws Exception {
    String chromium = requireChromium();
    requireHarness();
    List<Path[]> pages = goldenPages();
    assertThat(pages).as("golden PR comments and job summaries").isNotEmpty();

    ObjectMapper json = new ObjectMapper();
    ArrayNode manifest = json.createArrayNode();
    java.util.Map<String, Path> byName = new java.util.HashMap<>();
    for (Path[] p : pages) {
      String scenario = p[0].getParent().getParent().getFileName().toString();
      String name = scenario + "__" + p[0].getFileName().toString().replace(".md", "");
      boolean comment = p[0].getFileName().toString().startsWith("PR_COMMENT");
      byName.put(name, p[0]);
      manifest
          .addObject()
          .put("name", name)
          .put("file", p[0].toString())
          .put("column", comment ? COMMENT_COLUMN_PX : SUMMARY_COLUMN_PX);
    }
    JsonNode report =
        RenderHarness.run(HARNESS, "render.js", manifest, OUT, chromium, DEADLINE_MINUTES);
    assertThat(report.path("blocked")).as("requests that tried to leave the machine").isEmpty();
    StringBuilder widths = new StringBuilder();
    List<String> problems = new ArrayList<>();
    assertThat(report.path("pages"))
        .as("pages rendered (each with Mermaid 10 and 11)")
        .hasSize(pages.size() * 2);
    for (JsonNode page : report.path("pages")) {
      String label = page.path("name").asText() + " [" + page.path("mermaid").asText() + "]";
      int column = page.path("column").asInt();
      int widest = page.path("widest").asInt();
      widths.append(
          String.format(
              "%-70s widest table %4d px of %4d px, %2d charts  %s%n",
              label,
              widest,
              column,
              page.path("charts").asInt(),
              page.path("screenshot").asText()));
      for (JsonNode e : page.path("mermaidErrors")) {
        problems.add(label + ": Mermaid error " + e.asText());
      }
      for (JsonNode e : page.path("consoleErrors")) {
        problems.add(label + ": browser error " + e.asText());
      }
      if (widest > column) {
        problems.add(label + ": a table is " + widest + " px wide, the column " + column + " px");
      }
      assertThat(Files.isRegularFile(Path.of(page.path("screenshot").asText())))
          .as("screenshot of " + label)
          .isTrue();
      long blocks =
          Files.readString(byName.get(page.path("name").asText()))
              .lines()
              .filter(l -> l.equals("```mermaid"))
              .count();
      assertThat(page.path("charts").asLong()).as("charts drawn in " + label).isEqualTo(blocks);
    }
    Files.writeString(OUT.resolve("widths.txt"), widths, StandardCharsets.UTF_8);
    assertThat(problems)
        .as("rendering problems (widths in target/render-check/widths.txt)")
        .isEmpty();
  }

  /** The golden PR_COMMENT.md and STEP_SUMMARY.md files, as one-element arrays. */
  private static List<Path[]> goldenPages() throws IOException {
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      return files
          .filter(p -> p.getParent().getFileName().toString().equals("expected-messages"))
          .filter(
              p ->
                  p.getFileName().toString().equals("PR_COMMENT.md")
                      || p.getFileName().toString().equals("STEP_SUMMARY.md"))
          .sorted()
          .map(p -> new Path[] {p})
          .toList();
    }
  }

  /** CHROMIUM_PATH, else Debian's chromium, else a chromium-browser or google-chrome on PATH. */
  static String requireChromium() {
    String configured = System.getenv("CHROMIUM_PATH");
    List<Path> candidates = new ArrayList<>();
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    } else {
      candidates.add(Path.of("/usr/bin/chromium"));
      String path = System.getenv("PATH");
      for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
        if (!dir.isBlank()) {
          for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            candidates.add(Path.of(dir, name));
          }
        }
      }
    }
    for (Path c : candidates) {
      if (Files.isExecutable(c)) {
        return c.toString();
      }
    }
    return fail(
        "no Chromium ("
            + candidates.get(0)
            + "): install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary");
  }

  private static void requireHarness() {
    for (String module : List.of("playwright-core", "marked", "mermaid10", "mermaid11")) {
      if (!Files.isDirectory(HARNESS.resolve("node_modules").resolve(module))) {
        fail(
            "render-check/node_modules/"
                + module
                + " is missing: run npm ci in render-check/ (cd render-check && npm ci)");
      }
    }
  }
}
