package dev.soakanalyzer.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;

/** Shared JSON style: 2-space indent, {@code "key": value}, unescaped Unicode, plain decimals. */
public final class Json {
  /**
   * jackson-core only: the analyze path streams its JSON and never needs databind, which would cost
   * a cold JVM some 300 extra classes to load.
   */
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}

  /** A generator in the shared style, writing to {@code out} (left open). */
  public static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    g.setPrettyPrinter(new Printer());
    return g;
  }

  /** Like Python's {@code json.dumps(indent=2)}: no space before colons, {@code []} when empty. */
  static final class Printer extends DefaultPrettyPrinter {
    Printer() {
      super(
          new DefaultPrettyPrinter()
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      indentArraysWith(indenter);
      indentObjectsWith(indenter);
    }

    Printer(Printer base) {
      super(base);
    }

    @Override
    public DefaultPrettyPrinter createInstance() {
      return new Printer(this);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (nrOfValues == 0) {
        if (!_arrayIndenter.isInline()) {
          --_nesting;
        }
        g.writeRaw(']');
        return;
      }
      super.writeEndArray(g, nrOfValues);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      if (nrOfEntries == 0) {
        if (!_objectIndenter.isInline()) {
          --_nesting;
        }
        g.writeRaw('}');
        return;
      }
      super.writeEndObject(g, nrOfEntries);
    }
  }
}
