package dev.soakanalyzer.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded {@link StateStore}: one JSON file per key under a state directory (by default {@code
 * artifacts/state/}), used when no Redis is configured and while Redis is down.
 *
 * <p>A file holds {@code {"key": K, "value": V, "updated_at": T[, "expires_at": E]}}; writes go to
 * a temp file in the same directory and are renamed atomically, so a reader never sees half a file.
 * The TTL is honoured by storing the expiry and comparing it with the injected clock on read (an
 * expired file is removed then).
 *
 * <p>File names: a key maps to {@code <key with unsafe characters as _>-<8 hex of its
 * SHA-256>.json} unless {@code fileNames} names the file for it (e.g. the runner maps its alert key
 * to {@code alert_state.json}). A named file holds the value itself, with no envelope, so that
 * {@code artifacts/state/alert_state.json} is exactly the JSON the Redis key holds (docs/RUNNER.md) and {@code jq .last_level} works on either; named keys therefore keep no expiry.
 */
public final class FileStateStore implements StateStore {
  public static final Path DEFAULT_DIR = Path.of("artifacts", "state");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Clock clock;
  private final Map<String, String> fileNames;

  public FileStateStore(Path dir, Clock clock) {
    this(dir, clock, Map.of());
  }

  /**
   * @param fileNames key -> plain file name inside {@code dir}, for keys that need a known name
   */
  public FileStateStore(Path dir, Clock clock, Map<String, String> fileNames) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fileNames = Map.copyOf(fileNames);
    this.fileNames
        .values()
        .forEach(
            name -> {
              if (name.isBlank() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("not a plain file name: " + name);
              }
            });
  }

  /** The file that holds {@code key}. */
  public Path fileFor(String key) {
    String named = fileNames.get(key);
    if (named != null) {
      return dir.resolve(named);
    }
    String safe = key.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 120) {
      safe = safe.substring(0, 120);
    }
    return dir.resolve(safe + "-" + shortHash(key) + ".json");
  }

  @Override
  public Optional<String> get(String key) throws StateStoreException {
    Objects.requireNonNull(key, "key");
    Path file = fileFor(key);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    if (fileNames.containsKey(key)) {
      try {
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new StateStoreException(
            file + ": cannot read state (" + e.getMessage() + ")", false, e);
      }
    }
    JsonNode node;
    try {
      node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StateStoreException(
          file + ": cannot read state (" + e.getMessage() + ")", false, e);
    }
    if (node == null || !node.isObject() || !node.path("value").isTextual()) {
      throw new StateStoreException(file + ": not a state file (no string 'value')", false, null);
    }
    if (!key.equals(node.path("key").asText(key))) {
      return Optional.empty(); // another key's file under a clashing name: not ours
    }
    JsonNode expires = node.get("expires_at");
    if (expires != null && !expires.isNull()) {
      Instant at;
      try {
        at = Instant.parse(expires.asText());
      } catch (DateTimeParseException e) {
        throw new StateStoreException(file + ": expires_at is not an instant", false, e);
      }
      if (!clock.instant().isBefore(at)) {
        delete(key);
        return Optional.empty();
      }
    }
    return Optional.of(node.get("value").asText());
  }

  @Override
  public void put(String key, String value, Duration ttl) throws StateStoreException {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new IllegalArgumentException("ttl must be positive or null");
    }
    if (fileNames.containsKey(key)) {
      Path file = fileFor(key);
      try {
        AtomicFiles.write(file, value + "\n");
      } catch (IOException e) {
        throw new StateStoreException(
            file + ": cannot write state (" + e.getMessage() + ")", false, e);
      }
      return;
    }
    Instant now = clock.instant();
    ObjectNode node = JSON.createObjectNode();
    node.put("key", key);
    node.put("value", value);
    node.put("updated_at", now.toString());
    if (ttl != null) {
      node.put("expires_at", now.plus(ttl).toString());
    }
    Path file = fileFor(key);
    try {
      AtomicFiles.write(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    } catch (IOException e) {
      throw new StateStoreException(
          file + ": cannot write state (" + e.getMessage() + ")", false, e);
    }
  }

  @Override
  public void delete(String key) throws StateStoreException {
    Objects.requireNonNull(key, "key");
    Path file = fileFor(key);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new StateStoreException(
          file + ": cannot delete state (" + e.getMessage() + ")", false, e);
    }
  }

  @Override
  public String describe() {
    return "files in " + dir;
  }

  @Override
  public void close() {
    // nothing held open
  }

  private static String shortHash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
