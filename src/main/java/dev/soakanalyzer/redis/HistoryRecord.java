package dev.soakanalyzer.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.core.model.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One run in the history stream {@code {env}:{exchange}:soak:history} (docs/REDIS.md, "Run
 * history"): who ran (run id, ref, sha, PR), when, the verdict and the per-cell statistics as one
 * JSON field shaped like SOAK_SUMMARY's {@code symbols}, restricted to the statistics.
 *
 * <p>{@code digest} is a SHA-256 of everything else: the exporter appends a record only when no
 * recent record has its digest, so the same summary exported twice (or an export retried after a
 * failover took its reply) appends once.
 *
 * @param streamId the stream entry id, null before it is written
 * @param ref branch or ref the run was made from, null when unknown
 * @param sha commit, null when unknown
 * @param pr pull request number, null when unknown
 * @param stats {@code {SYM:{metric:{median, mean, n, sd, lag1, status}}}}, compact JSON
 */
public record HistoryRecord(
    String streamId,
    String runId,
    String generatedAt,
    String ref,
    String sha,
    String pr,
    Level verdict,
    int windows,
    int critCount,
    int warnCount,
    String stats,
    String digest) {

  /** Written in field {@code v}; a reader skips records of another version. */
  public static final int VERSION = 1;

  /** The statistics a cell may carry in the history (whichever the summary had). */
  static final Set<String> CELL_FIELDS = Set.of("median", "mean", "n", "sd", "lag1", "status");

  private static final ObjectMapper JSON = new ObjectMapper();

  public HistoryRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(stats, "stats");
  }

  /** This record with its digest computed from its content (a record to append). */
  HistoryRecord signed() {
    return new HistoryRecord(
        streamId,
        runId,
        generatedAt,
        ref,
        sha,
        pr,
        verdict,
        windows,
        critCount,
        warnCount,
        stats,
        digestOf(content()));
  }

  /** The stream entry's fields; an unknown value is left out, never written as "null". */
  Map<String, String> fields() {
    Map<String, String> f = content();
    f.put("digest", digest);
    return f;
  }

  private Map<String, String> content() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("v", Integer.toString(VERSION));
    f.put("run_id", runId);
    f.put("generated_at", generatedAt);
    putIfKnown(f, "ref", ref);
    putIfKnown(f, "sha", sha);
    putIfKnown(f, "pr", pr);
    f.put("verdict", verdict.name());
    f.put("windows", Integer.toString(windows));
    f.put("crit_count", Integer.toString(critCount));
    f.put("warn_count", Integer.toString(warnCount));
    f.put("stats", stats);
    return f;
  }

  /** The statistics as a tree: {@code {SYM:{metric:{...}}}}. */
  public ObjectNode statsTree() {
    try {
      return (ObjectNode) JSON.readTree(stats);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("checked when parsed", e);
    }
  }

  /** The date part of {@code generated_at} ({@code 2026-12-01}), for one-line messages. */
  public String date() {
    return generatedAt.length() >= 10 ? generatedAt.substring(0, 10) : generatedAt;
  }

  /** {@code def4567}: the first 7 characters of the sha, or the run id when no sha is known. */
  public String shortSha() {
    return sha == null ? runId : sha.substring(0, Math.min(7, sha.length()));
  }

  /**
   * Reads one stream entry; anything not written by this version's exporter is refused.
   *
   * @throws IllegalArgumentException with the reason (hand-written, truncated, wrong JSON, future
   *     version)
   */
  static HistoryRecord parse(String id, Map<String, String> f) {
    String v = f.get("v");
    if (v == null) {
      throw new IllegalArgumentException("no version field v (not written by soak-analyzer)");
    }
    if (!v.equals(Integer.toString(VERSION))) {
      throw new IllegalArgumentException(
          "version " + v + ", this soak-analyzer reads version " + VERSION);
    }
    String stats = required(f, "stats");
    checkStats(stats);
    Level verdict;
    try {
      verdict = Level.valueOf(required(f, "verdict"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("verdict is not OK, WARN or CRIT");
    }
    HistoryRecord r =
        new HistoryRecord(
            id,
            required(f, "run_id"),
            required(f, "generated_at"),
            f.get("ref"),
            f.get("sha"),
            f.get("pr"),
            verdict,
            count(f, "windows"),
            count(f, "crit_count"),
            count(f, "warn_count"),
            stats,
            required(f, "digest"));
    if (!r.digest.equals(digestOf(r.content()))) {
      throw new IllegalArgumentException("digest does not match its fields (edited or truncated)");
    }
    return r;
  }

  private static void checkStats(String stats) {
    JsonNode root;
    try {
      root = JSON.readTree(stats);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stats is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("stats is not a JSON object");
    }
    for (var sym : root.properties()) {
      if (!sym.getValue().isObject()) {
        throw new IllegalArgumentException("stats." + sym.getKey() + " is not an object");
      }
      for (var cell : sym.getValue().properties()) {
        String path = "stats." + sym.getKey() + "." + cell.getKey();
        if (!cell.getValue().isObject()) {
          throw new IllegalArgumentException(path + " is not an object");
        }
        for (var stat : cell.getValue().properties()) {
          JsonNode n = stat.getValue();
          boolean ok =
              stat.getKey().equals("status")
                  ? n.isTextual()
                  : n.isNull() || (n.isNumber() && Double.isFinite(n.asDouble()));
          if (!ok) {
            throw new IllegalArgumentException(path + "." + stat.getKey() + " has a wrong type");
          }
        }
      }
    }
  }

  private static String required(Map<String, String> f, String name) {
    String v = f.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("no field " + name);
    }
    return v;
  }

  private static int count(Map<String, String> f, String name) {
    try {
      int n = Integer.parseInt(required(f, name));
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a count");
    }
  }

  private static void putIfKnown(Map<String, String> f, String name, String value) {
    if (value != null && !value.isEmpty()) {
      f.put(name, value);
    }
  }

  static String digestOf(Map<String, String> content) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      content.forEach(
          (k, v) -> {
            md.update(k.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(v.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
          });
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
