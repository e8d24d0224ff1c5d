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
  private final java.util.function.Consumer<String> warnings;

  public Console(PrintWriter out, PrintWriter err, boolean verbose) {
    this(out, err, verbose, w -> {});
  }

  private Console(
      PrintWriter out,
      PrintWriter err,
      boolean verbose,
      java.util.function.Consumer<String> warnings) {
    this.out = Objects.requireNonNull(out);
    this.err = Objects.requireNonNull(err);
    this.verbose = verbose;
    this.warnings = Objects.requireNonNull(warnings);
  }

  public Console verbose(boolean on) {
    return new Console(out, err, on, warnings);
  }

  /** The same console that also hands every warning (one line, as printed) to {@code listener}. */
  public Console onWarning(java.util.function.Consumer<String> listener) {
    return new Console(out, err, verbose, listener);
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
    out.println("[INFO] " + oneLine(message));
    out.flush();
  }

  /** Only printed with --verbose. */
  public void debug(String message) {
    if (verbose) {
      out.println("[DEBUG] " + oneLine(message));
      out.flush();
    }
  }

  /** {@code warn: message} on stderr. */
  public void warn(String message) {
    String line = oneLine(message);
    err.println("warn: " + line);
    err.flush();
    warnings.accept(line);
  }

  /** {@code error: message} on stderr. */
  public void error(String message) {
    err.println("error: " + oneLine(message));
    err.flush();
  }

  /**
   * Messages carry file names, symbols and server replies. A newline or CR in them would start a
   * new line that forges a log line or a workflow command ({@code ::error::}, {@code
   * ::set-output}); escape sequences would drive the terminal. They are shown escaped instead.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "null";
    }
    StringBuilder sb = null;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean unsafe = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (unsafe && sb == null) {
        sb = new StringBuilder(message.length() + 16).append(message, 0, i);
      }
      if (sb != null) {
        if (!unsafe) {
          sb.append(c);
        } else if (c == '\n') {
          sb.append("\\n");
        } else if (c == '\r') {
          sb.append("\\r");
        } else if (c == '\t') {
          sb.append("\\t");
        } else {
          sb.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return sb == null ? message : sb.toString();
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }
}
