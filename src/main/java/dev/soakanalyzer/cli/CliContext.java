package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command may touch of the outside world, injected so tests run in-process: output
 * streams, environment, clock and working directory.
 */
public record CliContext(
    PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock, Path workDir) {

  public CliContext {
    env = Map.copyOf(env);
  }

  public Console console(boolean verbose) {
    return new Console(out, err, verbose);
  }

  /** An environment variable, or null when unset or blank. */
  public String env(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }
}
