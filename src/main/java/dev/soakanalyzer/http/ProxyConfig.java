package dev.soakanalyzer.http;

import java.net.InetSocketAddress;
import java.net.URI;
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
 * matching the domain and every host below it), IP addresses, each optionally with {@code :port}.
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
    return Optional.of(
        InetSocketAddress.createUnresolved(p.getHost(), p.getPort() > 0 ? p.getPort() : 80));
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

  /** {@code host:port} of the proxy, never its credentials. */
  static String describe(InetSocketAddress proxy) {
    return proxy.getHostString() + ":" + proxy.getPort();
  }

  @Override
  public String toString() {
    return "ProxyConfig[http="
        + http.map(u -> u.getHost() + ":" + u.getPort()).orElse("none")
        + ", https="
        + https.map(u -> u.getHost() + ":" + u.getPort()).orElse("none")
        + ", no_proxy="
        + noProxy
        + "]";
  }
}
