package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisUrlAndKeysTest {

  @Test
  void parsesUserPasswordHostPortAndDb() {
    RedisUrl url = RedisUrl.parse("rediss://soak:p%40ss@cache.example:6380/4");

    assertThat(url).isEqualTo(new RedisUrl(true, "cache.example", 6380, "soak", "p@ss", 4));
    assertThat(url.redacted()).isEqualTo("rediss://soak:***@cache.example:6380/4");
    assertThat(url.toString()).doesNotContain("p@ss");
  }

  @Test
  void defaultsPortAndDbAndReadsAPasswordWithoutUser() {
    RedisUrl url = RedisUrl.parse("redis://s3cret@localhost");

    assertThat(url).isEqualTo(new RedisUrl(false, "localhost", 6379, null, "s3cret", 0));
    assertThat(url.redacted()).isEqualTo("redis://***@localhost:6379/0");
  }

  @Test
  void anEmptyUserBeforeTheColonMeansPasswordOnlyAuth() {
    RedisUrl url = RedisUrl.parse("redis://:s3cret@cache.example:6380/2");

    assertThat(url).isEqualTo(new RedisUrl(false, "cache.example", 6380, null, "s3cret", 2));
    assertThat(url.redacted()).isEqualTo("redis://***@cache.example:6380/2");
    assertThat(RedisUrl.parse("redis://:p%3Aw@h").password()).isEqualTo("p:w");
    assertThat(RedisUrl.redact("redis://:s3cret@h:1/0")).doesNotContain("s3cret");
  }

  @Test
  void errorsNeverEchoThePassword() {
    assertThatThrownBy(() -> RedisUrl.parse("redis://u:hunter2@host/notadb"))
        .hasMessage("db must be a number in redis://u:***@host/notadb");
    assertThatThrownBy(() -> RedisUrl.parse("tcp://u:hunter2@host"))
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> RedisUrl.parse("redis://u:hunter2@ho st"))
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void keysArePrefixedOnceWithEnvAndExchange() {
    RedisKeys keys = new RedisKeys("prod", "bybit");

    assertThat(keys.violations("BTCUSDT")).isEqualTo("prod:bybit:soak:violations:BTCUSDT");
    assertThat(keys.stream("BTCUSDT")).isEqualTo("prod:bybit:soak:violations:stream:BTCUSDT");
    assertThat(keys.summary()).isEqualTo("prod:bybit:soak:summary");
    assertThat(keys.key("prod:bybit:soak:runner:heartbeat"))
        .isEqualTo("prod:bybit:soak:runner:heartbeat");
    assertThat(keys.key("soak:alerts:debounce")).isEqualTo("prod:bybit:soak:alerts:debounce");
  }
}
