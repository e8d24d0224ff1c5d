package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.state.StateStore;
import dev.soakanalyzer.state.StateStoreContract;
import dev.soakanalyzer.state.StateStoreException;
import dev.soakanalyzer.testsupport.RealRedis;
import dev.soakanalyzer.testsupport.RedisServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

class RedisStateStoreTest extends StateStoreContract {
  @RegisterExtension static final RealRedis REDIS = new RealRedis();

  @Override
  protected StateStore createStore() {
    return new RedisStateStore(RedisConnectionSettings.of(REDIS.url()));
  }

  @Override
  protected String newPrefix() {
    return REDIS.uniqueEnv() + ":bybit:";
  }

  /**
   * Redis keeps real time, so "time passing" is simulated per key: the remaining TTL must be
   * consistent with what was put, and once it is used up the key is expired on the server.
   */
  @Override
  protected void letTimePass(String key, Duration elapsed) {
    try (Jedis j = new Jedis(REDIS.server().host(), REDIS.server().port())) {
      long pttl = j.pttl(key);
      if (pttl < 0) {
        return; // no TTL (-1) or no key (-2): time does not matter
      }
      long left = pttl - elapsed.toMillis();
      if (left <= 0) {
        j.pexpireAt(key, 1); // in the past: Redis deletes it now
      } else {
        j.pexpire(key, left);
      }
    }
  }

  @Test
  void aDownServerIsUnreachableAndTheMessageHasNoPassword() {
    RedisServer server = REDIS.start(RedisServer.Options.plain());
    String url = server.url(null, "hunter2-secret", 0);
    server.kill();
    try (var down =
        new RedisStateStore(
            RedisConnectionSettings.of(url)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)))) {
      assertThatThrownBy(() -> down.get("prod:bybit:x"))
          .isInstanceOfSatisfying(
              StateStoreException.class, e -> assertThat(e.unreachable()).isTrue())
          .message()
          .doesNotContain("hunter2-secret");
      assertThat(down.describe()).doesNotContain("hunter2-secret");
    }
  }

  @Test
  void aKeyOfAnotherTypeIsAnErrorNotUnreachable() {
    try (Jedis j = new Jedis(REDIS.server().host(), REDIS.server().port())) {
      j.hset(prefix + "h", "f", "v");
    }
    assertThatThrownBy(() -> store.get(prefix + "h"))
        .isInstanceOfSatisfying(
            StateStoreException.class, e -> assertThat(e.unreachable()).isFalse())
        .hasMessageContaining("WRONGTYPE");
  }
}
