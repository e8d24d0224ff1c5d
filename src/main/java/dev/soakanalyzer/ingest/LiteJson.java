package dev.soakanalyzer.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON document reduced to what the ITER_SUMMARY shapes need, read with Jackson's streaming
 * parser: objects and arrays down to {@link #MAX_DEPTH} levels, scalars as {@link Double}, {@link
 * String}, {@link Boolean} or {@link #NULL}. Deeper containers are skipped and read as {@link
 * #DEEP}. Much cheaper than a databind tree, which matters when 100k small files are read by a cold
 * JVM.
 */
final class LiteJson {
  /** root -&gt; symbols -&gt; SYMBOL -&gt; metric: the deepest value any shape reads. */
  static final int MAX_DEPTH = 3;

  /**
   * Arrays keep at most this many items: no shape reads more than "one symbol or several" from an
   * array, and a file of millions of numbers must not become millions of boxed doubles.
   */
  static final int MAX_ARRAY_ITEMS = 2;

  static final Object NULL = new Object();
  static final Object DEEP = new Object();

  /** Hard limits so a hostile file cannot exhaust memory or the stack. */
  static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(512)
          .maxNumberLength(1000)
          .maxStringLength(4 * 1024 * 1024)
          .maxNameLength(64 * 1024)
          .build();

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(LIMITS)
          // Python's json writes NaN/Infinity bare; they must read as "no value", not fail the
          // file.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          // Same doubles as Double.parseDouble (correctly rounded, bit for bit), for less work:
          // number parsing was the largest single cost of parsing a 100-byte ITER_SUMMARY file.
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  /** A JSON object as parallel lists: small, ordered, and the last duplicate key wins on lookup. */
  static final class Obj {
    final List<String> keys = new ArrayList<>(8);
    final List<Object> values = new ArrayList<>(8);

    Object get(String key) {
      for (int i = keys.size() - 1; i >= 0; i--) {
        if (keys.get(i).equals(key)) {
          return values.get(i);
        }
      }
      return null;
    }

    boolean has(String key) {
      return get(key) != null;
    }

    int size() {
      return keys.size();
    }
  }

  private LiteJson() {}

  /** Parses a whole document; throws on malformed JSON or trailing content. */
  static Object parse(byte[] content, int length) throws IOException {
    try (JsonParser p = FACTORY.createParser(content, 0, length)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      Object root = value(p, t, 1);
      if (p.nextToken() != null) {
        throw new TrailingContentException();
      }
      return root;
    }
  }

  /** Content after the root value. */
  static final class TrailingContentException extends IOException {
    TrailingContentException() {
      super("trailing content after the JSON value");
    }
  }

  private static Object value(JsonParser p, JsonToken t, int depth) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        if (depth > MAX_DEPTH) {
          p.skipChildren();
          return DEEP;
        }
        Obj o = new Obj();
        JsonToken next;
        while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          o.keys.add(key);
          o.values.add(value(p, p.nextToken(), depth + 1));
        }
        if (next != JsonToken.END_OBJECT) {
          throw new IOException("unexpected " + next + " in object");
        }
        return o;
      }
      case START_ARRAY -> {
        if (depth > MAX_DEPTH) {
          p.skipChildren();
          return DEEP;
        }
        List<Object> list = new ArrayList<>(MAX_ARRAY_ITEMS);
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new IOException("unexpected end of input in array");
          }
          if (list.size() < MAX_ARRAY_ITEMS) {
            list.add(value(p, next, depth + 1));
          } else {
            p.skipChildren(); // still validated, never kept
          }
        }
        return list;
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return NULL;
      }
      default -> throw new IOException("unexpected token " + t);
    }
  }
}
