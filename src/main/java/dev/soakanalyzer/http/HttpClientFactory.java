package dev.soakanalyzer.http;

import dev.soakanalyzer.io.TrustStores;
import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The one way an outbound HTTP client is built (GitHub API, Telegram, Slack): the environment's
 * proxies ({@link ProxyConfig}), the JDK's trusted CAs plus any extra PEM CAs (an enterprise CA),
 * no redirects. Failures through a proxy are described naming the proxy, so "the proxy refused"
 * never reads like "GitHub refused".
 */
public final class HttpClientFactory {
  /** Variables whose PEM file adds CAs, as OpenSSL tools and Node read them. */
  public static final List<String> CA_VARIABLES = List.of("SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS");

  private static final HttpClientFactory DIRECT = new HttpClientFactory(ProxyConfig.NONE, null, 0);

  /**
   * The JDK refuses Basic proxy authentication on CONNECT tunnels unless told otherwise, and reads
   * this once, when its HTTP client is first used; every client here is built by this class, so
   * setting it here comes first. Only a proxy URL with credentials makes anything answer a 407, so
   * nothing else changes. A value the user set is kept.
   */
  private static final String TUNNEL_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

  static {
    if (System.getProperty(TUNNEL_SCHEMES) == null) {
      System.setProperty(TUNNEL_SCHEMES, "");
    }
  }

  private final ProxyConfig proxies;
  private final SSLContext ssl;
  private final int extraCas;

  private HttpClientFactory(ProxyConfig proxies, SSLContext ssl, int extraCas) {
    this.proxies = proxies;
    this.ssl = ssl;
    this.extraCas = extraCas;
  }

  /** No proxy, the JDK's trust: what tests of one adapter start from. */
  public static HttpClientFactory direct() {
    return DIRECT;
  }

  /**
   * Proxies from {@code env}, extra CAs from {@code caFiles} (a flag or input) and from the files
   * {@code SSL_CERT_FILE} and {@code NODE_EXTRA_CA_CERTS} name. A problem with a given CA file is
   * added to {@code problems} (bad input); one with the environment (a bad proxy URL, a CA variable
   * naming a file the container cannot see) to {@code warnings}, and that part is left out.
   */
  public static HttpClientFactory fromEnvironment(
      Map<String, String> env, List<Path> caFiles, List<String> problems, List<String> warnings) {
    ProxyConfig proxies = ProxyConfig.fromEnvironment(env, warnings);
    List<X509Certificate> extra = new ArrayList<>();
    for (Path f : caFiles) {
      extra.addAll(read(f, f.toString(), problems));
    }
    for (String var : CA_VARIABLES) {
      String v = env.get(var);
      if (v != null && !v.isBlank()) {
        extra.addAll(read(Path.of(v.strip()), var + " (" + v.strip() + ")", warnings));
      }
    }
    SSLContext ssl = null;
    if (!extra.isEmpty()) {
      try {
        ssl = TrustStores.trusting(extra, true);
      } catch (GeneralSecurityException | IOException e) {
        problems.add("cannot build the trust store with the extra CAs: " + e.getMessage());
      }
    }
    return new HttpClientFactory(proxies, ssl, extra.size());
  }

  private static List<X509Certificate> read(Path file, String source, List<String> problems) {
    try {
      return TrustStores.readPem(file);
    } catch (TrustStores.BadCaFile e) {
      problems.add(source + ": " + e.getMessage());
      return List.of();
    }
  }

  /**
   * A builder with this factory's proxies and trust; callers add their own timeouts and version.
   */
  public HttpClient.Builder builder(Duration connectTimeout) {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(new Selector(proxies));
    if (ssl != null) {
      b.sslContext(ssl);
    }
    if (proxies.hasCredentials()) {
      b.authenticator(new ProxyCredentials(proxies));
    }
    return b;
  }

  /**
   * Answers a proxy's 407 with the credentials of that proxy's URL; a server's 401 gets nothing, so
   * the proxy password never reaches GitHub, Telegram or Slack.
   */
  private static final class ProxyCredentials extends Authenticator {
    private final ProxyConfig proxies;

    ProxyCredentials(ProxyConfig proxies) {
      this.proxies = proxies;
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
      if (getRequestorType() != RequestorType.PROXY) {
        return null;
      }
      return proxies.credentialsFor(getRequestingHost(), getRequestingPort()).orElse(null);
    }
  }

  public ProxyConfig proxies() {
    return proxies;
  }

  /** How many extra CA certificates are trusted besides the JDK's. */
  public int extraCas() {
    return extraCas;
  }

  /**
   * {@code e}'s message, prefixed with the proxy when {@code target} went through one: {@code proxy
   * 127.0.0.1:3128 refused the connection}, {@code via proxy 127.0.0.1:3128: Unable to tunnel
   * through proxy. Proxy returns "HTTP/1.1 403 Forbidden"}.
   */
  public String describe(URI target, IOException e, String message) {
    Optional<InetSocketAddress> proxy = proxies.proxyFor(target);
    if (proxy.isEmpty()) {
      return message;
    }
    String where = ProxyConfig.describe(proxy.get());
    if (e instanceof ConnectException) {
      return "proxy " + where + " refused the connection (" + message + ")";
    }
    // The JDK's own words when the proxy refused the tunnel ("Tunnel failed, got: 403") say
    // more than any summary of them.
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      String lower = m == null ? "" : m.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("proxy") || lower.contains("tunnel")) {
        return "via proxy " + where + ": " + m;
      }
    }
    return "via proxy " + where + ": " + message;
  }

  /**
   * {@code " (via proxy host:port)"} when {@code target} goes through a proxy, else empty: an HTTP
   * status may be the proxy's (403 from a proxy that does not allow the host), not the service's.
   */
  public String via(URI target) {
    return proxies
        .proxyFor(target)
        .map(p -> " (via proxy " + ProxyConfig.describe(p) + ")")
        .orElse("");
  }

  /** The JDK's hook for "which proxy for this URI", answered from {@link ProxyConfig}. */
  private static final class Selector extends ProxySelector {
    private final ProxyConfig proxies;

    Selector(ProxyConfig proxies) {
      this.proxies = proxies;
    }

    @Override
    public List<Proxy> select(URI uri) {
      return proxies
          .proxyFor(uri)
          .map(a -> List.of(new Proxy(Proxy.Type.HTTP, a)))
          .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
      // Reported by the caller with describe(); the next call tries the same proxy again.
    }
  }
}
