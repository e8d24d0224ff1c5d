package dev.soakanalyzer.redis;

import dev.soakanalyzer.redis.RedisUrl.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Where the master for a key is now: the one server; the master a Sentinel names; or the cluster
 * node serving the key's hash slot.
 *
 * <p>Why not JedisSentineled / JedisCluster: an export is WATCH, a pipelined read and MULTI/EXEC on
 * one connection under one socket-level deadline ({@link ExportWatchdog}), and every key of one
 * env/exchange is in one hash slot ({@link RedisKeys#onCluster()}), so the whole conversation goes
 * to one node. What we need from the topology is that node's address, asked afresh on every
 * attempt, so an attempt after a failover goes to the new master. Jedis's own commands do the
 * asking ({@code SENTINEL GET-MASTER-ADDR-BY-NAME}, {@code CLUSTER NODES}) and its CRC16 the slot.
 */
final class MasterLocator {
  /** Cluster views asked for (see askCluster). */
  static final int VIEWS = 2;

  private final RedisUrl url;

  MasterLocator(RedisUrl url) {
    this.url = url;
  }

  /**
   * The master serving {@code routingKey}.
   *
   * @param dial opens a connection to a node (sentinel or cluster node) under the caller's deadline
   * @throws JedisConnectionException when no node answered (a failover in progress, or all down)
   */
  Node locate(String routingKey, Function<Node, Jedis> dial) {
    return switch (url.topology()) {
      case SINGLE -> url.nodes().get(0);
      case SENTINEL -> askSentinels(dial);
      case CLUSTER -> askCluster(JedisClusterCRC16.getSlot(routingKey), dial);
    };
  }

  private Node askSentinels(Function<Node, Jedis> dial) {
    List<String> problems = new ArrayList<>();
    Failures failures = new Failures();
    for (Node sentinel : url.nodes()) {
      try (Jedis j = dial.apply(sentinel)) {
        List<String> addr = j.sentinelGetMasterAddrByName(url.master());
        if (addr == null || addr.size() < 2) {
          problems.add(sentinel + " knows no master named " + url.master());
          continue;
        }
        return new Node(addr.get(0), Integer.parseInt(addr.get(1)));
      } catch (JedisConnectionException | JedisDataException | NumberFormatException e) {
        problems.add(sentinel + ": " + e.getMessage());
        failures.add(e);
      }
    }
    throw new JedisConnectionException(
        "no sentinel named the master " + url.master() + " (" + String.join("; ", problems) + ")",
        failures.cause());
  }

  /**
   * The views (CLUSTER NODES) of the first {@value #VIEWS} seeds that answer; of the masters that
   * claim the slot and are not flagged as failed, the one with the highest config epoch wins. A
   * master killed and restarted without its data claims its old slots until the cluster tells it
   * otherwise, but its epoch is older than that of the replica that took over: with a second view
   * it is never chosen (one view could be its own). Two views, not all: every seed is a connection,
   * and an export locates twice (before and after EXEC).
   */
  private Node askCluster(int slot, Function<Node, Jedis> dial) {
    List<String> problems = new ArrayList<>();
    Failures failures = new Failures();
    Node best = null;
    long bestEpoch = -1;
    for (Node seed : url.nodes()) {
      try (Jedis j = dial.apply(seed)) {
        for (String line : j.clusterNodes().split("\n")) {
          String[] f = line.trim().split(" ");
          if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
            continue;
          }
          if (!servesSlot(f, slot)) {
            continue;
          }
          long epoch = Long.parseLong(f[6]);
          if (epoch > bestEpoch) {
            bestEpoch = epoch;
            best = address(f[1], seed);
          }
        }
      } catch (JedisConnectionException | JedisDataException | NumberFormatException e) {
        problems.add(seed + ": " + e.getMessage());
        failures.add(e);
      }
    }
    if (best == null) {
      throw new JedisConnectionException(
          "no cluster node named the master of slot "
              + slot
              + " ("
              + (problems.isEmpty()
                  ? "slot not served (CLUSTERDOWN?)"
                  : String.join("; ", problems))
              + ")",
          failures.cause());
    }
    return best;
  }

  /**
   * The failures of the nodes asked, kept as the cause of "no node named the master": without it a
   * TLS handshake the sentinels or seeds refused (an untrusted CA) lost its SSLException and was
   * classified as Redis unavailable (a skipped export, exit 0) instead of a TLS error (exit 1). A
   * TLS failure wins over a refused connection, which says less.
   */
  private static final class Failures {
    private RuntimeException first;
    private RuntimeException tls;

    void add(RuntimeException e) {
      if (first == null) {
        first = e;
      }
      if (tls == null && isTls(e)) {
        tls = e;
      }
    }

    RuntimeException cause() {
      return tls != null ? tls : first;
    }

    private static boolean isTls(Throwable e) {
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t instanceof javax.net.ssl.SSLException
            || t instanceof java.security.cert.CertificateException) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean servesSlot(String[] f, int slot) {
    for (int i = 8; i < f.length; i++) {
      String range = f[i];
      if (range.startsWith("[")) {
        continue; // a slot being imported or migrated
      }
      int dash = range.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
      int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1));
      if (slot >= from && slot <= to) {
        return true;
      }
    }
    return false;
  }

  /** {@code ip:port@cport[,hostname]}; an empty ip means the node asked. */
  private static Node address(String field, Node asked) {
    String hostPort = field.split("[@,]")[0];
    int colon = hostPort.lastIndexOf(':');
    String host = hostPort.substring(0, colon);
    return new Node(
        host.isEmpty() ? asked.host() : host, Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
