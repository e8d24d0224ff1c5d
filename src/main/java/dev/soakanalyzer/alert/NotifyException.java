package dev.soakanalyzer.alert;

/** An alert was not delivered. The message is safe to log: it never holds a secret. */
public class NotifyException extends Exception {
  public NotifyException(String message) {
    super(message);
  }
}
