package dev.soakanalyzer.runner;

import dev.soakanalyzer.alert.AlertChannel;
import dev.soakanalyzer.alert.AlertDispatcher;
import dev.soakanalyzer.app.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where a cycle's alert texts go: the configured channels (each one's success or failure counted in
 * the metrics), or the console in dry-run. The one place a cycle sends anything.
 */
final class AlertDelivery {
  /** The channel label of a dry run, in the ledger and the logs. */
  static final String DRY_RUN = "dry-run";

  private final boolean dryRun;
  private final AlertDispatcher dispatcher;
  private final Console console;
  private final RunnerMetrics metrics;
  private final UnaryOperator<String> redact;
  private boolean warnedNoChannel;

  AlertDelivery(
      boolean dryRun,
      AlertDispatcher dispatcher,
      Console console,
      RunnerMetrics metrics,
      UnaryOperator<String> redact) {
    this.dryRun = dryRun;
    this.dispatcher = dispatcher;
    this.console = console;
    this.metrics = metrics;
    this.redact = redact;
  }

  /** The channels alerts go to: the configured ones, or the console in dry-run. */
  List<String> channels() {
    return dryRun
        ? List.of(DRY_RUN)
        : dispatcher.channels().stream().map(AlertChannel::label).toList();
  }

  /** Sends to {@code channels} (or prints, in dry-run) and returns those that delivered. */
  List<String> deliver(String text, List<String> channels) {
    if (dryRun) {
      console.info("ALERT_DRY_RUN text follows");
      console.print(text + "\n");
      return List.of(DRY_RUN);
    }
    if (!dispatcher.hasChannels()) {
      if (!warnedNoChannel) {
        console.warn("alert due but no channel configured (use --alert telegram|slack)");
        warnedNoChannel = true;
      }
      return List.of();
    }
    List<AlertChannel> wanted =
        channels.stream().map(c -> AlertChannel.parse(c).orElseThrow()).toList();
    List<AlertChannel> delivered =
        dispatcher.dispatch(text, wanted, msg -> console.warn(redact.apply(msg)));
    List<String> failed = new ArrayList<>();
    for (AlertChannel ch : wanted) {
      if (delivered.contains(ch)) {
        metrics.alertSent(ch);
      } else {
        metrics.alertFailed(ch);
        failed.add(ch.label());
      }
    }
    if (delivered.isEmpty()) {
      console.warn("ALERT_FAILED not delivered on any channel, will retry next cycle");
    } else if (!failed.isEmpty()) {
      console.warn(
          "ALERT_FAILED not delivered on "
              + String.join(",", failed)
              + ", will retry there next cycle");
    }
    return delivered.stream().map(AlertChannel::label).toList();
  }
}
