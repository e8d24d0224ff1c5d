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
    PrintWriter out, PrintWriter err, Map<String, String> environment, Clock clock, Path workDir) {

  public CliContext {
    environment = Map.copyOf(environment);
  }

  public Console console(boolean verbose) {
    return new Console(out, err, verbose);
  }
}
