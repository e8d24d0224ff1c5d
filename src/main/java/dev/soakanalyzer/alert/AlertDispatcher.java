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

  public boolean hasChannels() {
    return !notifiers.isEmpty();
  }

  /** The channels that delivered the message. */
  public List<AlertChannel> dispatch(String text, Consumer<String> warn) {
    List<AlertChannel> delivered = new ArrayList<>();
    for (Notifier n : notifiers) {
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
