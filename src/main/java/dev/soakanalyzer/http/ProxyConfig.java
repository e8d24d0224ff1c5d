package dev.soakanalyzer.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies the environment names, as the Actions runner and curl read them: {@code
 * https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code http_proxy}/{@code HTTP_PROXY} for http
 * URLs (the lower-case form first), and {@code no_proxy}/{@code NO_PROXY}: a comma-separated list
 * of {@code *}, host names, domain suffixes ({@code .corp.example} or {@code corp.example},
 * matching the domain and every host below it), IP addresses and CIDR ranges ({@code 10.0.0.0/8},
 * {@code fd00::/8}) of IP-literal targets, each name or address optionally with {@code :port}. A
 * proxy URL may carry credentials ({@code http://user:p%40ss@proxy:3128}, percent-encoded as curl
 * takes them): they are answered to the proxy's 407 only, and never printed.
 *
 * @param http proxy for http URLs, empty for none
 * @param https proxy for https URLs, empty for none
 * @param noProxy the {@code no_proxy} entries, lower case
 */
public record ProxyConfig(Optional<URI> http, Optional<URI> https, List<String> noProxy) {
  public static final ProxyConfig NONE =
      new ProxyConfig(Optional.empty(), Optional.empty(), List.of());

  public ProxyConfig {
    noProxy = List.copyOf(noProxy);
  }

  /**
   * Reads the variables; a value that is not a usable proxy URL is added to {@code problems} naming
   * the variable (never its value: it may carry a password).
   */
  public static ProxyConfig fromEnvironment(Map<String, String> env, List<String> problems) {
    Optional<URI> http = proxy(env, "http_proxy", problems);
    Optional<URI> https = proxy(env, "https_proxy", problems);
    String no = first(env, "no_proxy").map(Map.Entry::getValue).orElse("");
    List<String> entries = new ArrayList<>();
    for (String e : no.split(",")) {
      String t = e.strip().toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        entries.add(t);
      }
    }
    return new ProxyConfig(http, https, entries);
  }

  private static Optional<Map.Entry<String, String>> first(Map<String, String> env, String lower) {
    for (String name : List.of(lower, lower.toUpperCase(Locale.ROOT))) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return Optional.of(Map.entry(name, v.strip()));
      }
    }
    return Optional.empty();
  }

  private static Optional<URI> proxy(Map<String, String> env, String lower, List<String> problems) {
    Optional<Map.Entry<String, String>> set = first(env, lower);
    if (set.isEmpty()) {
      return Optional.empty();
    }
    String text = set.get().getValue();
    // "proxy:3128" without a scheme means http://proxy:3128, as curl reads it.
    URI uri;
    try {
      uri = URI.create(text.contains("://") ? text : "http://" + text);
    } catch (IllegalArgumentException e) {
      problems.add(set.get().getKey() + " is not a proxy URL (expected http://host:port)");
      return Optional.empty();
    }
    if (uri.getHost() == null || !"http".equalsIgnoreCase(uri.getScheme())) {
      problems.add(
          set.get().getKey()
              + " is not a proxy URL (expected http://host:port; "
              + "only plain-http proxies are supported)");
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  /** The proxy for {@code target}, or empty when it goes direct. */
  public Optional<InetSocketAddress> proxyFor(URI target) {
    Optional<URI> proxy = "https".equalsIgnoreCase(target.getScheme()) ? https : http;
    if (proxy.isEmpty() || target.getHost() == null || bypassed(target)) {
      return Optional.empty();
    }
    URI p = proxy.get();
    return Optional.of(InetSocketAddress.createUnresolved(p.getHost(), portOf(p)));
  }

  private boolean bypassed(URI target) {
    String host = target.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port =
        target.getPort() > 0
            ? target.getPort()
            : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      if (entry.indexOf('/') > 0) {
        if (inRange(host, entry)) {
          return true;
        }
        continue;
      }
      String name = entry;
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).matches("\\d+")) {
        if (Integer.parseInt(entry.substring(colon + 1)) != port) {
          continue;
        }
        name = entry.substring(0, colon);
      }
      name = name.startsWith("*.") ? name.substring(1) : name;
      String domain = name.startsWith(".") ? name.substring(1) : name;
      if (host.equals(domain) || host.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code host} is an IP literal inside the CIDR range {@code cidr} ({@code 10.0.0.0/8},
   * {@code fd00::/8}); a host name never is (it is not resolved: that would be a DNS call per
   * request, and the runner does not either).
   */
  static boolean inRange(String host, String cidr) {
    int slash = cidr.indexOf('/');
    String net = cidr.substring(0, slash);
    String bitsText = cidr.substring(slash + 1);
    if (!isIpLiteral(host) || !isIpLiteral(net) || !bitsText.matches("\\d{1,3}")) {
      return false;
    }
    byte[] a;
    byte[] b;
    try {
      // IP literals only (checked above), so no name is looked up.
      a = InetAddress.getByName(host).getAddress();
      b = InetAddress.getByName(net).getAddress();
    } catch (UnknownHostException e) {
      return false;
    }
    int bits = Integer.parseInt(bitsText);
    if (a.length != b.length || bits > a.length * 8) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpLiteral(String s) {
    return s.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        || (s.indexOf(':') >= 0 && s.matches("[0-9a-f:.]+"));
  }

  /**
   * The user and password of the proxy at {@code host:port}, when its URL carries them
   * (percent-decoded); empty otherwise.
   */
  public Optional<PasswordAuthentication> credentialsFor(String host, int port) {
    for (Optional<URI> p : List.of(https, http)) {
      if (p.isPresent()
          && p.get().getRawUserInfo() != null
          && p.get().getHost().equalsIgnoreCase(host)
          && portOf(p.get()) == port) {
        String info = p.get().getRawUserInfo();
        int colon = info.indexOf(':');
        String user = decode(colon < 0 ? info : info.substring(0, colon));
        String password = colon < 0 ? "" : decode(info.substring(colon + 1));
        return Optional.of(new PasswordAuthentication(user, password.toCharArray()));
      }
    }
    return Optional.empty();
  }

  /** The proxies' passwords as given and decoded: what logs and annotations must mask. */
  public List<String> secrets() {
    List<String> out = new ArrayList<>();
    for (Optional<URI> p : List.of(https, http)) {
      String info = p.map(URI::getRawUserInfo).orElse(null);
      if (info != null && info.indexOf(':') >= 0) {
        String raw = info.substring(info.indexOf(':') + 1);
        for (String s : List.of(raw, decode(raw))) {
          if (!s.isEmpty() && !out.contains(s)) {
            out.add(s);
          }
        }
      }
    }
    return out;
  }

  /** True when any proxy URL carries credentials. */
  public boolean hasCredentials() {
    return http.map(URI::getRawUserInfo).isPresent() || https.map(URI::getRawUserInfo).isPresent();
  }

  private static String decode(String s) {
    // URLDecoder reads '+' as a space, which a proxy URL's userinfo does not.
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static int portOf(URI proxy) {
    return proxy.getPort() > 0 ? proxy.getPort() : 80;
  }

  /** {@code host:port} of the proxy, never its credentials. */
  static String describe(InetSocketAddress proxy) {
    return proxy.getHostString() + ":" + proxy.getPort();
  }

  @Override
  public String toString() {
    // Host and port only: the URLs may carry credentials.
    return "ProxyConfig[http="
        + http.map(u -> u.getHost() + ":" + u.getPort()).orElse("none")
        + ", https="
        + https.map(u -> u.getHost() + ":" + u.getPort()).orElse("none")
        + ", no_proxy="
        + noProxy
        + "]";
  }
}
