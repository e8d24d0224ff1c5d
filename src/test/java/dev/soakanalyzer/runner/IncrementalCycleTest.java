package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.alert.ViolationSignature;
import dev.soakanalyzer.app.AnalysisJob;
import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ReportOptions;
import dev.soakanalyzer.core.analysis.AnalysisMemo;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.ingest.ParsedFileCache;
import dev.soakanalyzer.testsupport.MutableClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's incremental cycles against a cold analysis of the same files, cycle by cycle, over a
 * data set that grows, has a file changed in place (same size, new mtime), one deleted, a duplicate
 * window and an unreadable file: the reports and the warnings must be the same.
 */
class IncrementalCycleTest {
  private static final String GLOB = "data/ITER_SUMMARY_*.json";
  private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT"};

  @TempDir Path work;

  private final MutableClock clock = MutableClock.at("2025-10-26T12:00:00Z");
  private final StringWriter incrementalWarnings = new StringWriter();
  private final AnalysisJob.Incremental kept = AnalysisJob.Incremental.fresh();
  private final ParsedFileCache cache = kept.files();
  private final AnalysisMemo memo = kept.analyses();
  private AnalysisStep incremental;

  @Test
  void everyCycleEqualsAColdAnalysisAndReadsOnlyWhatChanged() throws Exception {
    Files.createDirectories(work.resolve("data"));
    Console console =
        new Console(
            new PrintWriter(new StringWriter()), new PrintWriter(incrementalWarnings, true), false);
    incremental = AnalysisStep.of(new AnalysisJob(clock, console), request("inc"), kept);

    // Cycle 1: 30 windows of two symbols, a retry file repeating window 5, a broken file.
    for (int w = 1; w <= 30; w++) {
      writeWindow(w);
    }
    write("ITER_SUMMARY_5_BTCUSDT_retry.json", window(5, "BTCUSDT", 1.5));
    write("ITER_SUMMARY_99_BROKEN.json", "{\"symbol\": ");
    assertThat(cycleEqualsCold())
        .contains("skipped data/ITER_SUMMARY_99_BROKEN.json")
        .contains(
            "duplicate window 5 for BTCUSDT: data/ITER_SUMMARY_5_BTCUSDT_retry.json replaces"
                + " data/ITER_SUMMARY_5_BTCUSDT.json");
    assertThat(cache.lastReads()).isEqualTo(62);
    assertThat(cache.lastReused()).isZero();

    // Cycle 2: nothing changed: nothing is parsed again but the broken file (never kept).
    cycleEqualsCold();
    assertThat(cache.lastReads()).isEqualTo(1);
    assertThat(cache.lastReused()).isEqualTo(61);
    assertThat(memo.lastComputed()).isZero();
    assertThat(memo.lastReused()).isEqualTo(2);
    assertThat(kept.violations().lastRendered()).isZero();

    // Cycle 3: 10 windows added, one file rewritten in place with the same size, one deleted.
    for (int w = 31; w <= 40; w++) {
      writeWindow(w);
    }
    Path changed = work.resolve("data/ITER_SUMMARY_10_BTCUSDT.json");
    long size = Files.size(changed);
    FileTime before = Files.getLastModifiedTime(changed);
    String rewritten = window(10, "BTCUSDT", 9.0);
    assertThat(rewritten.getBytes(StandardCharsets.UTF_8)).hasSize((int) size);
    Files.writeString(changed, rewritten);
    Files.setLastModifiedTime(changed, FileTime.fromMillis(before.toMillis() + 1000));
    Files.delete(work.resolve("data/ITER_SUMMARY_3_ETHUSDT.json"));
    cycleEqualsCold();
    assertThat(cache.lastReads()).isEqualTo(20 + 1 + 1);
    assertThat(cache.lastReused()).isEqualTo(61 - 1 - 1);
    assertThat(cache.size()).isEqualTo(61 - 1 + 20);
    assertThat(reports("inc").get("VIOLATIONS.json")).contains("p95_latency_ms");
    assertThat(memo.lastComputed()).isEqualTo(2);

    // Cycle 4: the retry file vanishes (window 5 is the original's again), the broken one is
    // repaired, and the deleted window comes back.
    Files.delete(work.resolve("data/ITER_SUMMARY_5_BTCUSDT_retry.json"));
    write("ITER_SUMMARY_99_BROKEN.json", window(99, "ETHUSDT", 2.0));
    writeWindow(3); // ETHUSDT's is new, BTCUSDT's rewritten (same bytes, new mtime)
    assertThat(cycleEqualsCold()).doesNotContain("skipped").doesNotContain("duplicate window");
    assertThat(cache.lastReads()).isEqualTo(1 + 2);
    assertThat(cache.size()).isEqualTo(80 - 1 + 1 + 1);
  }

  @Test
  void otherSettingsReadEverythingAgain() throws Exception {
    Files.createDirectories(work.resolve("data"));
    for (int w = 1; w <= 3; w++) {
      writeWindow(w);
    }
    Console console =
        new Console(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
    AnalysisJob job = new AnalysisJob(clock, console);
    AnalysisJob.Incremental kept = AnalysisJob.Incremental.fresh();
    job.run(request("inc"), kept);
    job.run(request("inc"), kept);
    assertThat(kept.files().lastReads()).isZero();
    AnalysisSettings defaults = AnalysisSettings.defaults();
    AnalysisSettings onlyBtc =
        new AnalysisSettings(
            defaults.catalog(),
            defaults.thresholds(),
            defaults.minWindows(),
            defaults.timeBuckets(),
            java.util.List.of("BTCUSDT"),
            defaults.defaultSymbol());
    job.run(
        new AnalysisRequest(
            work, GLOB, onlyBtc, new ReportOptions(Path.of("inc"), true, false, null)),
        kept);
    assertThat(kept.files().lastReads()).isEqualTo(6);
    assertThat(kept.files().lastReused()).isZero();
  }

  @Test
  void onlyTheSymbolsOfChangedFilesAreAssembledAgain() throws Exception {
    Files.createDirectories(work.resolve("data"));
    Console console =
        new Console(
            new PrintWriter(new StringWriter()), new PrintWriter(incrementalWarnings, true), false);
    incremental = AnalysisStep.of(new AnalysisJob(clock, console), request("inc"), kept);
    String[] symbols = {"AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT"};
    // Flat files: no window field, the window is the name's number.
    for (int w = 1; w <= 10; w++) {
      for (String s : symbols) {
        writeFlat(w + "_" + s, s, w, 1.0);
      }
    }
    cycleEqualsCold();
    assertThat(cache.lastAssembled()).isEqualTo(4);

    // One new window of one symbol: only that symbol is assembled and analysed.
    writeFlat("11_AAAUSDT", "AAAUSDT", 11, 1.0);
    cycleEqualsCold();
    assertThat(cache.lastAssembled()).isEqualTo(1);
    assertThat(memo.lastComputed()).isEqualTo(1);

    // A new symbol, a vanished file, and a duplicate window of a symbol not otherwise touched.
    writeFlat("1_EEEUSDT", "EEEUSDT", 1, 1.0);
    Files.delete(work.resolve("data/ITER_SUMMARY_3_BBBUSDT.json"));
    writeFlat("5_CCCUSDT_retry", "CCCUSDT", 5, 3.0);
    assertThat(cycleEqualsCold())
        .contains(
            "duplicate window 5 for CCCUSDT: data/ITER_SUMMARY_5_CCCUSDT_retry.json replaces");
    assertThat(cache.lastAssembled()).isEqualTo(3);

    // Nothing changed: the symbol with the duplicate is assembled again, so its warning is there.
    assertThat(cycleEqualsCold()).contains("duplicate window 5 for CCCUSDT");
    assertThat(cache.lastAssembled()).isEqualTo(1);

    // A file whose name has no number is numbered by its position; a file sorting before it
    // moves that position, so its symbol is assembled again although its files did not change.
    writeFlat("last_DDDUSDT", "DDDUSDT", 0, 2.0);
    cycleEqualsCold();
    writeFlat("0_AAAUSDT", "AAAUSDT", 0, 1.0);
    cycleEqualsCold();
    assertThat(cache.lastAssembled()).isEqualTo(3); // AAA, DDD, and CCC with its duplicate

    // Every file of a symbol vanishes: so does its series.
    try (Stream<Path> list = Files.list(work.resolve("data"))) {
      for (Path p : (Iterable<Path>) list::iterator) {
        if (p.getFileName().toString().contains("DDDUSDT")) {
          Files.delete(p);
        }
      }
    }
    cycleEqualsCold();
    assertThat(reports("inc").get("SOAK_SUMMARY.json")).doesNotContain("DDDUSDT");
  }

  private void writeFlat(String name, String symbol, int w, double factor) throws IOException {
    write(
        "ITER_SUMMARY_" + name + ".json",
        String.format(
            Locale.ROOT,
            "{\"symbol\": \"%s\", \"edge_bps\": %.3f, \"maker_taker_ratio\": 0.850,"
                + " \"p95_latency_ms\": %.1f, \"risk_ratio\": 0.300}",
            symbol,
            3.0 - 0.01 * w * factor,
            200.0 + 4.0 * w * factor));
  }

  /** Runs one incremental cycle and one cold analysis and compares every report and warning. */
  private String cycleEqualsCold() throws Exception {
    incrementalWarnings.getBuffer().setLength(0);
    AnalysisStep.Result result = incremental.analyze();
    StringWriter coldWarnings = new StringWriter();
    Console cold =
        new Console(
            new PrintWriter(new StringWriter()), new PrintWriter(coldWarnings, true), false);
    new AnalysisJob(clock, cold).run(request("cold"));

    assertThat(result.summaryFile()).exists();
    Map<String, String> inc = reports("inc");
    assertThat(inc).containsKeys("SOAK_SUMMARY.json", "VIOLATIONS.json");
    assertThat(inc).isEqualTo(reports("cold"));
    assertThat(incrementalWarnings.toString()).isEqualTo(coldWarnings.toString());
    // The runner's alert signature, read from the cells, is the one the violations give.
    assertThat(ViolationSignature.of(result.analysis()))
        .isEqualTo(ViolationSignature.of(result.analysis().violations()));
    clock.advance(java.time.Duration.ofHours(1));
    return coldWarnings.toString();
  }

  private AnalysisRequest request(String out) {
    return new AnalysisRequest(
        work,
        GLOB,
        AnalysisSettings.defaults(),
        new ReportOptions(Path.of(out), true, false, null));
  }

  private Map<String, String> reports(String out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(work.resolve(out))) {
      for (Path p : (Iterable<Path>) list::iterator) {
        String name = p.getFileName().toString();
        if (!name.startsWith(".")) {
          files.put(name, Files.readString(p));
        }
      }
    }
    return files;
  }

  private void writeWindow(int w) throws IOException {
    for (String symbol : SYMBOLS) {
      write("ITER_SUMMARY_" + w + "_" + symbol + ".json", window(w, symbol, 1.0));
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(work.resolve("data").resolve(name), text);
  }

  /** One window; latency grows with the window number, so later cycles see a rising trend. */
  private static String window(int w, String symbol, double factor) {
    return String.format(
        Locale.ROOT,
        "{\"iteration\": %d, \"symbol\": \"%s\", \"edge_bps\": %.3f, \"maker_taker_ratio\": 0.850,"
            + " \"p95_latency_ms\": %.1f, \"risk_ratio\": 0.300}",
        w,
        symbol,
        3.0 - 0.01 * w * factor,
        200.0 + 4.0 * w * factor);
  }
}
