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
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new Json.Printer());
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
}
