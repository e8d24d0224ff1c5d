package dev.soakanalyzer.alert;

/** One alert channel. Implementations never put a secret (token, webhook URL) in a message. */
public interface Notifier {

  /** The channel this notifier delivers to. */
  AlertChannel channel();

  /** Delivers the plain-text message, retrying within a bound; throws when it was not delivered. */
  void send(String text) throws NotifyException;
}
