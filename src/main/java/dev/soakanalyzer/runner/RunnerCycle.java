package dev.soakanalyzer.runner;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertDecider;
import dev.soakanalyzer.alert.AlertDecision;
import dev.soakanalyzer.alert.AlertDispatcher;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One cycle (docs/RUNNER.md): analyse -> export -> alert decision -> heartbeat -> {@code
 * CONTINUOUS_METRICS}. Never throws for a failed step: each one degrades and says why.
 */
final class RunnerCycle {

  /** What one cycle ended with; {@code verdict} is empty when the analysis failed. */
  record Outcome(String label, Optional<Level> verdict) {}

  private final RunnerConfig config;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Console console;
  private final AnalysisStep analysis;
  private final Optional<SummaryExport> exporter;
  private final RunnerState state;
  private final AlertDispatcher dispatcher;
  private final RunnerMetrics metrics;
  private final AlertPolicy.Effective policy;
  private final List<String> secrets;
  private int consecutiveFailures;
  private boolean warnedNoChannel;

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
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.policy = config.alertPolicy().effectiveFor(config.env());
    this.secrets = config.secrets().values();
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
      return new Outcome("FAIL", Optional.empty());
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
    return new Outcome(label, Optional.of(a.verdict()));
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
    String signature = ViolationSignature.of(a.violations());
    RunnerState.Loaded loaded = state.loadAlertState();
    AlertDecision decision =
        AlertDecider.decide(
            a.verdict(), signature, loaded.state(), policy, config.debounceMin(), now);
    metrics.debounceRemaining(decision.remainingMin());
    String line = decision.logLine();
    if (decision.kind() == AlertDecision.Kind.BELOW_MIN_SEVERITY) {
      console.debug(line);
      return;
    }
    if (!line.isEmpty()) {
      console.info(line);
    }
    if (decision.kind() == AlertDecision.Kind.DEBOUNCED) {
      metrics.alertDebounced();
      return;
    }
    String text = AlertText.summary(a, config.env(), config.exchange());
    List<String> delivered = deliver(text);
    if (delivered.isEmpty()) {
      return;
    }
    console.info("ALERT_SENT verdict=" + a.verdict() + " channels=" + String.join(",", delivered));
    state.saveAlertState(new AlertState(a.verdict(), now, signature));
  }

  /** Sends (or prints, in dry-run) and returns the channels that delivered. */
  private List<String> deliver(String text) {
    if (config.dryRun()) {
      console.info("ALERT_DRY_RUN text follows");
      console.print(text + "\n");
      return List.of("dry-run");
    }
    if (!dispatcher.hasChannels()) {
      if (!warnedNoChannel) {
        console.warn("alert due but no channel configured (use --alert telegram|slack)");
        warnedNoChannel = true;
      }
      return List.of();
    }
    List<AlertChannel> delivered = dispatcher.dispatch(text, msg -> console.warn(redact(msg)));
    for (AlertChannel ch : config.channels()) {
      if (delivered.contains(ch)) {
        metrics.alertSent(ch);
      } else {
        metrics.alertFailed(ch);
      }
    }
    if (delivered.isEmpty()) {
      console.warn("ALERT_FAILED not delivered on any channel, will retry next cycle");
    }
    return delivered.stream().map(AlertChannel::label).toList();
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
    List<String> delivered = deliver(text);
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
    String where = state.writeHeartbeat(now);
    metrics.heartbeat(now);
    console.info("Heartbeat written key=" + config.key(config.heartbeatKey()) + " store=" + where);
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
