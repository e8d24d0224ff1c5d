package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.redis.RedisUrl.Node;
import dev.soakanalyzer.redis.RedisUrl.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.util.JedisClusterCRC16;

/** Sentinel and Cluster URLs, and the hash-tagged keys of a cluster. */
class HaUrlAndKeysTest {

  @Test
  void sentinelUrlNamesItsSentinelsMasterAndDb() {
    RedisUrl url =
        RedisUrl.parse("redis-sentinel://soak:p%40ss@s1:26379,s2,[::1]:26381/mymaster/3");

    assertThat(url.topology()).isEqualTo(Topology.SENTINEL);
    assertThat(url.nodes())
        .containsExactly(new Node("s1", 26379), new Node("s2", 26379), new Node("::1", 26381));
    assertThat(url.master()).isEqualTo("mymaster");
    assertThat(url.db()).isEqualTo(3);
    assertThat(url.user()).isEqualTo("soak");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.tls()).isFalse();
    assertThat(url.redacted())
        .isEqualTo("redis-sentinel://soak:***@s1:26379,s2:26379,[::1]:26381/mymaster/3");
  }

  @Test
  void clusterUrlNamesItsSeedsOverTls() {
    RedisUrl url = RedisUrl.parse("rediss-cluster://:hunter2@n1:7000,n2:7001");

    assertThat(url.topology()).isEqualTo(Topology.CLUSTER);
    assertThat(url.tls()).isTrue();
    assertThat(url.nodes()).containsExactly(new Node("n1", 7000), new Node("n2", 7001));
    assertThat(url.password()).isEqualTo("hunter2");
    assertThat(url.redacted()).isEqualTo("rediss-cluster://***@n1:7000,n2:7001");
    assertThat(url.highlyAvailable()).isTrue();
    assertThat(RedisUrl.parse("redis://h").highlyAvailable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "redis-sentinel://u:hunter2@s1:26379",
        "redis-sentinel://u:hunter2@s1:26379/",
        "redis-sentinel://u:hunter2@s1:26379/m/x",
        "redis-sentinel://u:hunter2@s1:26379/m/1/2",
        "redis-sentinel://u:hunter2@s1:99999/m",
        "redis-sentinel://u:hunter2@s1:26379,,s2/m",
        "redis-cluster://u:hunter2@n1:7000/0",
        "redis-cluster://u:hunter2@n1:7000,n 2:7001",
        "redis-cluster://u:hunter2@",
        "redis-cluster://u:hunter2%zz@n1",
        "rediss-clusterx://u:hunter2@n1",
        "redis://u:hunter2%zz@h/0",
      })
  void unparseableUrlsSayWhyWithoutThePassword(String text) {
    assertThatThrownBy(() -> RedisUrl.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").isNotBlank());
  }

  @Test
  void onAClusterEveryKeyOfOneEnvExchangeSharesTheHashTagAndSlot() {
    RedisKeys keys = new RedisKeys("prod", "bybit").onCluster();

    List<String> all =
        List.of(
            keys.summary(),
            keys.violations("BTCUSDT"),
            keys.stream("BTCUSDT"),
            keys.streamed("ETHUSDT"),
            keys.history(),
            keys.summaryHash(),
            keys.lease(),
            keys.key(RedisKeys.ALERT_DEBOUNCE),
            keys.key(RedisKeys.HEARTBEAT),
            // the runner builds its keys plain; the store moves them into the slot
            keys.key(RedisKeys.prefixed("prod", "bybit", RedisKeys.HEARTBEAT)));

    assertThat(keys.summary()).isEqualTo("{prod:bybit}:soak:summary");
    assertThat(keys.history()).isEqualTo("{prod:bybit}:soak:history");
    assertThat(all).allSatisfy(k -> assertThat(k).startsWith("{prod:bybit}:"));
    assertThat(all.stream().map(JedisClusterCRC16::getSlot).distinct()).hasSize(1);
    // off a cluster the documented names are unchanged
    assertThat(new RedisKeys("prod", "bybit").history()).isEqualTo("prod:bybit:soak:history");
    assertThat(new RedisKeys("prod", "bybit").key("{prod:bybit}:x")).isEqualTo("prod:bybit:x");
  }

  @Test
  void aHashTagCannotBeBrokenByBraces() {
    assertThatThrownBy(() -> new RedisKeys("pr{od", "bybit").onCluster())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hash tag");
  }
}
