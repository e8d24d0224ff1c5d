package dev.soakanalyzer.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per scenario under {@code src/test/resources/golden/}: {@code args} (one CLI argument
 * per line, {@code ${FIXTURES}} = the bundled fixtures), optional {@code input/}, and {@code
 * expected/} holding every report, {@code stdout.txt}, {@code stderr.txt} and {@code exit-code}.
 * Each scenario runs twice (identical output required) with the clock fixed. Regenerate expected
 * files with {@code mvn test -Dtest=GoldenReportsTest -Dgolden.update=true} and review the diff.
 */
class GoldenReportsTest {
  private static final Path GOLDEN = CliRunner.projectDir().resolve("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String HTML = "SOAK_REPORT.html";
  private static final String HTML_DATA = "SOAK_REPORT.data.json";

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      List<String> names =
          dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).as("golden scenarios").isNotEmpty();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void reportsMatchTheGoldenFilesAndAreStableAcrossRuns(String scenario, @TempDir Path tmp)
      throws IOException {
    Path dir = GOLDEN.resolve(scenario);
    Map<String, String> first = runScenario(dir, tmp.resolve("run1"));
    Map<String, String> second = runScenario(dir, tmp.resolve("run2"));
    assertThat(second).as("second run of " + scenario + " is identical").isEqualTo(first);

    Path expectedDir = dir.resolve("expected");
    if (UPDATE) {
      if (Files.isDirectory(expectedDir)) {
        try (Stream<Path> old = Files.list(expectedDir)) {
          for (Path p : old.toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(expectedDir);
      for (var e : first.entrySet()) {
        Files.writeString(expectedDir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(expectedDir)) {
      for (Path p : files.toList()) {
        expected.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(first.keySet()).as("files produced by " + scenario).isEqualTo(expected.keySet());
    for (var e : expected.entrySet()) {
      assertThat(first.get(e.getKey())).as(scenario + "/" + e.getKey()).isEqualTo(e.getValue());
    }
  }

  private static Map<String, String> runScenario(Path dir, Path out) throws IOException {
    List<String> args = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("args"), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        args.add(line.strip().replace("${FIXTURES}", CliRunner.fixtures().toString()));
      }
    }
    args.add("--out-dir");
    args.add(out.toString());
    var result = CliRunner.run(dir, Map.of(), args.toArray(String[]::new));
    Map<String, String> produced = new TreeMap<>();
    if (Files.isDirectory(out)) {
      try (Stream<Path> files = Files.list(out)) {
        for (Path p : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
          String name = p.getFileName().toString();
          String text = Files.readString(p, StandardCharsets.UTF_8);
          if (name.equals(HTML)) {
            // The page's data, pretty-printed; its template, script and library are HtmlReport*'s.
            produced.put(HTML_DATA, scrub(HtmlPages.prettyData(text), out));
          } else {
            produced.put(name, text);
          }
        }
      }
    }
    produced.put("stdout.txt", scrub(result.out(), out));
    produced.put("stderr.txt", scrub(result.err(), out));
    produced.put("exit-code", result.exitCode() + "\n");
    return produced;
  }

  private static String scrub(String text, Path out) {
    return text.replace(out.toString(), "<OUT>")
        .replace(CliRunner.fixtures().toString(), "<FIXTURES>");
  }
}
