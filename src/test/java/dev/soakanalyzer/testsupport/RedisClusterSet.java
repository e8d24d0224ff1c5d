package dev.soakanalyzer.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A Redis Cluster on loopback: three masters, one replica each ({@code redis-cli --cluster create
 * --cluster-replicas 1}), node timeout 1 s, started by the test and stopped after it.
 *
 * <pre>{@code
 * try (RedisClusterSet cluster = RedisClusterSet.start()) {
 *   String url = cluster.url();                 // redis-cluster://127.0.0.1:P1,...
 *   cluster.killMasterOf("{dev:bybit}:x");      // kill -9; the replica takes over
 *   cluster.failoverSlotOf("{dev:bybit}:x");    // CLUSTER FAILOVER on the slot's replica
 * }
 * }</pre>
 */
public final class RedisClusterSet implements AutoCloseable {
  private final List<RedisProcess> nodes = new ArrayList<>();

  private RedisClusterSet() {}

  public static RedisClusterSet start() {
    RedisClusterSet c = new RedisClusterSet();
    try {
      for (int i = 0; i < 6; i++) {
        int port = RedisProcess.freePort(true);
        c.nodes.add(
            RedisProcess.start(
                port,
                List.of(
                    "cluster-enabled yes",
                    "cluster-config-file nodes-" + port + ".conf",
                    "cluster-node-timeout 1000",
                    // a replica takes over however long its link was down
                    "cluster-replica-validity-factor 0"),
                false));
      }
      List<String> cmd =
          new ArrayList<>(List.of(RedisProcess.binary("redis-cli"), "--cluster", "create"));
      c.nodes.forEach(n -> cmd.add("127.0.0.1:" + n.port()));
      cmd.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        fail("redis-cli --cluster create failed:\n" + out);
      }
      RedisProcess.await(
          Duration.ofSeconds(30),
          () -> c.nodes.stream().allMatch(n -> info(n).contains("cluster_state:ok")),
          "every node to report cluster_state:ok");
      return c;
    } catch (IOException e) {
      c.close();
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      throw new IllegalStateException(e);
    } catch (RuntimeException | Error e) {
      c.close();
      throw e;
    }
  }

  public String url() {
    StringBuilder s = new StringBuilder("redis-cluster://");
    for (int i = 0; i < nodes.size(); i++) {
      s.append(i == 0 ? "" : ",").append("127.0.0.1:").append(nodes.get(i).port());
    }
    return s.toString();
  }

  /** The node serving {@code key}'s slot as master now (asked of a live node). */
  public RedisProcess masterOf(String key) {
    int slot = JedisClusterCRC16.getSlot(key);
    for (RedisProcess n : nodes) {
      if (!n.alive()) {
        continue;
      }
      try (Jedis j = n.client()) {
        for (Object range : j.clusterSlots()) {
          List<?> r = (List<?>) range;
          if (slot >= (Long) r.get(0) && slot <= (Long) r.get(1)) {
            int port = Math.toIntExact((Long) ((List<?>) r.get(2)).get(1));
            return nodes.stream().filter(x -> x.port() == port).findFirst().orElseThrow();
          }
        }
      } catch (RuntimeException e) {
        // ask the next node
      }
    }
    throw new IllegalStateException("no live node knows slot " + slot);
  }

  /** A client of {@code key}'s master, for checking what was written. */
  public Jedis clientFor(String key) {
    return masterOf(key).client();
  }

  /** kill -9 of the master of {@code key}'s slot; its replica takes over after the node timeout. */
  public RedisProcess killMasterOf(String key) {
    RedisProcess m = masterOf(key);
    m.kill();
    return m;
  }

  /** {@code CLUSTER FAILOVER} on the replica of {@code key}'s master; returns once it is master. */
  public void failoverSlotOf(String key) {
    RedisProcess old = masterOf(key);
    String oldId;
    try (Jedis j = old.client()) {
      oldId = j.clusterMyId();
    }
    RedisProcess replica =
        nodes.stream()
            .filter(n -> n.alive() && n != old)
            .filter(
                n -> {
                  try (Jedis j = n.client()) {
                    return info(n, "replication").contains("role:slave")
                        && j.clusterNodes()
                            .lines()
                            .anyMatch(l -> l.contains("myself") && l.contains(oldId));
                  }
                })
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no replica of " + old.port()));
    try (Jedis j = replica.client()) {
      j.clusterFailover();
    }
    awaitNewMaster(key, old.port());
  }

  /** Waits until a live node other than {@code oldPort} serves {@code key}'s slot as master. */
  public void awaitNewMaster(String key, int oldPort) {
    RedisProcess.await(
        Duration.ofSeconds(30),
        () -> {
          try {
            RedisProcess m = masterOf(key);
            if (m.port() == oldPort || !m.alive()) {
              return false;
            }
            try (Jedis j = m.client()) {
              return RedisProcess.role(j).equals("master");
            }
          } catch (RuntimeException e) {
            return false;
          }
        },
        "a replica to take over the slot of " + key);
  }

  private static String info(RedisProcess n) {
    return info(n, "cluster");
  }

  private static String info(RedisProcess n, String section) {
    if (!n.alive()) {
      return "";
    }
    try (Jedis j = n.client()) {
      return section.equals("cluster") ? j.clusterInfo() : j.info(section);
    } catch (RuntimeException e) {
      return "";
    }
  }

  @Override
  public void close() {
    nodes.forEach(RedisProcess::close);
  }
}
