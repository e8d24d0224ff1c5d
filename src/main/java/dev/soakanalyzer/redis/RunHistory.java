package dev.soakanalyzer.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Reads the run history stream {@code {env}:{exchange}:soak:history} (docs/REDIS.md): for the
 * {@code history} command, and as {@code --baseline redis} (the newest run of a branch as a
 * summary-shaped document). An entry not written by this version (by hand, truncated, wrong JSON, a
 * future version) is skipped with one warning naming it; it never fails the read and never becomes
 * a baseline.
 */
public final class RunHistory implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 200;

  private final RedisConnections connections;
  private final RedisCalls calls;

  /**
   * @param deadline the whole read, connect and failover retries included ({@code --redis-timeout})
   * @throws IllegalArgumentException when the CA file is unusable (a usage error)
   */
  public RunHistory(RedisConnectionSettings settings, Duration deadline) {
    this.connections = new RedisConnections(settings);
    this.calls = new RedisCalls(connections, Objects.requireNonNull(deadline, "deadline"));
  }

  /** Where the history is read from, safe to print. */
  public String describe() {
    return connections.describe();
  }

  /**
   * The newest {@code last} runs of {@code branch} (all branches when null), oldest first.
   *
   * @param warn gets one line per skipped entry
   * @throws RedisFailureException when Redis cannot be read (its message is safe to print)
   */
  public List<HistoryRecord> read(RedisKeys keys, String branch, int last, Consumer<String> warn)
      throws RedisFailureException {
    if (last < 1) {
      throw new IllegalArgumentException("last must be at least 1");
    }
    String key = connections.keysFor(keys).history();
    List<HistoryRecord> newestFirst = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try {
      calls.call(
          key,
          "XREVRANGE " + key,
          j -> {
            newestFirst.clear();
            skipped.clear();
            String end = "+";
            while (newestFirst.size() < last) {
              List<StreamEntry> page = j.xrevrange(key, end, "-", PAGE);
              for (StreamEntry e : page) {
                Optional<HistoryRecord> r = parse(key, e, skipped);
                if (r.isPresent() && onBranch(r.get(), branch) && newestFirst.size() < last) {
                  newestFirst.add(r.get());
                }
              }
              if (page.size() < PAGE) {
                break;
              }
              end = "(" + page.get(page.size() - 1).getID();
            }
            return null;
          });
    } catch (RedisException e) {
      throw new RedisFailureException(e.failure(), e.getMessage());
    }
    skipped.forEach(warn);
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * {@code --baseline redis}: the newest valid run of {@code branch} as a summary-shaped JSON
   * document, {@code {"symbols":{SYM:{metric:{median, mean, n, sd, lag1, status}}},
   * "meta":{"ref","sha","run_id","generated_at_utc","source":"redis"}}}; empty, with one warning,
   * when Redis cannot be read or the branch has no valid run. Never throws for Redis or data.
   *
   * @param branch the branch whose newest run is the baseline (e.g. {@code main})
   */
  public Optional<String> newestAsSummary(RedisKeys keys, String branch, Consumer<String> warn) {
    Objects.requireNonNull(branch, "branch");
    List<HistoryRecord> newest;
    try {
      newest = read(keys, branch, 1, warn);
    } catch (RedisFailureException e) {
      warn.accept("baseline from redis: " + e.getMessage() + "; no comparison");
      return Optional.empty();
    }
    if (newest.isEmpty()) {
      warn.accept(
          "baseline from redis: no run of branch "
              + branch
              + " in "
              + connections.keysFor(keys).history()
              + "; no comparison");
      return Optional.empty();
    }
    return Optional.of(asSummary(newest.get(0)));
  }

  /** One record as a summary-shaped document (see {@link #newestAsSummary}). */
  static String asSummary(HistoryRecord r) {
    ObjectNode root = JSON.createObjectNode();
    root.set("symbols", r.statsTree());
    ObjectNode meta = root.putObject("meta");
    meta.put("ref", r.ref());
    meta.put("sha", r.sha());
    meta.put("run_id", r.runId());
    meta.put("generated_at_utc", r.generatedAt());
    meta.put("source", "redis");
    return root.toString();
  }

  private static Optional<HistoryRecord> parse(String key, StreamEntry e, List<String> skipped) {
    try {
      Map<String, String> fields = e.getFields();
      return Optional.of(HistoryRecord.parse(e.getID().toString(), fields));
    } catch (IllegalArgumentException | NullPointerException bad) {
      skipped.add("history: skipped entry " + e.getID() + " of " + key + ": " + bad.getMessage());
      return Optional.empty();
    }
  }

  /** {@code main} matches a record of {@code main} or {@code refs/heads/main}. */
  static boolean onBranch(HistoryRecord r, String branch) {
    if (branch == null) {
      return true;
    }
    String ref = r.ref();
    return ref != null && (ref.equals(branch) || ref.equals("refs/heads/" + branch));
  }

  @Override
  public void close() {
    calls.close();
  }

  /** Redis could not be read; the message names where and why, never a password. */
  public static final class RedisFailureException extends Exception {
    private static final long serialVersionUID = 1L;
    private final RedisFailure failure;

    RedisFailureException(RedisFailure failure, String message) {
      super(message, null, false, false);
      this.failure = failure;
    }

    public RedisFailure failure() {
      return failure;
    }
  }
}
