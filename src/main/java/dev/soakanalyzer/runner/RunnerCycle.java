package dev.soakanalyzer.runner;

import dev.soakanalyzer.alert.AlertDecider;
import dev.soakanalyzer.alert.AlertDecision;
import dev.soakanalyzer.alert.AlertDispatcher;
import dev.soakanalyzer.alert.AlertLedger;
import dev.soakanalyzer.alert.AlertPolicy;
import dev.soakanalyzer.alert.AlertState;
import dev.soakanalyzer.alert.AlertText;
import dev.soakanalyzer.alert.ViolationSignature;
import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExportOutcome;
import dev.soakanalyzer.app.SummaryExport;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.report.LogLines;
import dev.soakanalyzer.state.ExportStatusFile;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One cycle (docs/RUNNER.md): analyse -> export -> alert decision -> heartbeat -> {@code
 * CONTINUOUS_METRICS}. Never throws for a failed step: each one degrades and says why.
 */
final class RunnerCycle {

  /** What one cycle ended with; no verdict = the analysis failed; regressed = a cell REGRESSED. */
  record Outcome(String label, Optional<Level> verdict, boolean regressed) {}

  private final RunnerConfig config;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Console console;
  private final AnalysisStep analysis;
  private final Optional<SummaryExport> exporter;
  private final RunnerState state;
  private final RunnerMetrics metrics;
  private final AlertPolicy.Effective policy;
  private final List<String> secrets;
  private final AlertDelivery delivery;

  /** Decides (and logs) an alert that no configured channel can take. */
  private static final String NO_CHANNEL = "none";

  private int consecutiveFailures;
  private AlertLedger lastLedger = AlertLedger.EMPTY;

  RunnerCycle(
      RunnerConfig config,
      Clock clock,
      LongSupplier nanoTime,
      Console console,
      AnalysisStep analysis,
      Optional<SummaryExport> exporter,
      RunnerState state,
      AlertDispatcher dispatcher,
      RunnerMetrics metrics) {
    this.config = config;
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.console = console;
    this.analysis = analysis;
    this.exporter = exporter;
    this.state = state;
    this.metrics = metrics;
    this.policy = config.alertPolicy().effectiveFor(config.env());
    this.secrets = config.secrets().values();
    this.delivery = new AlertDelivery(config.dryRun(), dispatcher, console, metrics, this::redact);
    this.consecutiveFailures = state.consecutiveFailures();
    metrics.minSeverity(policy.minSeverity());
  }

  AlertPolicy.Effective policy() {
    return policy;
  }

  Outcome run(boolean holdsLease) {
    long start = nanoTime.getAsLong();
    AnalysisStep.Result result;
    try {
      result = analysis.analyze();
    } catch (AnalysisStep.Failure e) {
      console.warn("analysis failed: " + redact(e.getMessage()));
      Instant now = clock.instant();
      exportStatus("analysis_failed", now);
      heartbeat(now);
      metrics.verdictFailed();
      long ms = elapsedMs(start);
      console.info(
          "CONTINUOUS_METRICS verdict=FAIL windows=0 symbols=0 crit=0 warn=0 ok=0 duration_ms="
              + ms);
      metrics.cycle("fail", Duration.ofMillis(ms));
      return new Outcome("FAIL", Optional.empty(), false);
    }
    Analysis a = result.analysis();
    metrics.verdict(a.verdict());
    boolean unchanged = false;
    if (!holdsLease) {
      console.info(
          "LEASE_HELD_ELSEWHERE env="
              + config.env()
              + " exchange="
              + config.exchange()
              + " skip export and alerts");
      exportStatus("lease_held_elsewhere", clock.instant());
    } else {
      unchanged = export(result);
      decideAndAlert(a);
      redisDownAlert();
    }
    heartbeat(clock.instant());
    long ms = elapsedMs(start);
    String label = unchanged ? "UNCHANGED" : a.verdict().name();
    console.info(
        "CONTINUOUS_METRICS verdict=" + label + " " + LogLines.counts(a) + " duration_ms=" + ms);
    metrics.cycle(label.toLowerCase(Locale.ROOT), Duration.ofMillis(ms));
    return new Outcome(label, Optional.of(a.verdict()), a.regressions() > 0);
  }

  /** Returns true when the summary was unchanged and the export skipped. */
  private boolean export(AnalysisStep.Result result) {
    Instant now = clock.instant();
    if (config.dryRun()) {
      exportStatus("dry_run", now);
      return false;
    }
    if (exporter.isEmpty()) {
      exportStatus("redis_disabled", now);
      return false;
    }
    String hash;
    try {
      hash = SummaryHash.of(result.summaryFile());
    } catch (IOException e) {
      console.warn("could not hash " + result.summaryFile() + ": " + e.getMessage());
      hash = null;
    }
    if (hash != null && state.lastExportedHash().filter(hash::equals).isPresent()) {
      console.info("Summary unchanged, skip export");
      // The hash came from Redis, so Redis is up and holds this very export: as good as a
      // successful export, it ends a Redis-down streak (else the streak alert would repeat).
      consecutiveFailures = 0;
      state.clearRedisDownAlert();
      metrics.exportConfirmed(now);
      exportStatus("unchanged", now);
      return true;
    }
    ExportOutcome outcome = exporter.get().export(result.summaryFile(), result.violationsFile());
    switch (outcome.kind()) {
      case EXPORTED -> {
        consecutiveFailures = 0;
        if (hash != null) {
          state.exported(hash);
        }
        state.clearRedisDownAlert();
        metrics.exportSucceeded(now);
      }
      case UNREACHABLE -> {
        consecutiveFailures++;
        console.warn("redis unavailable, skip export");
        metrics.exportFailed(outcome.reason(), consecutiveFailures);
      }
      case FAILED, INVALID_INPUT -> {
        console.warn("redis export failed: " + redact(outcome.message()));
        metrics.exportFailed(outcome.reason(), consecutiveFailures);
      }
    }
    // The export job records the attempts that reached Redis; the cycle records the rest.
    outcome.recorded().ifPresent(s -> consecutiveFailures = s.consecutiveFailures());
    boolean ok = outcome.kind() == ExportOutcome.Kind.EXPORTED;
    logExportStatus(ok ? "OK" : "SKIP", ok ? "" : outcome.reason());
    if (outcome.recorded().isEmpty()) {
      state.writeExportStatus(
          ok
              ? ExportStatusFile.Status.exported(now)
              : ExportStatusFile.Status.skipped(now, outcome.reason(), consecutiveFailures));
    }
    return false;
  }

  /** A cycle that exported nothing, for {@code reason}. */
  private void exportStatus(String reason, Instant now) {
    logExportStatus("SKIP", reason);
    state.writeExportStatus(ExportStatusFile.Status.skipped(now, reason, consecutiveFailures));
  }

  private void logExportStatus(String both, String reason) {
    console.info("EXPORT_STATUS summary=" + both + " violations=" + both + " reason=" + reason);
  }

  private void decideAndAlert(Analysis a) {
    Instant now = clock.instant();
    String signature = ViolationSignature.of(a);
    List<String> channels = delivery.channels();
    AlertLedger ledger = state.loadAlertState(now);
    if (!policy.allows(a.verdict())) {
      console.debug("ALERT_SKIPPED verdict=" + a.verdict() + " reason=below_min_severity");
      if (config.alertResolved()) {
        ledger = resolve(a, ledger, channels, now);
      }
      remember(ledger, now);
      return;
    }
    // Each channel decides from its own last delivery: one that failed last cycle is due again
    // while the one that delivered is still debounced.
    Map<String, AlertDecision> decisions = new LinkedHashMap<>();
    for (String ch : channels.isEmpty() ? List.of(NO_CHANNEL) : channels) {
      decisions.put(
          ch,
          AlertDecider.decide(
              a.verdict(), signature, ledger.forChannel(ch), policy, config.debounceMin(), now));
    }
    Set<String> lines = new LinkedHashSet<>();
    decisions.values().forEach(d -> lines.add(d.logLine()));
    if (lines.size() == 1) {
      lines.stream().filter(l -> !l.isEmpty()).forEach(console::info);
    } else {
      decisions.forEach(
          (ch, d) -> {
            if (!d.logLine().isEmpty()) {
              console.info(d.logLine() + " channel=" + ch);
            }
          });
    }
    if (decisions.values().stream().anyMatch(d -> d.kind() == AlertDecision.Kind.DEBOUNCED)) {
      metrics.alertDebounced();
    }
    List<String> due =
        decisions.entrySet().stream()
            .filter(e -> e.getValue().send())
            .map(Map.Entry::getKey)
            .filter(ch -> !ch.equals(NO_CHANNEL))
            .toList();
    boolean anyDue = decisions.values().stream().anyMatch(AlertDecision::send);
    if (anyDue) {
      String text = AlertText.summary(a, config.env(), config.exchange());
      List<String> delivered = delivery.deliver(text, due);
      if (!delivered.isEmpty()) {
        console.info(
            "ALERT_SENT verdict=" + a.verdict() + " channels=" + String.join(",", delivered));
        ledger = ledger.delivered(delivered, new AlertState(a.verdict(), now, signature));
        state.saveAlertState(ledger);
      }
    }
    remember(ledger, now);
  }

  /**
   * One {@code [✅ RESOLVED]} message to each channel that was last sent an alert at or above the
   * minimum severity; once delivered that channel's state is the cleared verdict, so it is not
   * resolved twice and a new alert goes out at once.
   */
  private AlertLedger resolve(Analysis a, AlertLedger ledger, List<String> channels, Instant now) {
    List<String> due = new ArrayList<>();
    Level previous = Level.OK;
    for (String ch : channels) {
      Optional<AlertState> last = ledger.forChannel(ch).filter(s -> policy.allows(s.lastLevel()));
      if (last.isPresent()) {
        due.add(ch);
        previous =
            previous.compareTo(last.get().lastLevel()) >= 0 ? previous : last.get().lastLevel();
      }
    }
    if (due.isEmpty()) {
      return ledger;
    }
    List<String> delivered =
        delivery.deliver(AlertText.resolved(a, previous, config.env(), config.exchange()), due);
    if (delivered.isEmpty()) {
      return ledger;
    }
    console.info(
        "ALERT_RESOLVED verdict="
            + a.verdict()
            + " prev="
            + previous
            + " channels="
            + String.join(",", delivered));
    AlertLedger next = ledger.delivered(delivered, new AlertState(a.verdict(), now, ""));
    state.saveAlertState(next);
    return next;
  }

  private void remember(AlertLedger ledger, Instant now) {
    lastLedger = ledger;
    refreshDebounce(now);
  }

  /**
   * The debounce gauge: minutes until the slowest channel may repeat its alert, from each channel's
   * own delivery (full window right after a send). Refreshed while waiting, so it moves at any
   * interval.
   */
  private void refreshDebounce(Instant now) {
    long remaining = 0;
    for (String ch : delivery.channels()) {
      Optional<AlertState> s = lastLedger.forChannel(ch).filter(x -> policy.allows(x.lastLevel()));
      if (s.isPresent()) {
        long elapsed = Math.max(0, Duration.between(s.get().lastSentUtc(), now).toMinutes());
        remaining = Math.max(remaining, Math.max(0, config.debounceMin() - elapsed));
      }
    }
    metrics.debounceRemaining(remaining);
  }

  /** The guide's Redis-down WARN alert: after the streak, at most once per debounce window. */
  private void redisDownAlert() {
    if (config.redisDownMax() <= 0 || consecutiveFailures < config.redisDownMax()) {
      return;
    }
    Instant now = clock.instant();
    Optional<Instant> last = state.redisDownAlertSent();
    if (last.isPresent() && Duration.between(last.get(), now).toMinutes() < config.debounceMin()) {
      console.debug("redis-down alert already sent at " + last.get());
      return;
    }
    String text = AlertText.redisDown(config.env(), config.exchange(), consecutiveFailures, now);
    List<String> delivered = delivery.deliver(text, delivery.channels());
    if (!delivered.isEmpty()) {
      console.info(
          "ALERT_SENT verdict=WARN reason=redis_down consecutive_failures="
              + consecutiveFailures
              + " channels="
              + String.join(",", delivered));
      state.redisDownAlertSent(now);
    }
  }

  private void heartbeat(Instant now) {
    String where = state.writeHeartbeat(now, false);
    metrics.heartbeat(now);
    metrics.cycleCompleted(now);
    console.info("Heartbeat written key=" + config.key(config.heartbeatKey()) + " store=" + where);
  }

  /**
   * Between cycles: the heartbeat (Redis key, local file, metric) and the debounce gauge move on,
   * so liveness and the gauge do not depend on {@code --interval-min}. A Redis that is down was
   * already reported by the cycle, so this says so only in debug lines.
   */
  void heartbeatWhileWaiting() {
    Instant now = clock.instant();
    String where = state.writeHeartbeat(now, true);
    metrics.heartbeat(now);
    refreshDebounce(now);
    console.debug("Heartbeat refreshed while waiting store=" + where);
  }

  private long elapsedMs(long start) {
    return Math.max(0, (nanoTime.getAsLong() - start) / 1_000_000L);
  }

  private String redact(String text) {
    String out = text == null ? "" : text;
    for (String s : secrets) {
      out = out.replace(s, "***");
    }
    return out;
  }
}
