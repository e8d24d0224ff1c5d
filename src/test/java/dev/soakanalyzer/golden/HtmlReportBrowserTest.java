package dev.soakanalyzer.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.bench.DataSetGenerator;
import dev.soakanalyzer.bench.Shape;
import dev.soakanalyzer.cli.CliRunner;
import dev.soakanalyzer.reliability.InjectionTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SOAK_REPORT.html in headless Chromium, opened from {@code file://} as a person opens it: no
 * console error, no request, no CSP violation; the filter box filters; clicking a WARN or CRIT row
 * shows its chart with that level's band and the violating window drawn in the level's colour; the
 * zoom buttons and a drag across the plot narrow the window axis; the tooltip names window, value
 * and file. Hostile symbols, file names and metadata (the reliability suite's, and ones aimed at
 * the script element) stay text and run nothing. The screenshots and the load timings (3 x 48 and
 * 1000 x 100; recorded, never asserted) stay in {@code target/html-report/}. With {@code
 * -Dreadme.screenshot=true} the English report's first screen is copied to docs/img/.
 */
class HtmlReportBrowserTest {
  private static final long DEADLINE_MINUTES = 8;
  private static final Path PROJECT = CliRunner.projectDir();
  private static final Path HARNESS = PROJECT.resolve("render-check");
  private static final Path OUT = PROJECT.resolve("target/html-report");
  private static final String HTML = "SOAK_REPORT.html";

  /** Aimed at the page itself: ending the data's script element, comments, line separators. */
  static final List<String> SCRIPT_BREAKERS =
      List.of(
          "</script><img src=x onerror=alert(1)>",
          "</SCRIPT ><script>window.__pwned=1</script>",
          "<!--<script>",
          "x\u2028y\u2029z",
          "\"};alert(1);//");

  @Test
  void theReportLoadsOfflineFiltersZoomsAndKeepsHostileTextAsText() throws Exception {
    String chromium = RenderCheckTest.requireChromium();
    requireHarness();
    Files.createDirectories(OUT);
    ObjectMapper json = new ObjectMapper();
    ArrayNode manifest = json.createArrayNode();

    Path warn = analyze("warn-en", "fixtures/soak_warn/ITER_SUMMARY_*.json", "--lang", "en");
    entry(manifest, "warn-en", warn).put("status", "WARN").put("filter", "eth");
    Path crit = analyze("crit-ru", "fixtures/soak_crit/ITER_SUMMARY_*.json");
    entry(manifest, "crit-ru", crit).put("status", "CRIT");
    List<String> hostile = new ArrayList<>(InjectionTest.HOSTILE_SYMBOLS);
    hostile.addAll(SCRIPT_BREAKERS);
    Path hostilePage = hostileReport(hostile);
    ArrayNode texts =
        entry(manifest, "hostile", hostilePage).put("status", "CRIT").putArray("texts");
    hostile.forEach(texts::add);
    Path small = generated(3, 48);
    entry(manifest, "generated-3x48", small).put("status", "CRIT");
    Path large = generated(1000, 100);
    entry(manifest, "generated-1000x100", large).put("status", "CRIT").put("filter", "SYM0099");

    assertThat(Files.size(small)).as("3 x 48 page bytes").isLessThanOrEqualTo(1_000_000);
    assertThat(Files.size(large)).as("1000 x 100 page bytes").isLessThanOrEqualTo(25_000_000);

    JsonNode report =
        RenderHarness.run(HARNESS, "html-report.js", manifest, OUT, chromium, DEADLINE_MINUTES);
    List<String> problems = new ArrayList<>();
    StringBuilder timings = new StringBuilder();
    for (JsonNode page : report.path("pages")) {
      String name = page.path("name").asText();
      timings.append(
          String.format(
              "%-20s %10d bytes  load %6d ms  script starts %6d ms  data parsed %6d ms"
                  + "  first chart %6d ms  JS heap %6.1f MB%n",
              name,
              page.path("bytes").asLong(),
              page.path("loadMs").asLong(),
              page.path("scriptStartMs").asLong(),
              page.path("dataParsedMs").asLong(),
              page.path("firstChartMs").asLong(),
              page.path("heapMB").asDouble()));
      page.path("requests").forEach(r -> problems.add(name + ": request " + r.asText()));
      page.path("consoleErrors").forEach(e -> problems.add(name + ": console " + e.asText()));
      page.path("dialogs").forEach(d -> problems.add(name + ": dialog " + d.asText()));
      page.path("csp").forEach(c -> problems.add(name + ": CSP violation " + c.asText()));
      assertThat(page.path("openCharts").asInt()).as(name + ": failing cells open").isPositive();
      cell(name, page.path("cell"));
      JsonNode filter = page.path("filter");
      if (!filter.isMissingNode()) {
        assertThat(filter.path("rows").asInt())
            .as(name + ": rows matching the filter")
            .isPositive();
        assertThat(filter.path("rows").asInt())
            .as(name + ": the filter hides rows")
            .isLessThan(filter.path("rowsAfterClear").asInt());
        assertThat(filter.path("allMatch").asBoolean()).as(name + ": rows shown match").isTrue();
      }
      for (JsonNode t : page.path("texts")) {
        assertThat(t.path("inTable").asBoolean())
            .as(name + ": symbol shown verbatim as text: " + t.path("text").asText())
            .isTrue();
      }
      if (page.has("injected")) {
        assertThat(page.path("injected").path("images").asInt()).as(name + ": elements").isZero();
        assertThat(page.path("injected").path("scripts").asInt())
            .as(name + ": scripts")
            .isEqualTo(3);
        assertThat(page.path("injected").path("pwned").asBoolean()).as(name + ": ran").isFalse();
      }
    }
    Files.writeString(OUT.resolve("timings.txt"), timings, StandardCharsets.UTF_8);
    assertThat(problems)
        .as("browser problems; timings in target/html-report/timings.txt")
        .isEmpty();
    assertThat(report.path("pages")).hasSize(manifest.size());
    if (Boolean.getBoolean("readme.screenshot")) {
      Files.copy(
          OUT.resolve("warn-en.png"),
          PROJECT.resolve("docs/img/soak-report.png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The chart library in the jar (unpacked from its WebJar by the build) is byte for byte the file
   * of the npm package that render-check/package-lock.json pins by integrity and npm ci verified.
   */
  @Test
  void theBundledChartLibraryIsTheOneTheNpmLockFilePins() throws IOException {
    requireHarness();
    for (String file : List.of("uPlot.iife.min.js", "uPlot.min.css")) {
      byte[] npm = Files.readAllBytes(HARNESS.resolve("node_modules/uplot/dist").resolve(file));
      try (var in =
          dev.soakanalyzer.core.report.HtmlReportRenderer.class.getResourceAsStream(
              "html/uplot/" + file)) {
        assertThat(in).as("jar resource html/uplot/" + file).isNotNull();
        assertThat(in.readAllBytes()).as(file + " in the jar and in npm's package").isEqualTo(npm);
      }
    }
    JsonNode lock = new ObjectMapper().readTree(HARNESS.resolve("package-lock.json").toFile());
    String pom = Files.readString(PROJECT.resolve("pom.xml"));
    String version = lock.at("/packages/node_modules~1uplot/version").asText();
    assertThat(pom)
        .as("pom's uplot.version")
        .contains("<uplot.version>" + version + "</uplot.version>");
  }

  /** The opened cell's chart: its band and marker in the level's colour, zoom, tooltip. */
  private static void cell(String name, JsonNode cell) {
    String level = cell.path("status").asText();
    JsonNode drawn = cell.path("drawn");
    assertThat(cell.path("closedBeforeClick").asBoolean()).as(name + ": row closed").isTrue();
    assertThat(drawn.path("bands").asText()).as(name + ": bands").isEqualTo("WARN,CRIT");
    int[] marker = rgba(drawn.path("marker"));
    int[] band = rgba(drawn.path("band"));
    if (level.equals("CRIT")) {
      // #cf222e: the CRIT marker; its band is the same red, translucent.
      assertThat(marker[0]).as(name + ": CRIT marker red " + drawn).isGreaterThan(180);
      assertThat(marker[1]).as(name + ": CRIT marker red " + drawn).isLessThan(90);
      assertThat(band[0]).as(name + ": CRIT band " + drawn).isGreaterThan(band[1] + 100);
    } else {
      // #bf8700: the WARN marker; its band amber.
      assertThat(marker[0]).as(name + ": WARN marker amber " + drawn).isGreaterThan(150);
      assertThat(marker[2]).as(name + ": WARN marker amber " + drawn).isLessThan(60);
      assertThat(band[0]).as(name + ": WARN band " + drawn).isGreaterThan(band[2] + 100);
    }
    assertThat(band[3]).as(name + ": band drawn " + drawn).isPositive();
    double min = drawn.path("xMin").asDouble();
    double max = drawn.path("xMax").asDouble();
    for (String after : List.of("afterButton", "afterDrag")) {
      double lo = cell.path(after).get(0).asDouble();
      double hi = cell.path(after).get(1).asDouble();
      assertThat(hi - lo)
          .as(name + ": " + after + " narrows the window axis")
          .isLessThan(max - min);
      assertThat(lo).as(name + ": " + after).isGreaterThanOrEqualTo(min);
    }
    String tip = cell.path("tip").path("text").asText();
    assertThat(cell.path("tip").path("visible").asBoolean()).as(name + ": tooltip").isTrue();
    assertThat(tip)
        .as(name + ": tooltip")
        .contains("#" + drawn.path("window").asInt())
        .contains(".json");
  }

  private static int[] rgba(JsonNode px) {
    return new int[] {px.get(0).asInt(), px.get(1).asInt(), px.get(2).asInt(), px.get(3).asInt()};
  }

  private static ObjectNode entry(ArrayNode manifest, String name, Path page) {
    return manifest.addObject().put("name", name).put("file", page.toString());
  }

  private static Path analyze(String name, String glob, String... extra) throws IOException {
    Path out = OUT.resolve(name);
    List<String> args =
        new ArrayList<>(List.of("analyze", "--iter-glob", glob, "--out-dir", out.toString()));
    args.addAll(List.of(extra));
    CliRunner.Result r = CliRunner.run(PROJECT, Map.of(), args.toArray(String[]::new));
    assertThat(r.exitCode()).as(name + ": " + r.err()).isZero();
    return out.resolve(HTML);
  }

  /** Hostile symbols (CRIT edge), hostile file names and metadata, three windows. */
  private static Path hostileReport(List<String> symbols) throws IOException {
    Path work = OUT.resolve("hostile-input");
    Path in = Files.createDirectories(work.resolve("in"));
    try (var old = Files.list(in)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (int w = 1; w <= 3; w++) {
      ObjectNode doc = json.createObjectNode().put("window_index", w);
      for (String s : symbols) {
        doc.putObject(s).put("edge_bps", 1.0 + w).put("p95_latency_ms", 300 + 50 * w);
      }
      doc.putObject("meta")
          .put("commit", "<script>window.__pwned=1</script>")
          .put("profile", "<img src=x onerror=\"window.__pwned=1\">")
          .put("source", "</script><!--");
      String file =
          w == 2 ? "ITER_SUMMARY_2 <b onmouseover=alert(1)>.json" : "ITER_SUMMARY_" + w + ".json";
      Files.writeString(in.resolve(file), json.writeValueAsString(doc), StandardCharsets.UTF_8);
    }
    Files.writeString(
        in.resolve("ITER_SUMMARY_9 <script>alert(1).json"), "{not json", StandardCharsets.UTF_8);
    CliRunner.Result r =
        CliRunner.run(
            work,
            Map.of(),
            "analyze",
            "--iter-glob",
            "in/*",
            "--out-dir",
            "out",
            "--min-windows",
            "1");
    assertThat(r.exitCode()).as("hostile: " + r.err()).isZero();
    return work.resolve("out").resolve(HTML);
  }

  private static Path generated(int symbols, int windows) throws IOException {
    String name = "generated-" + symbols + "x" + windows;
    Path data = OUT.resolve(name + "-input");
    if (!Files.isDirectory(data)) {
      DataSetGenerator.generate(data, symbols, windows, Shape.FLAT, 42);
    }
    return analyze(name, data + "/ITER_SUMMARY_*.json", "--lang", "en");
  }

  private static void requireHarness() {
    for (String module : List.of("playwright-core", "uplot")) {
      if (!Files.isDirectory(HARNESS.resolve("node_modules").resolve(module))) {
        fail(
            "render-check/node_modules/"
                + module
                + " is missing: run npm ci in render-check/ (cd render-check && npm ci)");
      }
    }
  }
}
