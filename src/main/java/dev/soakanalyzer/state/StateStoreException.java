package dev.soakanalyzer.state;

/**
 * A state operation failed. {@link #unreachable()} tells a down/unreachable server (degrade
 * gracefully) from any other failure (report its real reason).
 */
public class StateStoreException extends Exception {
  private final boolean unreachable;

  public StateStoreException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  public boolean unreachable() {
    return unreachable;
  }
}
