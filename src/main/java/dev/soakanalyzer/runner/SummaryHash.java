package dev.soakanalyzer.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of SOAK_SUMMARY.json without {@code generated_at_utc}: "did anything change?". */
final class SummaryHash {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryHash() {}

  static String of(Path summaryFile) throws IOException {
    return ofJson(Files.readString(summaryFile, StandardCharsets.UTF_8));
  }

  static String ofJson(String json) throws IOException {
    JsonNode node = JSON.readTree(json);
    if (node instanceof ObjectNode obj) {
      obj.remove("generated_at_utc");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
