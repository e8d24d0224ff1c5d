package dev.soakanalyzer.app;

/** A usage or input error: its message is the one-line {@code error:} text; exit code 2. */
public final class UsageException extends Exception {
  public UsageException(String message) {
    super(message);
  }
}
