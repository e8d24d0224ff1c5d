package dev.soakanalyzer.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.CliRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports are replaced whole: a writer killed with SIGKILL in the middle of writing leaves every
 * report exactly as some complete run wrote it, and two concurrent {@code analyze} processes into
 * one out-dir leave a set of four files from one and the same run.
 */
class AtomicReportsTest {
  private static final Pattern GENERATED =
      Pattern.compile("Generated: (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d) UTC");
  private static final long FIRST_A = 1_000_000_000L;
  private static final long FIRST_B = 1_500_000_000L;

  @TempDir Path work;

  /** Many symbols so a report set is megabytes and the kill lands inside a write. */
  private void writeInput(String dir, int symbols, double edge) throws IOException {
    Path in = Files.createDirectories(work.resolve(dir));
    for (int w = 1; w <= 6; w++) {
      StringBuilder sb = new StringBuilder("{\"window_index\":" + w);
      for (int s = 0; s < symbols; s++) {
        sb.append(",\"SYM")
            .append(s)
            .append("\":{\"edge_bps\":")
            .append(edge + (s % 7) * 0.01 + w * 0.001)
            .append(",\"maker_taker_ratio\":0.9,\"p95_latency_ms\":")
            .append(200 + s % 300)
            .append(",\"risk_ratio\":0.3}");
      }
      Files.writeString(in.resolve("ITER_SUMMARY_" + w + ".json"), sb.append('}'));
    }
  }

  private Process child(String glob, String outDir, long first, long runs) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            ReportWriterChild.class.getName(),
            work.toString(),
            glob,
            outDir,
            Long.toString(first),
            Long.toString(runs))
        .redirectErrorStream(true)
        .start();
  }

  /** The report set a complete run at that second writes, rendered in-process for comparison. */
  private final Map<String, Map<String, String>> expected = new HashMap<>();

  private Map<String, String> expectedSet(String glob, long second) throws IOException {
    String key = glob + "@" + second;
    if (!expected.containsKey(key)) {
      String out = "expected/" + expected.size();
      Clock clock = Clock.fixed(Instant.ofEpochSecond(second), ZoneOffset.UTC);
      CliRunner.Result r =
          CliRunner.run(
              work,
              Map.of(),
              clock,
              "analyze",
              "--iter-glob",
              glob,
              "--out-dir",
              out,
              "--min-windows",
              "1");
      assertThat(r.exitCode()).as(r.err()).isZero();
      Map<String, String> set = new HashMap<>();
      for (String report : AnalyzeOutcomes.REPORTS) {
        set.put(report, Files.readString(work.resolve(out).resolve(report)));
      }
      expected.put(key, set);
    }
    return expected.get(key);
  }

  private static long secondOf(String markdown) {
    Matcher m = GENERATED.matcher(markdown);
    assertThat(m.find()).as("Generated: line in\n%s", head(markdown)).isTrue();
    return java.time.LocalDateTime.parse(m.group(1).replace(' ', 'T'))
        .toEpochSecond(ZoneOffset.UTC);
  }

  private static String head(String s) {
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  private static Map<String, String> read(Path out) throws IOException {
    Map<String, String> set = new HashMap<>();
    for (String report : AnalyzeOutcomes.REPORTS) {
      set.put(report, Files.readString(out.resolve(report), StandardCharsets.UTF_8));
    }
    return set;
  }

  private static List<Path> tempFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  void aWriterKilledMidWriteLeavesEveryReportAsACompleteRunWroteIt() throws Exception {
    writeInput("in", 1500, 2.2);
    Path out = work.resolve("out");
    int rounds = 0;
    int midWriteKills = 0;
    // Bounded: stop once a kill has provably landed inside a write (a temp file left behind).
    Files.createDirectories(out);
    while (rounds < 5 && midWriteKills == 0) {
      rounds++;
      try (WatchService watcher = out.getFileSystem().newWatchService()) {
        out.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        Process p = child("in/*.json", "out", FIRST_A + rounds * 1000L, -1);
        try (BufferedReader lines =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          assertThat(lines.readLine()).as("child output").isEqualTo("done 0");
          killWhenATempFileAppears(watcher, p);
        }
      }
      if (!tempFiles(out).isEmpty()) {
        midWriteKills++;
      }
      Map<String, String> found = read(out);
      String md = found.get("POST_SOAK_ANALYSIS.md");
      String summary = found.get("SOAK_SUMMARY.json");
      // Each file on its own must be exactly what some complete run wrote.
      assertThat(md).isEqualTo(expectedSet("in/*.json", secondOf(md)).get("POST_SOAK_ANALYSIS.md"));
      assertThat(summary)
          .isEqualTo(expectedSet("in/*.json", secondOfSummary(summary)).get("SOAK_SUMMARY.json"));
      for (String timeless : List.of("VIOLATIONS.json", "RECOMMENDATIONS.md")) {
        assertThat(found.get(timeless))
            .as("%s after kill in round %d", timeless, rounds)
            .isEqualTo(expectedSet("in/*.json", secondOf(md)).get(timeless));
      }
    }
    assertThat(midWriteKills)
        .as("kills that landed inside a write in %d rounds", rounds)
        .isPositive();

    // The dead writer's lock went with it: the next run writes a whole new set.
    CliRunner.Result next =
        CliRunner.run(
            work,
            Map.of(),
            "analyze",
            "--iter-glob",
            "in/*.json",
            "--out-dir",
            "out",
            "--min-windows",
            "1");
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(read(out)).isEqualTo(expectedSet("in/*.json", CliRunner.FIXED_NOW.getEpochSecond()));
  }

  /** SIGKILL as soon as the next run creates a temp file, i.e. in the middle of its writes. */
  private static void killWhenATempFileAppears(WatchService watcher, Process p)
      throws InterruptedException {
    WatchKey key;
    for (int drained = 0; drained < 1000 && (key = watcher.poll()) != null; drained++) {
      key.pollEvents(); // events of the run that already finished
      key.reset();
    }
    boolean tempSeen = false;
    for (int events = 0; !tempSeen && events < 10_000 && p.isAlive(); events++) {
      key = watcher.poll(1, TimeUnit.MINUTES);
      if (key == null) {
        break;
      }
      tempSeen = key.pollEvents().stream().anyMatch(e -> e.context().toString().endsWith(".tmp"));
      key.reset();
    }
    p.destroyForcibly();
    p.waitFor();
  }

  private static long secondOfSummary(String json) {
    Matcher m = Pattern.compile("\"generated_at_utc\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    assertThat(m.find()).as("generated_at_utc in\n%s", head(json)).isTrue();
    return Instant.parse(m.group(1).endsWith("Z") ? m.group(1) : m.group(1) + "Z").getEpochSecond();
  }

  @Test
  void twoConcurrentAnalyzeRunsIntoOneOutDirNeverInterleave() throws Exception {
    writeInput("inA", 400, 3.0); // all OK
    writeInput("inB", 400, 1.5); // all CRIT
    Path out = Files.createDirectories(work.resolve("out"));
    int runs = 8;
    Process a = child("inA/*.json", "out", FIRST_A, runs);
    Process b = child("inB/*.json", "out", FIRST_B, runs);
    List<String> seen = new ArrayList<>();
    try (FileChannel lockFile =
        FileChannel.open(
            out.resolve(".soak-analyzer.lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE)) {
      // Observe under the writers' own lock while they race; bounded number of looks.
      for (int look = 0; look < 400 && (a.isAlive() || b.isAlive()); look++) {
        try (FileLock ignored = lockFile.lock()) {
          if (Files.exists(out.resolve("SOAK_SUMMARY.json"))) {
            seen.add(assertOneRun(read(out)));
          }
        }
      }
    }
    assertThat(a.waitFor()).as(new String(a.getInputStream().readAllBytes())).isZero();
    assertThat(b.waitFor()).as(new String(b.getInputStream().readAllBytes())).isZero();
    seen.add(assertOneRun(read(out)));
    assertThat(tempFiles(out)).isEmpty();
    assertThat(seen).isNotEmpty();
  }

  /** All four files come from one run of one writer; returns which. */
  private String assertOneRun(Map<String, String> set) throws IOException {
    long second = secondOf(set.get("POST_SOAK_ANALYSIS.md"));
    String glob = second >= FIRST_B ? "inB/*.json" : "inA/*.json";
    Map<String, String> whole = expectedSet(glob, second);
    for (String report : AnalyzeOutcomes.REPORTS) {
      assertThat(set.get(report))
          .as("%s of the run at %d", report, second)
          .isEqualTo(whole.get(report));
    }
    return glob + "@" + second;
  }
}
