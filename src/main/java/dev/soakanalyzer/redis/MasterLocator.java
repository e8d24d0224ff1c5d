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
 * asking ({@code SENTINEL GET-MASTER-ADDR-BY-NAME}, {@code CLUSTER SLOTS}) and its CRC16 the slot.
 */
final class MasterLocator {
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
      }
    }
    throw new JedisConnectionException(
        "no sentinel named the master " + url.master() + " (" + String.join("; ", problems) + ")");
  }

  private Node askCluster(int slot, Function<Node, Jedis> dial) {
    List<String> problems = new ArrayList<>();
    for (Node seed : url.nodes()) {
      try (Jedis j = dial.apply(seed)) {
        for (Object range : j.clusterSlots()) {
          List<?> r = (List<?>) range;
          long from = (Long) r.get(0);
          long to = (Long) r.get(1);
          if (slot >= from && slot <= to) {
            List<?> master = (List<?>) r.get(2);
            String host = text(master.get(0));
            // An empty host means "the node you asked" (cluster-preferred-endpoint-type unknown).
            return new Node(
                host.isEmpty() || host.equals("?") ? seed.host() : host,
                Math.toIntExact((Long) master.get(1)));
          }
        }
        problems.add(seed + ": slot " + slot + " is served by no node (CLUSTERDOWN?)");
      } catch (JedisConnectionException | JedisDataException | ClassCastException e) {
        problems.add(seed + ": " + e.getMessage());
      }
    }
    throw new JedisConnectionException(
        "no cluster node named the master of slot " + slot + " (" + String.join("; ", problems) + ")");
  }

  private static String text(Object o) {
    return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : "" + o;
  }
}
