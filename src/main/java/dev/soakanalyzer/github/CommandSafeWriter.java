package dev.soakanalyzer.github;

import java.io.IOException;
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
    String trimmed = s.stripLeading();
    return trimmed.startsWith("::") ? ZWSP + s : s;
  }
}
