package dev.soakanalyzer.runner;

/** Another live runner holds the lock file. */
public final class LockHeldException extends Exception {
  private final long pid;

  public LockHeldException(long pid) {
    super("lock held by PID " + pid);
    this.pid = pid;
  }

  public long pid() {
    return pid;
  }
}
