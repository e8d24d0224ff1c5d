package dev.soakanalyzer.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/bench.sh: bad arguments are one {@code error:} line and exit 2; a run prints one table
 * row per case with every column filled. The script runs in a copy of the project layout whose
 * {@code bin/soak-analyzer} is a stub (it writes the data set and answers instantly), so the test
 * checks the table, never a time.
 */
class BenchScriptTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));

  @TempDir Path dir;

  private record Result(int exit, String stdout, String stderr) {}

  private Result run(Path script, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", script.toString()));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("BENCH_DIR", dir.resolve("data").toString());
    // java -version of the JVM running this test stands in for the runtime's.
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bench.sh finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void badArgumentsAreOneErrorLineNamingTheFlag() throws Exception {
    Path script = PROJECT.resolve("scripts/bench.sh").toAbsolutePath();
    String[][] cases = {
      {"--runs", "0"},
      {"--runs", "x"},
      {"--cases", "3x"},
      {"--cases", "version,4y2"},
      {"--cases", "cycle5x2"},
      {"--bogus"}
    };
    for (String[] args : cases) {
      Result r = run(script, args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.stderr().lines().toList())
          .as(String.join(" ", args))
          .hasSize(1)
          .first()
          .asString()
          .startsWith("error: ")
          .contains(args[0]);
    }
  }

  @Test
  void printsOneRowPerCaseWithRatiosAndVerdicts() throws Exception {
    Path root = dir.resolve("project");
    Files.createDirectories(root.resolve("scripts"));
    Files.createDirectories(root.resolve("bin"));
    Files.createDirectories(root.resolve("target"));
    Files.copy(PROJECT.resolve("scripts/bench.sh"), root.resolve("scripts/bench.sh"));
    Files.writeString(root.resolve("target/soak-analyzer.jar"), "stub");
    Path stub = root.resolve("bin/soak-analyzer");
    Files.writeString(
        stub,
        """
        #!/usr/bin/env bash
        # Stub: `bench --symbols S --windows W --dir D --generate-only` writes S*W flat files;
        # `bench ... --cycle` prints the line the real one prints.
        if [ "$1" = bench ]; then
          while [ $# -gt 0 ]; do
            case "$1" in --symbols) s=$2; shift ;; --windows) w=$2; shift ;; --dir) d=$2; shift ;;
              --cycle) echo "CYCLE first_ms=30 second_ms=2 cold_inprocess_ms=20 files=1 new=100"; exit 0 ;;
            esac
            shift
          done
          mkdir -p "$d"
          for ((i = 0; i < w; i++)); do for ((j = 0; j < s; j++)); do
            echo '{}' > "$d/ITER_SUMMARY_${i}_SYM${j}.json"
          done; done
        fi
        echo "stub $*"
        """,
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));

    Result r =
        run(
            root.resolve("scripts/bench.sh"),
            "--runs",
            "1",
            "--cases",
            "version,2x3,cycle100x1",
            "--peer",
            "ls {dir} > /dev/null && test -n {glob}");

    assertThat(r.exit()).as(r.stderr()).isZero();
    List<String> rows = r.stdout().lines().filter(l -> l.startsWith("| ")).toList();
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0))
        .startsWith("| case | files | ours | I/O floor | java -version | peer |");
    String[] version = cells(rows.get(1));
    assertThat(version[0]).isEqualTo("version");
    assertThat(version[3]).isEqualTo("-"); // no files, no floor
    assertThat(version[7]).matches("\\d+\\.\\d\\dx");
    assertThat(version[10]).matches("<= 1.2x java: (met|NOT met)");
    String[] data = cells(rows.get(2));
    assertThat(data[0]).isEqualTo("2x3");
    assertThat(data[1]).isEqualTo("6");
    for (int c : new int[] {2, 3, 4, 5}) {
      assertThat(data[c]).as("column %d", c).matches("\\d+\\.\\d{3} s");
    }
    for (int c : new int[] {6, 7, 8}) {
      assertThat(data[c]).as("column %d", c).matches("\\d+\\.\\d\\dx");
    }
    assertThat(data[9]).matches("\\d+ MB");
    assertThat(rows.get(3))
        .startsWith("| case | files | second cycle | cold analyze | cycle/cold |");
    String[] cycle = cells(rows.get(4));
    assertThat(cycle[0]).isEqualTo("cycle100x1");
    assertThat(cycle[1]).isEqualTo("200"); // 100 x 1 and the 100 new ones
    assertThat(cycle[2]).isEqualTo("0.002 s"); // the runner's second cycle, as bench --cycle says
    assertThat(cycle[3]).matches("\\d+\\.\\d{3} s");
    assertThat(cycle[4]).matches("\\d+\\.\\d\\dx");
    assertThat(cycle[5]).isEqualTo("0.020 s");
    assertThat(cycle[6]).isEqualTo("0.10x");
    assertThat(cycle[8]).matches("<= 0.10x cold analyze: (met|NOT met)");
    assertThat(r.stdout()).contains("load average at start: ").contains("peer: ls {dir}");
  }

  private static String[] cells(String row) {
    String inner = row.substring(2, row.length() - 2);
    return Arrays.stream(inner.split(" \\| ")).map(String::trim).toArray(String[]::new);
  }
}
