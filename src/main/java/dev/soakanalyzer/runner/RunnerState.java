package dev.soakanalyzer.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.alert.AlertLedger;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.state.ExportStatusFile;
import dev.soakanalyzer.state.StateDirectory;
import dev.soakanalyzer.state.StateStore;
import dev.soakanalyzer.state.StateStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the runner keeps what must survive a cycle or a restart: the alert state (Redis, mirrored
 * to {@code alert_state.json} so debounce keeps working while Redis is down), the export status
 * ({@link ExportStatusFile}), the last exported summary hash and the heartbeat, all in this runner
 * identity's own {@link StateDirectory}. Dry runs use their own local alert state file so a
 * rehearsal never debounces a real alert. Without Redis the summary hash is kept in memory only, so
 * it is per process and per identity anyway.
 */
final class RunnerState {
  static final String ALERT_STATE_FILE = StateDirectory.ALERT_STATE;
  static final String DRY_RUN_ALERT_STATE_FILE = StateDirectory.DRY_RUN_ALERT_STATE;
  static final String REDIS_DOWN_ALERT_FILE = StateDirectory.REDIS_DOWN_ALERT;
  static final String HEARTBEAT_FILE = StateDirectory.HEARTBEAT;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<StateStore> redis;
  private final RunnerConfig config;
  private final Console console;
  private final ExportStatusFile exportStatus;
  private final Path dir;
  private String lastHashInMemory;

  /**
   * Every file lives in this runner identity's own directory; unkeyed files an earlier version left
   * in the state root are named in one warning and never read.
   */
  RunnerState(Optional<StateStore> redis, RunnerConfig config, Console console) {
    this.redis = redis;
    this.config = config;
    this.console = console;
    StateDirectory own = config.stateDirectory();
    this.dir = own.dir();
    this.exportStatus = new ExportStatusFile(dir);
    own.legacyWarning().ifPresent(console::warn);
  }

  /** This runner identity's own state directory. */
  Path stateDir() {
    return dir;
  }

  private Path alertStateFile() {
    return dir.resolve(config.dryRun() ? DRY_RUN_ALERT_STATE_FILE : ALERT_STATE_FILE);
  }

  String alertKey() {
    return config.key(config.alertKey());
  }

  /**
   * Reads the alert state from Redis and from the local file and keeps the copy with the newer
   * {@code last_sent_utc}, so a delivery recorded only locally while Redis was down (or only in
   * Redis) is never delivered again. The winner is written back to the stale side. A delivery dated
   * after {@code now} (a clock that was ahead) is moved to {@code now} and written back, with a
   * warning, so the debounce ends at most one window later. An unreadable copy is reported naming
   * it and ignored: the state starts fresh rather than crash or stay silent.
   */
  AlertLedger loadAlertState(Instant now) {
    Optional<AlertLedger> fromRedis = Optional.empty();
    boolean redisReadable = false;
    if (redis.isPresent()) {
      try {
        Optional<String> text = redis.get().get(alertKey());
        redisReadable = true;
        fromRedis = Optional.of(parse(text.orElse(""), "redis key " + alertKey()));
      } catch (StateStoreException e) {
        console.warn(
            (e.unreachable() ? "redis unavailable" : "redis error: " + e.getMessage())
                + ", alert state read from "
                + alertStateFile());
      }
    }
    AlertLedger local =
        parse(readFile(alertStateFile()).orElse(""), "alert state file " + alertStateFile());
    AlertLedger winner = fromRedis.map(r -> r.newer(local)).orElse(local);
    boolean writeBack = false;
    if (winner.hasFutureTimestamp(now)) {
      console.warn(
          "alert state "
              + (winner == local ? "file " + alertStateFile() : "redis key " + alertKey())
              + " has last_sent_utc "
              + winner.latest().map(s -> s.lastSentUtc().toString()).orElse("?")
              + " in the future (clock skew?), replaced by "
              + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      winner = winner.notAfter(now);
      writeBack = true;
    }
    if (writeBack || (redisReadable && !winner.toJson().equals(fromRedis.get().toJson()))) {
      putRedis(winner);
    }
    if (writeBack || !winner.toJson().equals(local.toJson())) {
      writeQuietly(alertStateFile(), winner.toJson());
    }
    return winner;
  }

  private AlertLedger parse(String text, String where) {
    try {
      return AlertLedger.fromJson(text);
    } catch (IllegalArgumentException e) {
      console.warn(where + " is not a valid alert state (" + e.getMessage() + "), starting fresh");
      return AlertLedger.EMPTY;
    }
  }

  /** Stores the alert state in Redis when reachable, and always in the local file. */
  void saveAlertState(AlertLedger state) {
    putRedis(state);
    writeQuietly(alertStateFile(), state.toJson());
  }

  private void putRedis(AlertLedger state) {
    if (redis.isPresent()) {
      try {
        redis.get().put(alertKey(), state.toJson(), null);
      } catch (StateStoreException e) {
        console.warn(
            (e.unreachable() ? "redis unavailable" : "redis error: " + e.getMessage())
                + ", alert state kept in "
                + alertStateFile());
      }
    }
  }

  /** The last exported summary hash (stored with the export's TTL, so expiry re-exports). */
  Optional<String> lastExportedHash() {
    if (redis.isPresent()) {
      try {
        return redis.get().get(config.keys().summaryHash());
      } catch (StateStoreException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(lastHashInMemory);
  }

  void exported(String hash) {
    lastHashInMemory = hash;
    if (redis.isPresent()) {
      try {
        redis.get().put(config.keys().summaryHash(), hash, config.ttl());
      } catch (StateStoreException e) {
        console.warn("could not record the exported summary hash: " + e.getMessage());
      }
    }
  }

  /** Consecutive unreachable-skips recorded by the previous cycle or run. */
  int consecutiveFailures() {
    return exportStatus.consecutiveFailures();
  }

  void writeExportStatus(ExportStatusFile.Status status) {
    try {
      exportStatus.write(status);
    } catch (IOException e) {
      console.warn("could not write " + exportStatus.file() + ": " + e.getMessage());
    }
  }

  Optional<Instant> redisDownAlertSent() {
    return readFile(dir.resolve(REDIS_DOWN_ALERT_FILE))
        .flatMap(
            text -> {
              try {
                return Optional.of(
                    Instant.parse(JSON.readTree(text).path("last_sent_utc").asText()));
              } catch (IOException | RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  void redisDownAlertSent(Instant at) {
    ObjectNode node = JSON.createObjectNode();
    node.put("last_sent_utc", at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    writeQuietly(dir.resolve(REDIS_DOWN_ALERT_FILE), node.toString());
  }

  void clearRedisDownAlert() {
    try {
      Files.deleteIfExists(dir.resolve(REDIS_DOWN_ALERT_FILE));
    } catch (IOException e) {
      console.warn("could not clear " + REDIS_DOWN_ALERT_FILE + ": " + e.getMessage());
    }
  }

  /**
   * Writes the heartbeat to Redis (unless dry-run) and to the local file.
   *
   * @return where it was written, e.g. {@code redis} or {@code local}
   */
  String writeHeartbeat(Instant at, boolean quiet) {
    String value = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    String where = "local";
    if (redis.isPresent()) {
      try {
        redis.get().put(config.key(config.heartbeatKey()), value, config.heartbeatTtl());
        where = "redis";
      } catch (StateStoreException e) {
        java.util.function.Consumer<String> say = quiet ? console::debug : console::warn;
        say.accept(
            "heartbeat not written to redis ("
                + (e.unreachable() ? "redis unavailable" : e.getMessage())
                + "), written to "
                + dir.resolve(HEARTBEAT_FILE));
      }
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("ts", value);
    node.put("key", config.key(config.heartbeatKey()));
    node.put("pid", ProcessHandle.current().pid());
    writeQuietly(dir.resolve(HEARTBEAT_FILE), node.toString());
    return where;
  }

  private Optional<String> readFile(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      console.warn("could not read " + file + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private void writeQuietly(Path file, String content) {
    try {
      dev.soakanalyzer.io.AtomicFiles.write(file, content);
    } catch (IOException e) {
      console.warn("could not write " + file + ": " + e.getMessage());
    }
  }
}
