package dev.soakanalyzer.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.soakanalyzer.core.model.Violation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * VIOLATIONS.json: the violation events in severity order, {@code []} when none. Streamed with a
 * generator: a long run has hundreds of thousands of events and no tree is needed.
 */
public final class ViolationsJson {
  private ViolationsJson() {}

  public static String render(List<Violation> violations) {
    StringWriter out = new StringWriter(64 + violations.size() * 200);
    try {
      write(violations, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static void write(List<Violation> violations, Writer out) throws IOException {
    try (JsonGenerator g = Json.generator(out)) {
      g.writeStartArray();
      for (Violation v : violations) {
        g.writeStartObject();
        g.writeStringField("symbol", v.symbol());
        g.writeStringField("metric", v.metric());
        g.writeStringField("level", v.level().name());
        g.writeNumberField("window_index", v.windowIndex());
        g.writeNumberField("value", v.value());
        g.writeNumberField("threshold", v.threshold());
        g.writeStringField("note", v.note());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.write('\n');
  }

  /**
   * As above, taking each run of one level and one symbol (the list is in severity order, so a run
   * is contiguous) from {@code memo} when it holds the very same violation objects as last time:
   * the runner's analysis memo hands an unchanged symbol's violations back unchanged, so a cycle
   * renders only the changed symbols' events. Same bytes as {@link #write(List, Writer)}.
   */
  public static void write(List<Violation> violations, Writer out, Memo memo) throws IOException {
    if (violations.isEmpty()) {
      write(violations, out);
      memo.commit();
      return;
    }
    out.write(OPEN);
    int start = 0;
    while (start < violations.size()) {
      Violation first = violations.get(start);
      int end = start + 1;
      while (end < violations.size()
          && violations.get(end).level() == first.level()
          && violations.get(end).symbol().equals(first.symbol())) {
        end++;
      }
      if (start > 0) {
        out.write(SEPARATOR);
      }
      out.write(memo.chunk(violations.subList(start, end)));
      start = end;
    }
    out.write(CLOSE);
    memo.commit();
  }

  // What the shared printer puts around and between the elements of a top-level array.
  private static final String OPEN = "[\n  ";
  private static final String SEPARATOR = ",\n  ";
  private static final String CLOSE = "\n]\n";

  /** The rendered runs of the last write, kept by level and symbol. Used by one write at a time. */
  public static final class Memo {
    private record Key(String symbol, dev.soakanalyzer.core.model.Level level) {}

    private record Chunk(Violation[] run, String text) {}

    private java.util.Map<Key, Chunk> previous = new java.util.HashMap<>();
    private java.util.Map<Key, Chunk> current = new java.util.HashMap<>();
    private int rendered;
    private int lastRendered;

    String chunk(List<Violation> run) throws IOException {
      Violation first = run.get(0);
      Key key = new Key(first.symbol(), first.level());
      Chunk c = previous.get(key);
      if (c == null || !sameObjects(c.run(), run)) {
        // Rendered as an array of its own, then unwrapped: the elements sit at the same depth,
        // so the printer gives them the same bytes as in the whole file.
        String array = render(run);
        c =
            new Chunk(
                run.toArray(new Violation[0]),
                array.substring(OPEN.length(), array.length() - CLOSE.length()));
        rendered++;
      }
      current.put(key, c);
      return c.text();
    }

    /** Runs rendered (not taken from the memo) by the last write. */
    public int lastRendered() {
      return lastRendered;
    }

    void commit() {
      previous = current;
      current = new java.util.HashMap<>();
      lastRendered = rendered;
      rendered = 0;
    }

    private static boolean sameObjects(Violation[] last, List<Violation> now) {
      if (last.length != now.size()) {
        return false;
      }
      for (int i = 0; i < last.length; i++) {
        if (last[i] != now.get(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
