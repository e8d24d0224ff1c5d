package dev.soakanalyzer.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.redis.RedisConnectionSettings;
import dev.soakanalyzer.redis.RedisLease;
import dev.soakanalyzer.state.StateStoreException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two runners on "different hosts" (two leases, one Redis): only one acts at a time. */
class RedisLeaseTest {

  @Test
  void onlyTheHolderRenewsAndReleaseHandsItOver() throws Exception {
    try (TestRedis redis = TestRedis.start()) {
      RedisConnectionSettings s = RedisConnectionSettings.of(redis.url());
      String key = "dev:bybit:soak:runner:lease";
      try (RedisLease a = new RedisLease(s, key, "token-a", Duration.ofMinutes(5));
          RedisLease b = new RedisLease(s, key, "token-b", Duration.ofMinutes(5))) {
        assertThat(a.acquireOrRenew()).isTrue();
        assertThat(b.acquireOrRenew()).isFalse();
        assertThat(a.acquireOrRenew()).isTrue();
        assertThat(Long.parseLong(redis.cli("PTTL", key))).isBetween(1L, 300_000L);
        b.release(); // not b's: a keeps it
        assertThat(redis.cli("GET", key)).isEqualTo("token-a");
        a.release();
        assertThat(b.acquireOrRenew()).isTrue();
      }
      assertThat(redis.cli("EXISTS", key)).isEqualTo("0");
    }
  }

  @Test
  void anUnreachableServerIsReportedAsUnreachable() throws Exception {
    RedisConnectionSettings s =
        RedisConnectionSettings.of("redis://127.0.0.1:" + TestRedis.closedPort() + "/0");
    try (RedisLease lease = new RedisLease(s, "k", "t", Duration.ofMinutes(5))) {
      assertThatThrownBy(lease::acquireOrRenew)
          .isInstanceOfSatisfying(
              StateStoreException.class, e -> assertThat(e.unreachable()).isTrue());
    }
  }
}
