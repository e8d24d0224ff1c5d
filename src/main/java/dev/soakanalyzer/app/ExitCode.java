package dev.soakanalyzer.app;

/**
 * Every exit code the tool returns, by meaning. The numbers are the documented contract (README,
 * docs/ACTION.md, docs/RUNNER.md): two meanings may share a number.
 */
public enum ExitCode {
  /** Done: OK or WARN, or CRIT without exit-on-crit, or stopped by a signal. */
  OK(0),
  /** CRIT with exit-on-crit, or another runner holds the lock. */
  CRIT(1),
  /** A cell REGRESSED against the baseline with exit-on-regression: a gate, as CRIT. */
  REGRESSION(1),
  /**
   * A failure that is not the caller's input (Redis refused, a file that cannot be written, a full
   * disk). Never 1: CI reads 1 as CRIT.
   */
  FAILURE(2),
  /** A bad flag, input or configuration, or a bounded run whose last analysis failed. */
  USAGE(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** {@link #CRIT} when exit-on-crit asks for it and the verdict is CRIT, else {@link #OK}. */
  public static ExitCode forVerdict(boolean exitOnCrit, boolean crit) {
    return exitOnCrit && crit ? CRIT : OK;
  }

  /** Either gate asked for and failed: {@link #CRIT} first, then {@link #REGRESSION}. */
  public static ExitCode forGates(
      boolean exitOnCrit, boolean crit, boolean exitOnRegression, boolean regressed) {
    if (exitOnCrit && crit) {
      return CRIT;
    }
    return exitOnRegression && regressed ? REGRESSION : OK;
  }
}
