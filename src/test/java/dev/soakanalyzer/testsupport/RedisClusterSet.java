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
  private final boolean tls;

  private RedisClusterSet(boolean tls) {
    this.tls = tls;
  }

  public static RedisClusterSet start() {
    return start(1, false);
  }

  /**
   * Three masters, no replicas, speaking TLS only: clients, the cluster bus ({@code tls-cluster
   * yes}) and replication; the nodes announce their TLS ports. {@link #url()} is {@code
   * rediss-cluster://}, clients trust {@link #caFile()}.
   */
  public static RedisClusterSet startTls() {
    return start(0, true);
  }

  private static RedisClusterSet start(int replicas, boolean tls) {
    RedisClusterSet c = new RedisClusterSet(tls);
    try {
      for (int i = 0; i < 3 * (1 + replicas); i++) {
        int port = RedisProcess.freePort(true);
        List<String> config =
            new ArrayList<>(
                List.of(
                    "cluster-enabled yes",
                    "cluster-config-file nodes-" + port + ".conf",
                    "cluster-node-timeout 1000",
                    // a replica takes over however long its link was down
                    "cluster-replica-validity-factor 0"));
        if (tls) {
          config.add("tls-cluster yes"); // the bus speaks TLS, nodes announce their TLS port
        }
        c.nodes.add(RedisProcess.start(port, config, false, tls));
      }
      List<String> cmd = new ArrayList<>(List.of(RedisProcess.binary("redis-cli")));
      if (tls) {
        cmd.addAll(List.of("--tls", "--cacert", TestCertificates.shared().caCert().toString()));
      }
      cmd.addAll(List.of("--cluster", "create"));
      c.nodes.forEach(n -> cmd.add("127.0.0.1:" + n.port()));
      cmd.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
      // Output to a file, so a create that never joins (e.g. a bus that refuses the nodes) is
      // cut after 60 s rather than blocking on its output.
      java.nio.file.Path log = java.nio.file.Files.createTempFile("soak-cluster-create", ".log");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean done = p.waitFor(60, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String out = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
      java.nio.file.Files.deleteIfExists(log);
      if (!done || p.exitValue() != 0) {
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
    StringBuilder s = new StringBuilder(tls ? "rediss-cluster://" : "redis-cluster://");
    for (int i = 0; i < nodes.size(); i++) {
      s.append(i == 0 ? "" : ",").append("127.0.0.1:").append(nodes.get(i).port());
    }
    return s.toString();
  }

  /** The CA that signed the TLS cluster's certificates (for {@code --redis-ca-file}). */
  public java.nio.file.Path caFile() {
    if (!tls) {
      throw new IllegalStateException("a plain cluster has no CA; use startTls()");
    }
    return TestCertificates.shared().caCert();
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

  /**
   * Waits until {@code key}'s master has a replica online and caught up. A failover test starts
   * from a healthy pair: a replica still resyncing (the node an earlier test killed and restarted)
   * would be promoted without what the master had, which Redis's asynchronous replication allows
   * and no client can prevent.
   */
  public void awaitReplicaInSync(String key) {
    RedisProcess.await(
        java.time.Duration.ofSeconds(30),
        () -> {
          try (Jedis j = masterOf(key).client()) {
            String info = j.info("replication");
            long offset = -1;
            long best = -1;
            for (String line : info.split("\r?\n")) {
              if (line.startsWith("master_repl_offset:")) {
                offset = Long.parseLong(line.substring("master_repl_offset:".length()).trim());
              } else if (line.startsWith("slave") && line.contains("state=online")) {
                for (String part : line.substring(line.indexOf(':') + 1).split(",")) {
                  if (part.startsWith("offset=")) {
                    best = Math.max(best, Long.parseLong(part.substring("offset=".length())));
                  }
                }
              }
            }
            return offset >= 0 && best >= offset;
          } catch (RuntimeException e) {
            return false;
          }
        },
        "a replica of " + key + "'s master online and in sync");
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
