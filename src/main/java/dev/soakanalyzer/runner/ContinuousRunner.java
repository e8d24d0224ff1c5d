package dev.soakanalyzer.runner;

import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.io.Sleeper;
import dev.soakanalyzer.state.Lease;
import dev.soakanalyzer.state.StateStoreException;
import java.io.IOException;
import java.time.Duration;

/**
 * The loop around {@link RunnerCycle}: lock refresh, lease, cycle, {@code --exit-on-crit} and
 * {@code --exit-on-regression}, wait. The caller holds the lock and releases it (also on SIGTERM).
 */
record ContinuousRunner(
    RunnerConfig config,
    Console console,
    RunnerCycle cycle,
    LockFile lock,
    Lease lease,
    StopSignal stop,
    Sleeper waiter) {

  ExitCode run() {
    console.info(cycle.policy().logLine());
    RunnerCycle.Outcome last = null;
    for (int i = 1; config.maxIterations() == 0 || i <= config.maxIterations(); i++) {
      if (stop.isStopped()) {
        console.info("Stop requested, exiting");
        return ExitCode.OK;
      }
      console.debug(
          "cycle " + i + (config.maxIterations() > 0 ? "/" + config.maxIterations() : ""));
      try {
        if (lock != null) {
          lock.refresh();
        }
      } catch (IOException e) {
        console.error(e.getMessage());
        return ExitCode.CRIT;
      }
      last = cycle.run(holdsLease());
      if (config.exitOnCrit() && last.verdict().filter(v -> v == Level.CRIT).isPresent()) {
        console.info("Exit on CRIT (--exit-on-crit)");
        return ExitCode.CRIT;
      }
      if (config.exitOnRegression() && last.regressed()) {
        console.info("Exit on regression (--exit-on-regression)");
        return ExitCode.REGRESSION;
      }
      boolean more = config.maxIterations() == 0 || i < config.maxIterations();
      if (more && !stop.isStopped()) {
        try {
          waitForNextCycle();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return ExitCode.OK;
        }
      }
    }
    if (stop.isStopped()) {
      console.info("Stop requested, exiting");
    }
    return last != null && last.verdict().isEmpty() ? ExitCode.USAGE : ExitCode.OK;
  }

  /**
   * Waits {@code --interval-min} in slices of at most {@link RunnerConfig#HEARTBEAT_EVERY},
   * refreshing the heartbeat after each, so its age says whether the process is alive whatever the
   * interval. Counting slices (not reading the clock) keeps the wait bounded under any clock.
   */
  private void waitForNextCycle() throws InterruptedException {
    Duration left = Duration.ofMinutes(config.intervalMin());
    do {
      Duration slice =
          left.compareTo(RunnerConfig.HEARTBEAT_EVERY) < 0 ? left : RunnerConfig.HEARTBEAT_EVERY;
      waiter.sleep(slice);
      left = left.minus(slice);
      if (stop.isStopped()) {
        return;
      }
      if (!left.isZero()) {
        cycle.heartbeatWhileWaiting();
      }
    } while (!left.isZero());
  }

  private boolean holdsLease() {
    if (config.dryRun()) {
      return true;
    }
    try {
      return lease.acquireOrRenew();
    } catch (StateStoreException e) {
      // Redis down: no other runner can export either; go on with local state.
      console.debug("lease not checked: " + e.getMessage());
      return true;
    }
  }
}
