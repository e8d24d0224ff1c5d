package dev.soakanalyzer.redis;

import dev.soakanalyzer.io.OneLine;
import dev.soakanalyzer.io.TrustStores;
import dev.soakanalyzer.redis.RedisUrl.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Opens Jedis connections for {@link RedisConnectionSettings} and turns Jedis exceptions into
 * classified {@link RedisException}s whose messages never contain the password.
 */
final class RedisConnections {
  private static final java.util.regex.Pattern FAILOVER_REPLY =
      // EXECABORT: the node turned replica between MULTI and EXEC (the key types are checked
      // before every transaction, so no other queued error is expected there).
      java.util.regex.Pattern.compile(
          "READONLY|MOVED|ASK|CLUSTERDOWN|TRYAGAIN|MASTERDOWN|EXECABORT");

  private final RedisConnectionSettings settings;
  private final JedisClientConfig config;
  private final JedisClientConfig sentinelConfig;
  private final JedisClientConfig sentinelAuthConfig;
  private final MasterLocator locator;
  private final SSLSocketFactory sslFactory;
  private final SSLParameters sslParams;

  /**
   * @throws IllegalArgumentException when the CA file cannot be read (a usage error)
   */
  RedisConnections(RedisConnectionSettings settings) {
    this.settings = settings;
    RedisUrl url = settings.url();
    var builder =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()))
            .socketTimeoutMillis(Math.toIntExact(settings.readTimeout().toMillis()))
            .database(url.db())
            .user(url.user())
            .password(url.password())
            .clientName("soak-analyzer");
    if (url.tls()) {
      SSLParameters params = new SSLParameters();
      // Verify that the certificate names the host we dialled, as HTTPS does.
      params.setEndpointIdentificationAlgorithm("HTTPS");
      this.sslFactory = socketFactory(settings.caFile());
      this.sslParams = params;
      builder.ssl(true).sslSocketFactory(sslFactory).sslParameters(params);
    } else {
      this.sslFactory = null;
      this.sslParams = null;
    }
    if (!url.tls() && settings.caFile() != null) {
      throw new IllegalArgumentException(
          "a CA file is only used with rediss:// URLs, got " + url.redacted());
    }
    this.config = builder.build();
    // Sentinels have no databases and usually no password of their own (see dial).
    var sentinel =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()))
            .socketTimeoutMillis(Math.toIntExact(settings.readTimeout().toMillis()))
            .clientName("soak-analyzer");
    if (url.tls()) {
      sentinel.ssl(true).sslSocketFactory(sslFactory).sslParameters(sslParams);
    }
    this.sentinelConfig = sentinel.build();
    this.sentinelAuthConfig = sentinel.user(url.user()).password(url.password()).build();
    this.locator = new MasterLocator(url);
  }

  String describe() {
    return settings.describe();
  }

  RedisUrl url() {
    return settings.url();
  }

  /** The keys as this topology needs them: hash-tagged on a cluster. */
  RedisKeys keysFor(RedisKeys keys) {
    return settings.url().topology() == RedisUrl.Topology.CLUSTER ? keys.onCluster() : keys;
  }

  /**
   * A connection to the master serving {@code routingKey} (one server; the master a Sentinel names;
   * the cluster node of the key's slot), cut by {@code watchdog} when the whole deadline passes.
   * With Sentinel or Cluster the node is checked to be a master now (ROLE), so a demoted one is
   * "not reachable yet", never written to.
   */
  Jedis open(ExportWatchdog watchdog, String routingKey) throws RedisException {
    return open(watchdog, routingKey, master(watchdog, routingKey));
  }

  /** The master serving {@code routingKey} now, as the topology names it. */
  Node master(ExportWatchdog watchdog, String routingKey) throws RedisException {
    try {
      return locator.locate(routingKey, node -> dial(watchdog, node, true));
    } catch (RuntimeException e) {
      throw classify(e, "connect");
    }
  }

  /** A connection to {@code master}, checked to be a master now on a Sentinel set or Cluster. */
  Jedis open(ExportWatchdog watchdog, String routingKey, Node master) throws RedisException {
    try {
      Jedis jedis = dial(watchdog, master, false);
      try {
        if (settings.url().highlyAvailable()) {
          List<Object> role = jedis.role();
          String what = role.isEmpty() ? "?" : text(role.get(0));
          if (!what.equals("master")) {
            throw new JedisConnectionException(master + " is a " + what + ", not the master (yet)");
          }
        } else {
          jedis.ping(); // connect and authenticate now, so failures surface here
        }
      } catch (RuntimeException e) {
        jedis.close();
        throw e;
      }
      return jedis;
    } catch (RuntimeException e) {
      throw classify(e, "connect");
    }
  }

  /**
   * Replicas attached to the master {@code jedis} is connected to (0 on a single server): an export
   * on a Sentinel set or Cluster waits for one of them to have it (WAIT), so a master killed right
   * after EXEC does not take the run's only copy with it.
   */
  static int replicas(Jedis jedis) {
    List<Object> role = jedis.role();
    return role.size() > 2 && role.get(2) instanceof List<?> l ? l.size() : 0;
  }

  /**
   * Waits (within the deadline, at most a second) until a replica has this export, so a master
   * killed right after EXEC does not take the only copy with it. A replica that is late is no
   * failure: the export is applied; the wait only narrows Redis's asynchronous-replication window.
   */
  static void awaitReplica(Jedis jedis, ExportWatchdog watchdog) {
    try {
      if (replicas(jedis) > 0) {
        long wait = Math.min(1000, watchdog.remaining().toMillis() - 50);
        if (wait > 0) {
          jedis.waitReplicas(1, wait);
        }
      }
    } catch (RuntimeException e) {
      // Applied already; a failing WAIT says nothing about this export.
    }
  }

  private Jedis dial(ExportWatchdog watchdog, Node node, boolean discovery) {
    boolean sentinel = discovery && settings.url().topology() == RedisUrl.Topology.SENTINEL;
    Jedis jedis =
        new Jedis(new DeadlineSocketFactory(watchdog, node), sentinel ? sentinelConfig : config);
    if (sentinel) {
      try {
        jedis.ping();
      } catch (JedisDataException e) {
        // Sentinels without a password of their own are asked without; one that wants it gets
        // the URL's credentials.
        jedis.close();
        if (!String.valueOf(e.getMessage()).startsWith("NOAUTH")) {
          throw e;
        }
        jedis = new Jedis(new DeadlineSocketFactory(watchdog, node), sentinelAuthConfig);
      }
    }
    return jedis;
  }

  private static String text(Object o) {
    return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : "" + o;
  }

  /**
   * Sockets for one export: the raw socket is registered with the watchdog before it connects, and
   * the TLS handshake runs under the read timeout, so a plaintext server that never answers the
   * ClientHello is a TLS error in seconds, not a hang.
   */
  private final class DeadlineSocketFactory implements redis.clients.jedis.JedisSocketFactory {
    private final ExportWatchdog watchdog;
    private final Node node;

    DeadlineSocketFactory(ExportWatchdog watchdog, Node node) {
      this.watchdog = watchdog;
      this.node = node;
    }

    @Override
    public java.net.Socket createSocket() {
      String host = node.host();
      int port = node.port();
      int readMillis = Math.toIntExact(settings.readTimeout().toMillis());
      java.net.Socket raw = new java.net.Socket();
      watchdog.register(raw);
      try {
        raw.setTcpNoDelay(true);
        raw.setKeepAlive(true);
        raw.connect(
            new java.net.InetSocketAddress(host, port),
            Math.toIntExact(settings.connectTimeout().toMillis()));
        raw.setSoTimeout(readMillis);
        if (sslFactory == null) {
          return raw;
        }
        javax.net.ssl.SSLSocket tls =
            (javax.net.ssl.SSLSocket) sslFactory.createSocket(raw, host, port, true);
        tls.setSSLParameters(sslParams);
        watchdog.register(tls);
        try {
          tls.startHandshake();
        } catch (java.net.SocketTimeoutException e) {
          throw new SSLException(
              "no TLS answer within " + readMillis + " ms (does the server speak TLS?)", e);
        }
        return tls;
      } catch (IOException e) {
        try {
          raw.close();
        } catch (IOException ignored) {
          // closing anyway
        }
        throw new JedisConnectionException("Failed to connect to " + host + ":" + port, e);
      }
    }
  }

  /** Classifies a Jedis failure during {@code action}; the message is one safe line. */
  RedisException classify(RuntimeException e, String action) {
    String where = settings.url().redacted();
    RedisFailure failure;
    String detail;
    if (e instanceof JedisAccessControlException) {
      failure = RedisFailure.AUTH_REFUSED;
      detail = "authentication refused: " + e.getMessage();
    } else if (e instanceof JedisConnectionException) {
      if (hasCause(e, SSLException.class) || hasCause(e, CertificateException.class)) {
        failure = RedisFailure.TLS;
        detail = "TLS handshake failed: " + rootMessage(e);
      } else {
        failure = RedisFailure.UNREACHABLE;
        detail = "unreachable: " + rootMessage(e);
      }
    } else if (e instanceof JedisDataException) {
      String m = String.valueOf(e.getMessage());
      if (m.startsWith("WRONGTYPE")) {
        failure = RedisFailure.WRONG_TYPE;
      } else if (m.startsWith("NOAUTH") || m.startsWith("NOPERM") || m.startsWith("WRONGPASS")) {
        failure = RedisFailure.AUTH_REFUSED;
      } else if (m.startsWith("LOADING")) {
        failure = RedisFailure.UNREACHABLE;
      } else if (settings.url().highlyAvailable() && FAILOVER_REPLY.matcher(m).lookingAt()) {
        // A master moving: a replica refusing writes, a slot moving, a cluster or master down.
        failure = RedisFailure.UNREACHABLE;
      } else if (m.startsWith("MOVED") || m.startsWith("CROSSSLOT")) {
        failure = RedisFailure.SERVER_ERROR;
        m += " (a cluster node: use a redis-cluster:// URL)";
      } else {
        failure = RedisFailure.SERVER_ERROR;
      }
      detail = m;
    } else {
      failure = RedisFailure.SERVER_ERROR;
      detail = "unexpected reply or client failure: " + e.getMessage();
    }
    return new RedisException(failure, scrub(where + " " + action + ": " + detail), null);
  }

  /** Belt and braces: whatever a server or library echoes, the password is masked. */
  String scrub(String message) {
    String password = settings.url().password();
    String oneLine = OneLine.of(message);
    return password == null ? oneLine : oneLine.replace(password, "***");
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  private static SSLSocketFactory socketFactory(Path caFile) {
    if (caFile == null) {
      return (SSLSocketFactory) SSLSocketFactory.getDefault();
    }
    try {
      // A private Redis: its CA instead of the JDK's, not in addition.
      return TrustStores.trusting(TrustStores.readPem(caFile), false).getSocketFactory();
    } catch (TrustStores.BadCaFile e) {
      throw new IllegalArgumentException(caFile + ": " + e.getMessage());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(caFile + ": cannot build a trust store (" + e + ")");
    }
  }
}
