package dev.soakanalyzer.redis;

import dev.soakanalyzer.io.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Opens Jedis connections for {@link RedisConnectionSettings} and turns Jedis exceptions into
 * classified {@link RedisException}s whose messages never contain the password.
 */
final class RedisConnections {
  private final RedisConnectionSettings settings;
  private final JedisClientConfig config;
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
  }

  String describe() {
    return settings.describe();
  }

  /** A single connection (needed for WATCH/MULTI/EXEC). */
  Jedis open() throws RedisException {
    return open(null);
  }

  /** A single connection that {@code watchdog} cuts when the whole deadline passes. */
  Jedis open(ExportWatchdog watchdog) throws RedisException {
    try {
      HostAndPort at = new HostAndPort(settings.url().host(), settings.url().port());
      Jedis jedis =
          watchdog == null
              ? new Jedis(at, config)
              : new Jedis(new DeadlineSocketFactory(watchdog), config);
      jedis.ping(); // connect and authenticate now, so failures surface here
      return jedis;
    } catch (RuntimeException e) {
      throw classify(e, "connect");
    }
  }

  /**
   * Sockets for one export: the raw socket is registered with the watchdog before it connects, and
   * the TLS handshake runs under the read timeout, so a plaintext server that never answers the
   * ClientHello is a TLS error in seconds, not a hang.
   */
  private final class DeadlineSocketFactory implements redis.clients.jedis.JedisSocketFactory {
    private final ExportWatchdog watchdog;

    DeadlineSocketFactory(ExportWatchdog watchdog) {
      this.watchdog = watchdog;
    }

    @Override
    public java.net.Socket createSocket() {
      String host = settings.url().host();
      int port = settings.url().port();
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

  /** A pooled client that reconnects by itself: for long-lived users such as the runner. */
  JedisPooled pooled() {
    return new JedisPooled(new HostAndPort(settings.url().host(), settings.url().port()), config);
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
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(caFile + ": no certificate found (expected PEM)");
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        trust.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException e) {
      throw new IllegalArgumentException(caFile + ": cannot read CA file (" + e + ")");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          caFile + ": not a PEM certificate (" + e.getMessage() + ")");
    }
  }
}
