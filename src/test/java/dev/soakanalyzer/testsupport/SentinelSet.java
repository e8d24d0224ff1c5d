package dev.soakanalyzer.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * A Sentinel set on loopback: a master, one replica and three sentinels (quorum 2, a master is down
 * after 1 s), started by the test and stopped after it.
 *
 * <pre>{@code
 * try (SentinelSet set = SentinelSet.start()) {
 *   String url = set.url();          // redis-sentinel://127.0.0.1:P1,...,127.0.0.1:P3/soakmaster/0
 *   set.failover();                  // SENTINEL FAILOVER, returns once the replica is master
 *   set.killMaster();                // kill -9 of the master (the sentinels promote the replica)
 * }
 * }</pre>
 */
public final class SentinelSet implements AutoCloseable {
  public static final String MASTER = "soakmaster";

  private final List<RedisProcess> servers = new ArrayList<>();
  private final List<RedisProcess> sentinels = new ArrayList<>();
  private final boolean tls;

  private SentinelSet(boolean tls) {
    this.tls = tls;
  }

  public static SentinelSet start() {
    return start(false);
  }

  /**
   * The same set speaking TLS only: every server and sentinel has a TLS port and no plain one, the
   * replica and the sentinels dial the master over TLS ({@code tls-replication yes}); {@link
   * #url()} is {@code rediss-sentinel://}, clients trust {@link #caFile()}.
   */
  public static SentinelSet startTls() {
    return start(true);
  }

  private static SentinelSet start(boolean tls) {
    SentinelSet set = new SentinelSet(tls);
    try {
      RedisProcess master = RedisProcess.start(RedisProcess.freePort(false), List.of(), false, tls);
      set.servers.add(master);
      RedisProcess replica =
          RedisProcess.start(
              RedisProcess.freePort(false),
              List.of("replicaof 127.0.0.1 " + master.port(), "replica-priority 100"),
              false,
              tls);
      set.servers.add(replica);
      RedisProcess.await(
          Duration.ofSeconds(20),
          () -> info(replica, "replication").contains("master_link_status:up"),
          "the replica to sync");
      for (int i = 0; i < 3; i++) {
        set.sentinels.add(
            RedisProcess.start(
                RedisProcess.freePort(false),
                List.of(
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + master.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER + " 1000",
                    "sentinel failover-timeout " + MASTER + " 4000",
                    "sentinel parallel-syncs " + MASTER + " 1"),
                true,
                tls));
      }
      RedisProcess.await(
          Duration.ofSeconds(20),
          () ->
              set.sentinels.stream()
                  .allMatch(
                      s -> {
                        String info = info(s, "sentinel");
                        return info.contains("status=ok")
                            && info.contains("slaves=1")
                            && info.contains("sentinels=3");
                      }),
          "three sentinels to see the master, its replica and each other");
      return set;
    } catch (RuntimeException | Error e) {
      set.close();
      throw e;
    }
  }

  public String url() {
    return url(null, null);
  }

  public String url(String user, String password) {
    StringBuilder s = new StringBuilder(tls ? "rediss-sentinel://" : "redis-sentinel://");
    if (password != null) {
      s.append(user == null ? "" : user).append(':').append(password).append('@');
    }
    for (int i = 0; i < sentinels.size(); i++) {
      s.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinels.get(i).port());
    }
    return s.append('/').append(MASTER).append("/0").toString();
  }

  /** The CA that signed the TLS set's certificates (for {@code --redis-ca-file}). */
  public java.nio.file.Path caFile() {
    if (!tls) {
      throw new IllegalStateException("a plain Sentinel set has no CA; use startTls()");
    }
    return TestCertificates.shared().caCert();
  }

  /**
   * Waits until the master has its replica online and in sync, so a failover has a replica to
   * promote (after a killed master was restarted and turned into a replica by the sentinels).
   */
  public void awaitHealthy() {
    // A master the sentinels demoted, or a killed one restarted, is turned into the replica at
    // once, as the sentinels would on their next 10 s look at it.
    int master = masterPort();
    for (RedisProcess p : servers) {
      if (p.alive() && p.port() != master) {
        try (Jedis j = p.client()) {
          if (RedisProcess.role(j).equals("master")) {
            j.replicaof("127.0.0.1", master);
          }
        } catch (RuntimeException e) {
          // still starting: the wait below tells
        }
      }
    }
    RedisProcess.await(
        Duration.ofSeconds(30),
        () -> {
          try {
            String info = info(master(), "replication");
            return info.contains("role:master")
                && info.contains("connected_slaves:1")
                && info.contains("state=online");
          } catch (RuntimeException e) {
            return false;
          }
        },
        "the master to have its replica online");
  }

  /** The port of the master the sentinels name now. */
  public int masterPort() {
    for (RedisProcess s : sentinels) {
      if (!s.alive()) {
        continue;
      }
      try (Jedis j = s.client()) {
        return Integer.parseInt(j.sentinelGetMasterAddrByName(MASTER).get(1));
      } catch (RuntimeException e) {
        // ask the next
      }
    }
    throw new IllegalStateException("no sentinel answers");
  }

  /** The server process on the master's port. */
  public RedisProcess master() {
    int port = masterPort();
    return servers.stream().filter(p -> p.port() == port).findFirst().orElseThrow();
  }

  /** A client of the current master, for checking what was written. */
  public Jedis masterClient() {
    return master().client();
  }

  /**
   * {@code SENTINEL FAILOVER}: the replica is promoted and the old master demoted; returns once the
   * new master says it is one.
   */
  public void failover() {
    int before = masterPort();
    try (Jedis j = sentinels.get(0).client()) {
      j.sentinelFailover(MASTER);
    }
    awaitNewMaster(before);
  }

  /** kill -9 of the master; the sentinels promote the replica (after 1 s down + election). */
  public RedisProcess killMaster() {
    RedisProcess m = master();
    m.kill();
    return m;
  }

  /** Waits until the sentinels name a master other than {@code oldPort} and it is writable. */
  public void awaitNewMaster(int oldPort) {
    RedisProcess.await(
        Duration.ofSeconds(30),
        () -> {
          try {
            int now = masterPort();
            if (now == oldPort) {
              return false;
            }
            try (Jedis j = RedisProcess.client(now, tls, 500)) {
              return RedisProcess.role(j).equals("master");
            }
          } catch (RuntimeException e) {
            return false;
          }
        },
        "the sentinels to promote a new master");
  }

  private static String info(RedisProcess p, String section) {
    try (Jedis j = p.client()) {
      return j.info(section);
    } catch (RuntimeException e) {
      return "";
    }
  }

  @Override
  public void close() {
    sentinels.forEach(RedisProcess::close);
    servers.forEach(RedisProcess::close);
  }
}
