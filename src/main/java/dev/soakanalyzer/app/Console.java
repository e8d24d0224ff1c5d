package dev.soakanalyzer.app;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where the tool talks to people: results and {@code [INFO]} lines on out, {@code warn:} and {@code
 * error:} lines on err. One line per message; injected so tests capture everything.
 */
public final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean verbose;

  public Console(PrintWriter out, PrintWriter err, boolean verbose) {
    this.out = Objects.requireNonNull(out);
    this.err = Objects.requireNonNull(err);
    this.verbose = verbose;
  }

  public Console verbose(boolean on) {
    return new Console(out, err, on);
  }

  public boolean isVerbose() {
    return verbose;
  }

  /** Plain output (reports, tables). */
  public void print(String text) {
    out.print(text);
    out.flush();
  }

  /** A structured log line on stdout: {@code [INFO] message}. */
  public void info(String message) {
    out.println("[INFO] " + message);
    out.flush();
  }

  /** Only printed with --verbose. */
  public void debug(String message) {
    if (verbose) {
      out.println("[DEBUG] " + message);
      out.flush();
    }
  }

  /** {@code warn: message} on stderr. */
  public void warn(String message) {
    err.println("warn: " + message);
    err.flush();
  }

  /** {@code error: message} on stderr. */
  public void error(String message) {
    err.println("error: " + message);
    err.flush();
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }
}
