package dev.soakanalyzer.github;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Objects;

/**
 * A log writer for text that may carry input-file content (symbol names, file names, notes). The
 * runner treats a line starting with {@code ::} as a workflow command and, for the legacy syntax,
 * {@code ##[command]} anywhere in a line; a zero-width space defuses both, so a crafted symbol name
 * cannot add an annotation, a mask or stop the log. Our own commands use {@link WorkflowCommands}
 * on the raw writer.
 */
public final class CommandSafeWriter extends Writer {
  private static final char ZWSP = '\u200B';

  private final Writer out;
  private final StringBuilder line = new StringBuilder();

  public CommandSafeWriter(Writer out) {
    this.out = Objects.requireNonNull(out);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      line.append(cbuf[i]);
      if (cbuf[i] == '\n') {
        out.write(defuse(line));
        line.setLength(0);
      }
    }
  }

  /** Emits a pending partial line too (defused on its own). */
  @Override
  public void flush() throws IOException {
    if (line.length() > 0) {
      out.write(defuse(line));
      line.setLength(0);
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  static String defuse(CharSequence text) {
    String s = text.toString().replace("##[", "##" + ZWSP + "[");
    int i = 0;
    while (i < s.length() && isRunnerSpace(s.charAt(i))) {
      i++;
    }
    return s.startsWith("::", i) ? ZWSP + s : s;
  }

  /**
   * What the runner trims before looking for {@code ::}: every Unicode space (NBSP, U+2007 and
   * U+202F included, which Java's {@code strip()} keeps) and the line controls.
   */
  static boolean isRunnerSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u0085'
        || c == '\uFEFF'
        || c == '\u180E';
  }

  /** A print writer whose every line goes through the guard; {@link #raw()} is for our commands. */
  public static final class Guarded extends PrintWriter {
    private final PrintWriter raw;

    Guarded(PrintWriter raw) {
      super(new CommandSafeWriter(raw), true);
      this.raw = raw;
    }

    public PrintWriter raw() {
      return raw;
    }
  }

  /** {@code out} guarded (once: guarding a guarded writer returns it). */
  public static PrintWriter guard(PrintWriter out) {
    return out instanceof Guarded ? out : new Guarded(out);
  }

  /** The writer below the guard, for our own workflow commands. */
  public static PrintWriter raw(PrintWriter out) {
    return out instanceof Guarded g ? g.raw() : out;
  }
}
