package dev.soakanalyzer.redis;

import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Writes one export (docs/REDIS.md): the summary hash, one hash per symbol and, with streams on,
 * the violation events not streamed before.
 *
 * <p>One export is one MULTI/EXEC: every hash is replaced (DEL + HSET + EXPIRE) and every stream
 * append happens together with the bookkeeping of what was streamed, so no reader ever sees a
 * half-written hash and a server dying mid-export leaves the previous export intact. The keys are
 * WATCHed and their types checked first: a key of the wrong type fails the whole export with {@link
 * RedisFailure#WRONG_TYPE} before anything is written.
 *
 * <h2>Each event streamed once</h2>
 *
 * Per symbol, the hash {@link RedisKeys#streamed} records the run identity ({@code run} = first
 * commit of {@code commit_range} | profile | source), the run's {@code windows} count, and one
 * field per streamed event {@code metric:window_index:level} -> value. An event whose field exists
 * is not streamed again, so exporting the same or a longer run adds only new events. A new run is
 * detected when any of these holds, and then the record is reset and its events stream again:
 *
 * <ul>
 *   <li>the run identity differs (another starting commit, profile or source);
 *   <li>{@code windows} went down (a run only grows; a restarted one starts small);
 *   <li>an event sits at an already streamed {@code metric:window_index} with another value (the
 *       window holds different data, so it is another run).
 * </ul>
 *
 * A new run with the same identity, at least as many windows and identical values at every shared
 * window is indistinguishable from a re-export and is not streamed again.
 */
public final class RedisExporter {
  /** Stream events go in window order, then metric (then CRIT before WARN, never both). */
  static final java.util.Comparator<Violation> STREAM_ORDER =
      java.util.Comparator.comparingInt(Violation::windowIndex)
          .thenComparing(Violation::metric)
          .thenComparing(Violation::level, java.util.Comparator.reverseOrder());

  private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ISO_INSTANT;
  private static final int WATCH_ATTEMPTS = 3;

  /**
   * Recent history records whose digest an export compares with its own: a summary exported again
   * (also after a newer one) appends nothing while its record is among them.
   */
  static final int HISTORY_DEDUP_WINDOW = 16;

  /** The whole export, connect included, unless the caller says otherwise. */
  public static final Duration EXPORT_DEADLINE = Duration.ofSeconds(30);

  private final RedisConnections connections;
  private final Clock clock;
  private final Duration deadline;
  private Runnable beforeExec = () -> {};

  /**
   * @throws IllegalArgumentException when the CA file is unusable (a usage error)
   */
  public RedisExporter(RedisConnectionSettings settings, Clock clock) {
    this(settings, clock, EXPORT_DEADLINE);
  }

  /**
   * @param deadline the whole export, connect included; then the connection is cut and the export
   *     counts as Redis unavailable
   */
  public RedisExporter(RedisConnectionSettings settings, Clock clock, Duration deadline) {
    this.connections = new RedisConnections(settings);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  /** Test seam: runs after all commands are queued, just before EXEC. */
  void beforeExec(Runnable hook) {
    this.beforeExec = Objects.requireNonNull(hook);
  }

  /** Where the export goes, safe to print. */
  public String describe() {
    return connections.describe();
  }

  /**
   * Exports {@code payload}; never throws for a Redis problem, the result says what happened.
   *
   * <p>On a Sentinel set or a Cluster a master that cannot be reached, refuses writes (a demoted
   * replica) or moved its slot is a failover in progress: the export is tried again, on the master
   * the topology names then, until the deadline. Each attempt is one whole transaction whose
   * bookkeeping (streamed events, history digests) is read afresh, so an attempt whose EXEC reached
   * the old master, and was replicated, adds nothing twice.
   */
  public ExportResult export(ExportPayload payload, ExportOptions options) {
    long start = System.nanoTime();
    ExportOptions routed = options.withKeys(connections.keysFor(options.keys()));
    int attempts = 0;
    try (ExportWatchdog watchdog = new ExportWatchdog(deadline)) {
      while (true) {
        attempts++;
        RedisException failure;
        String routing = routed.keys().summary();
        try {
          RedisUrl.Node master = connections.master(watchdog, routing);
          try (Jedis jedis = connections.open(watchdog, routing, master)) {
            ExportResult done = exportWatched(jedis, payload, routed, start, attempts);
            if (done.exported() && connections.url().highlyAvailable()) {
              RedisConnections.awaitReplica(jedis, watchdog);
              if (!master.equals(connections.master(watchdog, routing))) {
                // The master changed while we wrote: the old one may be demoted and its copy
                // dropped. Export again on the new one; the bookkeeping makes that add only
                // what the new master is missing.
                throw new RedisException(
                    RedisFailure.UNREACHABLE,
                    describe() + ": the master moved from " + master + " during the export",
                    null);
              }
            }
            return done;
          }
        } catch (RedisException e) {
          failure = e;
        } catch (RuntimeException e) {
          failure = connections.classify(e, "export");
        } catch (OutOfMemoryError e) {
          // One reply header asked for a buffer larger than the heap ($2000000000): the
          // allocation failed and nothing else was taken, so say what happened instead of dying.
          return failed(
              RedisFailure.SERVER_ERROR,
              describe() + ": the server announced a reply too large to hold; not a Redis reply",
              start);
        }
        if (watchdog.fired()) {
          return failed(
              RedisFailure.UNREACHABLE,
              describe()
                  + ": no complete reply within "
                  + seconds(deadline)
                  + ", export abandoned"
                  + (attempts > 1 ? " after " + attempts + " attempts" : ""),
              start);
        }
        boolean failover =
            connections.url().highlyAvailable() && failure.failure() == RedisFailure.UNREACHABLE;
        if (!failover || !watchdog.pauseBeforeRetry(RETRY_PAUSE)) {
          String tried =
              attempts > 1 ? " (" + attempts + " attempts in " + seconds(since(start)) + ")" : "";
          return failed(failure.failure(), failure.getMessage() + tried, start);
        }
      }
    }
  }

  /** Between two attempts at a moving master. */
  private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

  private ExportResult exportWatched(
      Jedis jedis, ExportPayload payload, ExportOptions options, long start, int attempts)
      throws RedisException {
    for (int attempt = 1; attempt <= WATCH_ATTEMPTS; attempt++) {
      Written written = exportOnce(jedis, payload, options);
      if (written != null) {
        int symbols = payload.symbols().size();
        return new ExportResult(
            null,
            "exported summary and "
                + symbols
                + " symbol hash(es) to "
                + describe()
                + (options.stream() ? ", " + written.events() + " new stream event(s)" : "")
                + (written.history() ? ", run appended to history" : ", run already in history")
                + (attempts > 1 ? ", on attempt " + attempts : ""),
            symbols,
            written.events(),
            since(start));
      }
    }
    return failed(
        RedisFailure.SERVER_ERROR,
        describe() + ": keys kept changing under a concurrent writer, export not applied",
        start);
  }

  /** What one applied transaction added. */
  private record Written(int events, boolean history) {}

  private static String seconds(Duration d) {
    return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }

  /** One WATCH/MULTI/EXEC round; null when EXEC was aborted by a concurrent change. */
  private Written exportOnce(Jedis jedis, ExportPayload payload, ExportOptions options)
      throws RedisException {
    RedisKeys keys = options.keys();
    List<String> symbols = payload.symbols();
    String updatedAt = UTC_SECONDS.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));

    // 1. Watch every key we write, then check types and read what was already streamed.
    Map<String, String> expectedType = new LinkedHashMap<>();
    expectedType.put(keys.summary(), "hash");
    expectedType.put(keys.history(), "stream");
    for (String s : symbols) {
      expectedType.put(keys.violations(s), "hash");
      if (options.stream()) {
        expectedType.put(keys.stream(s), "stream");
        expectedType.put(keys.streamed(s), "hash");
      }
    }
    jedis.watch(expectedType.keySet().toArray(String[]::new));
    Map<String, Response<String>> types = new LinkedHashMap<>();
    Map<String, Response<Map<String, String>>> trackers = new LinkedHashMap<>();
    Response<List<StreamEntry>> recentRuns;
    try (Pipeline p = jedis.pipelined()) {
      expectedType.keySet().forEach(k -> types.put(k, p.type(k)));
      recentRuns = p.xrevrange(keys.history(), "+", "-", HISTORY_DEDUP_WINDOW);
      if (options.stream()) {
        symbols.forEach(s -> trackers.put(s, p.hgetAll(keys.streamed(s))));
      }
      p.sync();
    }
    for (var e : expectedType.entrySet()) {
      String actual = types.get(e.getKey()).get();
      if (!actual.equals("none") && !actual.equals(e.getValue())) {
        jedis.unwatch();
        throw new RedisException(
            RedisFailure.WRONG_TYPE,
            describe()
                + ": WRONGTYPE key "
                + e.getKey()
                + " holds a "
                + actual
                + ", expected a "
                + e.getValue()
                + "; nothing was written",
            null);
      }
    }

    // 2. Queue the whole export in one transaction.
    int streamedEvents = 0;
    Map<String, List<Violation>> bySymbol = new LinkedHashMap<>();
    symbols.forEach(s -> bySymbol.put(s, new ArrayList<>()));
    payload.violations().forEach(v -> bySymbol.get(v.symbol()).add(v));
    Transaction tx = jedis.multi();
    replaceHash(tx, keys.summary(), ExportFields.summaryFields(payload, updatedAt), options.ttl());
    for (String s : symbols) {
      replaceHash(
          tx,
          keys.violations(s),
          ExportFields.symbolFields(payload.summary().symbols().get(s), bySymbol.get(s), updatedAt),
          options.ttl());
    }
    if (options.stream()) {
      String run = runIdentity(payload.summary().meta());
      int windows = payload.summary().windows();
      XAddParams add = XAddParams.xAddParams().maxLen(options.streamMaxlen()).approximateTrimming();
      for (String s : symbols) {
        Map<String, String> tracker = trackers.get(s).get();
        List<Violation> events = bySymbol.get(s);
        boolean newRun = isNewRun(tracker, run, windows, events);
        Map<String, String> record = new LinkedHashMap<>();
        record.put("run", run);
        record.put("windows", Integer.toString(windows));
        if (newRun) {
          tx.del(keys.streamed(s));
        }
        int added = 0;
        // Window order (then metric): XREVRANGE shows the latest windows and trimming drops the
        // oldest, never CRIT events because VIOLATIONS.json lists them first.
        List<Violation> inWindowOrder = new ArrayList<>(events);
        inWindowOrder.sort(STREAM_ORDER);
        for (Violation v : inWindowOrder) {
          String id = eventId(v);
          if (!newRun && tracker.containsKey(id)) {
            continue;
          }
          tx.xadd(keys.stream(s), add, ExportFields.eventFields(v, updatedAt));
          record.put(id, ExportFields.number(v.value()));
          added++;
        }
        if (added > 0) {
          tx.xtrim(
              keys.stream(s),
              XTrimParams.xTrimParams().maxLen(options.streamMaxlen()).approximateTrimming());
        }
        tx.hset(keys.streamed(s), record);
        tx.expire(keys.streamed(s), bookkeepingTtl(options.ttl()).getSeconds());
        streamedEvents += added;
      }
    }
    HistoryRecord run = payload.run();
    boolean appendRun =
        types.get(keys.history()).get().equals("none")
            || recentRuns.get().stream()
                .noneMatch(e -> run.digest().equals(e.getFields().get("digest")));
    if (appendRun) {
      tx.xadd(
          keys.history(),
          XAddParams.xAddParams().maxLen(options.historyMaxlen()).approximateTrimming(),
          run.fields());
    }
    beforeExec.run();
    List<Object> replies = tx.exec();
    if (replies == null) {
      return null; // WATCH saw a concurrent change: nothing was applied, try again
    }
    for (Object reply : replies) {
      if (reply instanceof JedisDataException e) {
        throw connections.classify(e, "export");
      }
    }
    return new Written(streamedEvents, appendRun);
  }

  /**
   * The TTL of a stream's bookkeeping hash: at least {@code --ttl} and at least a week, refreshed
   * on every export, so it lives while the stream is fed and does not outlive it for ever.
   */
  static Duration bookkeepingTtl(Duration ttl) {
    Duration week = Duration.ofDays(7);
    return ttl.compareTo(week) > 0 ? ttl : week;
  }

  private static void replaceHash(
      Transaction tx, String key, Map<String, String> fields, Duration ttl) {
    tx.del(key);
    tx.hset(key, fields);
    tx.expire(key, ttl.getSeconds());
  }

  static String eventId(Violation v) {
    return v.metric() + ":" + v.windowIndex() + ":" + v.level().name();
  }

  static String runIdentity(RunMeta meta) {
    String range = meta.commitRange();
    String first = range == null ? "-" : range.split("\\.\\.", 2)[0];
    return first
        + "|"
        + (meta.profile() == null ? "-" : meta.profile())
        + "|"
        + (meta.source() == null ? "-" : meta.source());
  }

  static boolean isNewRun(
      Map<String, String> tracker, String run, int windows, List<Violation> events) {
    if (tracker.isEmpty()) {
      return false; // nothing streamed yet: every event is new anyway
    }
    if (!run.equals(tracker.get("run"))) {
      return true;
    }
    try {
      if (windows < Integer.parseInt(tracker.getOrDefault("windows", "0"))) {
        return true;
      }
    } catch (NumberFormatException e) {
      return true; // a record we cannot read is treated as belonging to another run
    }
    for (Violation v : events) {
      String value = ExportFields.number(v.value());
      for (Level level : new Level[] {Level.WARN, Level.CRIT}) {
        String seen = tracker.get(v.metric() + ":" + v.windowIndex() + ":" + level.name());
        if (seen != null && !seen.equals(value)) {
          return true;
        }
      }
    }
    return false;
  }

  private static ExportResult failed(RedisFailure failure, String message, long start) {
    return new ExportResult(failure, message, 0, 0, since(start));
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
