package dev.soakanalyzer.reliability;

import dev.soakanalyzer.cli.CliRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A child JVM for the crash and concurrency tests: runs {@code analyze} again and again, run {@code
 * i} with the clock at {@code firstSecond + i} so every file names its run, and prints {@code done
 * i} after each. Arguments: work dir, iter glob, out dir, first second, runs (-1 = until killed).
 */
public final class ReportWriterChild {
  private ReportWriterChild() {}

  public static void main(String[] args) {
    Path work = Path.of(args[0]);
    long first = Long.parseLong(args[3]);
    long runs = Long.parseLong(args[4]);
    for (long i = 0; runs < 0 || i < runs; i++) {
      Clock clock = Clock.fixed(Instant.ofEpochSecond(first + i), ZoneOffset.UTC);
      CliRunner.Result r =
          CliRunner.run(
              work,
              Map.of(),
              clock,
              "analyze",
              "--iter-glob",
              args[1],
              "--out-dir",
              args[2],
              "--min-windows",
              "1");
      if (r.exitCode() != 0) {
        System.out.println("failed " + i + " exit " + r.exitCode() + ": " + r.err().strip());
        System.exit(3);
      }
      System.out.println("done " + i);
      System.out.flush();
    }
  }
}
