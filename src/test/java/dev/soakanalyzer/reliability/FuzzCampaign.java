package dev.soakanalyzer.reliability;

import dev.soakanalyzer.ingest.FuzzInputs;
import dev.soakanalyzer.ingest.ParseOutcomes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The long fuzz run of issue 7, run by hand (not part of the suite):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   dev.soakanalyzer.reliability.FuzzCampaign 1000000 20000 target/fuzz-crashes
 * </pre>
 *
 * Arguments: parser executions, full {@code analyze} executions, directory for crashing inputs.
 * Each execution uses its own seed (printed with any crash) so every finding replays exactly.
 */
public final class FuzzCampaign {
  private FuzzCampaign() {}

  public static void main(String[] args) throws IOException {
    long parses = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    long analyses = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
    Path crashes = Path.of(args.length > 2 ? args[2] : "target/fuzz-crashes");
    long base = args.length > 3 ? Long.parseLong(args[3]) : 20_251_021L;
    Files.createDirectories(crashes);

    long t0 = System.nanoTime();
    long slowest = 0;
    long slowestSeed = 0;
    long bytes = 0;
    int found = 0;
    for (long i = 0; i < parses; i++) {
      long seed = base + i;
      byte[] input = FuzzInputs.next(new Random(seed));
      bytes += input.length;
      long s = System.nanoTime();
      String problem = ParseOutcomes.violation(input);
      long took = System.nanoTime() - s;
      if (took > slowest) {
        slowest = took;
        slowestSeed = seed;
      }
      if (problem != null) {
        found++;
        Files.write(crashes.resolve("parse-" + seed + ".bin"), input);
        System.out.println("CRASH parse seed=" + seed + ": " + firstLine(problem));
      }
      if ((i + 1) % 100_000 == 0) {
        System.out.printf("parse %,d done, %d crashes%n", i + 1, found);
      }
    }
    long t1 = System.nanoTime();
    System.out.printf(
        "PARSE executions=%,d crashes=%d input_bytes=%,d seconds=%.1f slowest_ms=%.1f (seed %d)%n",
        parses, found, bytes, (t1 - t0) / 1e9, slowest / 1e6, slowestSeed);

    Path work = Files.createTempDirectory("fuzz-campaign");
    int analyzeFound = 0;
    long slowestAnalyze = 0;
    for (long i = 0; i < analyses; i++) {
      long seed = base + i;
      Random r = new Random(seed);
      boolean verbose = r.nextBoolean();
      long s = System.nanoTime();
      String problem = AnalyzeOutcomes.violation(work, HostileFiles.next(r), verbose);
      slowestAnalyze = Math.max(slowestAnalyze, System.nanoTime() - s);
      if (problem != null) {
        analyzeFound++;
        Files.writeString(crashes.resolve("analyze-" + seed + ".txt"), problem);
        System.out.println("CRASH analyze seed=" + seed + ": " + firstLine(problem));
      }
      if ((i + 1) % 5_000 == 0) {
        System.out.printf("analyze %,d done, %d crashes%n", i + 1, analyzeFound);
      }
    }
    AnalyzeOutcomes.reset(work);
    Files.delete(work);
    System.out.printf(
        "ANALYZE executions=%,d crashes=%d seconds=%.1f slowest_ms=%.1f%n",
        analyses, analyzeFound, (System.nanoTime() - t1) / 1e9, slowestAnalyze / 1e6);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
