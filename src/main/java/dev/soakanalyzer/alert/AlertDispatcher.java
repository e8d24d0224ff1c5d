package dev.soakanalyzer.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Sends one message to every channel; a failing channel warns and the others still get it. */
public final class AlertDispatcher {
  private final List<Notifier> notifiers;

  public AlertDispatcher(List<Notifier> notifiers) {
    this.notifiers = List.copyOf(notifiers);
  }

  /** The configured channels, in order. */
  public List<AlertChannel> channels() {
    return notifiers.stream().map(Notifier::channel).toList();
  }

  public boolean hasChannels() {
    return !notifiers.isEmpty();
  }

  /** The channels that delivered the message. */
  public List<AlertChannel> dispatch(String text, Consumer<String> warn) {
    return dispatch(text, notifiers.stream().map(Notifier::channel).toList(), warn);
  }

  /**
   * Sends only to {@code channels} (those that are due, e.g. the one that failed last cycle) and
   * returns the ones that delivered.
   */
  public List<AlertChannel> dispatch(
      String text, List<AlertChannel> channels, Consumer<String> warn) {
    List<AlertChannel> delivered = new ArrayList<>();
    for (Notifier n : notifiers) {
      if (!channels.contains(n.channel())) {
        continue;
      }
      try {
        n.send(text);
        delivered.add(n.channel());
      } catch (NotifyException e) {
        warn.accept("alert not delivered: " + e.getMessage());
      } catch (RuntimeException e) {
        warn.accept("alert not delivered: " + n.channel() + ": " + e.getClass().getSimpleName());
      }
    }
    return delivered;
  }
}
