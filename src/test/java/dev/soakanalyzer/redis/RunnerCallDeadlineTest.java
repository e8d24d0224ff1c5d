package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.soakanalyzer.state.StateStoreException;
import dev.soakanalyzer.testsupport.HostilePeer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every Redis call of the runner has a deadline: a server that drips a reply a byte at a time keeps
 * each read under the read timeout for ever, yet the alert-state read and the lease end within
 * {@code --redis-timeout} as unreachable.
 */
class RunnerCallDeadlineTest {

  @Test
  void aDrippingServerCostsTheRunnerAtMostTheDeadlinePerCall() throws Exception {
    try (HostilePeer peer = HostilePeer.drip("+PONG\r\n", 200)) {
      RedisConnectionSettings settings =
          RedisConnectionSettings.of("redis://127.0.0.1:" + peer.port() + "/0")
              .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
      Duration deadline = Duration.ofMillis(1500);
      try (RedisStateStore store =
              new RedisStateStore(settings, new RedisKeys("dev", "bybit"), deadline);
          RedisLease lease =
              new RedisLease(
                  settings, new RedisKeys("dev", "bybit"), "me", Duration.ofMinutes(5), deadline)) {
        long start = System.nanoTime();
        StateStoreException get =
            catchThrowableOfType(
                () -> store.get("dev:bybit:soak:alerts:debounce"), StateStoreException.class);
        long getMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        StateStoreException renew =
            catchThrowableOfType(lease::acquireOrRenew, StateStoreException.class);
        long leaseMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(get.unreachable()).as(get.getMessage()).isTrue();
        assertThat(get).hasMessageContaining("no reply within 1500 ms");
        assertThat(renew.unreachable()).as(renew.getMessage()).isTrue();
        assertThat(getMillis).isLessThan(1500 + 1000);
        assertThat(leaseMillis).isLessThan(1500 + 1000);
      }
    }
  }
}
