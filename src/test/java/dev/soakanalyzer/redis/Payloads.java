package dev.soakanalyzer.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The test SOAK_SUMMARY.json / VIOLATIONS.json pair, editable before it is written to files. */
final class Payloads {
  static final ObjectMapper JSON = new ObjectMapper();

  ObjectNode summary = (ObjectNode) resource("SOAK_SUMMARY.json");
  ArrayNode violations = (ArrayNode) resource("VIOLATIONS.json");

  Payloads summary(Consumer<ObjectNode> edit) {
    edit.accept(summary);
    return this;
  }

  Payloads violations(Consumer<ArrayNode> edit) {
    edit.accept(violations);
    return this;
  }

  /** Writes both files into {@code dir}; returns the summary path (violations beside it). */
  Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("SOAK_SUMMARY.json"), JSON.writeValueAsString(summary));
      Files.writeString(dir.resolve("VIOLATIONS.json"), JSON.writeValueAsString(violations));
      return dir.resolve("SOAK_SUMMARY.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ExportPayload parse(Path dir) {
    write(dir);
    try {
      return new ExportPayloadReader()
          .read(dir.resolve("SOAK_SUMMARY.json"), dir.resolve("VIOLATIONS.json"));
    } catch (InvalidExportInputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode resource(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream(name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
