package dev.soakanalyzer.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training run of an AOT cache (scripts/build-runtime.sh): several command lines, separated by
 * {@code ::}, run one after the other in one JVM. A JDK 25 cache holds what its one training run
 * loaded, so this is how one cache learns e.g. {@code --version}, {@code --help}, a bad option and
 * {@code analyze} over both a {@code **} and a one-directory glob. Exit codes are ignored: a
 * failing line is trained on purpose.
 */
public final class AotTraining {
  private AotTraining() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    List<String> line = new ArrayList<>();
    for (String a : Arrays.copyOf(args, args.length + 1)) {
      if (a == null || a.equals("::")) {
        out.println("[training] " + String.join(" ", line));
        Main.run(line.toArray(String[]::new), out, err, System.getenv(), Clock.systemUTC());
        line.clear();
      } else {
        line.add(a);
      }
    }
    out.flush();
    err.flush();
    // As Main.main ends: exiting loads classes of its own (the JDK logs Runtime.exit).
    System.exit(0);
  }
}
