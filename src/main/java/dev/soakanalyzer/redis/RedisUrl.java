package dev.soakanalyzer.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed Redis URL, one of three topologies:
 *
 * <ul>
 *   <li>{@code redis://} / {@code rediss://} {@code [user[:password]@]host[:port][/db]}: one
 *       server;
 *   <li>{@code redis-sentinel://} / {@code rediss-sentinel://} {@code
 *       [user[:password]@]host:port[,host:port...]/MASTER[/db]}: the sentinels to ask where the
 *       master named MASTER is;
 *   <li>{@code redis-cluster://} / {@code rediss-cluster://} {@code
 *       [user[:password]@]host:port[,host:port...]}: seed nodes of a cluster (no db).
 * </ul>
 *
 * <p>We parse it ourselves (not Jedis) so that no error message can echo the password: every
 * message and {@link #toString()} use {@link #redacted()}.
 *
 * @param nodes the server, the sentinels or the cluster's seed nodes; at least one
 * @param master the Sentinel master name, null for the other topologies
 */
public record RedisUrl(
    Topology topology,
    boolean tls,
    List<Node> nodes,
    String master,
    String user,
    String password,
    int db) {

  public static final int DEFAULT_PORT = 6379;
  public static final int DEFAULT_SENTINEL_PORT = 26379;

  /** Who the URL names: one server, a Sentinel set, or a Cluster. */
  public enum Topology {
    SINGLE("redis"),
    SENTINEL("redis-sentinel"),
    CLUSTER("redis-cluster");

    private final String scheme;

    Topology(String scheme) {
      this.scheme = scheme;
    }

    /** The URL scheme, {@code s} appended to the first word for TLS. */
    String scheme(boolean tls) {
      if (!tls) {
        return scheme;
      }
      int dash = scheme.indexOf('-');
      return dash < 0 ? scheme + "s" : scheme.substring(0, dash) + "s" + scheme.substring(dash);
    }
  }

  /** One host and port. */
  public record Node(String host, int port) {
    public Node {
      Objects.requireNonNull(host, "host");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1..65535");
      }
    }

    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  public RedisUrl {
    Objects.requireNonNull(topology, "topology");
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("at least one host");
    }
    if (db < 0) {
      throw new IllegalArgumentException("db must be >= 0");
    }
    if ((topology == Topology.SENTINEL) != (master != null && !master.isBlank())) {
      throw new IllegalArgumentException("a master name goes with redis-sentinel:// only");
    }
    if (topology == Topology.CLUSTER && db != 0) {
      throw new IllegalArgumentException("a cluster has only db 0");
    }
    user = user == null || user.isEmpty() ? null : user;
    password = password == null || password.isEmpty() ? null : password;
  }

  /** One server. */
  public RedisUrl(boolean tls, String host, int port, String user, String password, int db) {
    this(Topology.SINGLE, tls, List.of(new Node(host, port)), null, user, password, db);
  }

  /** The (first) server's host: the only one for a single server. */
  public String host() {
    return nodes.get(0).host();
  }

  public int port() {
    return nodes.get(0).port();
  }

  /**
   * Parses {@code text}; the exception message never contains the password.
   *
   * @throws IllegalArgumentException with a one-line reason naming the redacted URL
   */
  public static RedisUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty Redis URL");
    }
    String raw = text.trim();
    String shown = redact(raw);
    int schemeEnd = raw.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : raw.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    for (Topology t : Topology.values()) {
      for (boolean tls : new boolean[] {false, true}) {
        if (scheme.equals(t.scheme(tls))) {
          return t == Topology.SINGLE
              ? parseSingle(raw, tls, shown)
              : parseMany(t, tls, raw.substring(schemeEnd + 3), shown);
        }
      }
    }
    throw new IllegalArgumentException(
        "scheme must be redis://, rediss://, redis-sentinel://, rediss-sentinel://,"
            + " redis-cluster:// or rediss-cluster://, got "
            + shown);
  }

  private static RedisUrl parseSingle(String raw, boolean tls, String shown) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + shown);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host in " + shown);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535 in " + shown);
    }
    String[] credentials = credentials(uri.getRawUserInfo());
    String path = uri.getPath();
    int db = path == null || path.isEmpty() || path.equals("/") ? 0 : db(path.substring(1), shown);
    return new RedisUrl(tls, host, port, credentials[0], credentials[1], db);
  }

  /** {@code [userinfo@]h:p[,h:p...][/path]}: split by hand, java.net.URI takes one host only. */
  private static RedisUrl parseMany(Topology topology, boolean tls, String rest, String shown) {
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    int at = authority.lastIndexOf('@');
    String[] credentials = credentials(at < 0 ? null : authority.substring(0, at));
    String hosts = at < 0 ? authority : authority.substring(at + 1);
    int defaultPort = topology == Topology.SENTINEL ? DEFAULT_SENTINEL_PORT : DEFAULT_PORT;
    List<Node> nodes = new ArrayList<>();
    for (String hostPort : hosts.split(",", -1)) {
      nodes.add(node(hostPort.trim(), defaultPort, shown));
    }
    String master = null;
    int db = 0;
    if (topology == Topology.SENTINEL) {
      String[] parts = path.split("/", -1);
      if (path.isEmpty() || parts[0].isBlank()) {
        throw new IllegalArgumentException("no master name (.../MASTER[/db]) in " + shown);
      }
      if (parts.length > 2 && !(parts.length == 3 && parts[2].isEmpty())) {
        throw new IllegalArgumentException("expected .../MASTER[/db] in " + shown);
      }
      master = decode(parts[0]);
      db = parts.length > 1 && !parts[1].isEmpty() ? db(parts[1], shown) : 0;
    } else if (!path.isEmpty()) {
      throw new IllegalArgumentException(
          "a cluster URL has no path (a cluster has only db 0): " + shown);
    }
    return new RedisUrl(topology, tls, nodes, master, credentials[0], credentials[1], db);
  }

  private static Node node(String hostPort, int defaultPort, String shown) {
    if (hostPort.isEmpty()) {
      throw new IllegalArgumentException("empty host in " + shown);
    }
    URI uri;
    try {
      uri = new URI("redis://" + hostPort);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid host:port '" + hostPort + "' in " + shown);
    }
    String host = uri.getHost();
    if (host == null
        || host.isEmpty()
        || uri.getRawUserInfo() != null
        || !uri.getPath().isEmpty()) {
      throw new IllegalArgumentException("not a valid host:port '" + hostPort + "' in " + shown);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535 in " + shown);
    }
    return new Node(host, port);
  }

  /** {user, password}: {@code secret} alone is the classic requirepass form, a password. */
  private static String[] credentials(String userInfo) {
    if (userInfo == null) {
      return new String[2];
    }
    int colon = userInfo.indexOf(':');
    return colon < 0
        ? new String[] {null, decode(userInfo)}
        : new String[] {
          decode(userInfo.substring(0, colon)), decode(userInfo.substring(colon + 1))
        };
  }

  private static int db(String text, String shown) {
    int db;
    try {
      db = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("db must be a number in " + shown);
    }
    if (db < 0) {
      throw new IllegalArgumentException("db must be >= 0 in " + shown);
    }
    return db;
  }

  /** True for Sentinel and Cluster: a master may move, so a failed call is retried elsewhere. */
  public boolean highlyAvailable() {
    return topology != Topology.SINGLE;
  }

  /** The URL with the password replaced by {@code ***}: the only form ever printed. */
  public String redacted() {
    StringBuilder s = new StringBuilder(topology.scheme(tls)).append("://");
    if (user != null || password != null) {
      if (user != null) {
        s.append(user);
      }
      if (password != null) {
        s.append(user != null ? ":" : "").append("***");
      }
      s.append('@');
    }
    for (int i = 0; i < nodes.size(); i++) {
      s.append(i == 0 ? "" : ",").append(nodes.get(i));
    }
    return switch (topology) {
      case SINGLE -> s.append('/').append(db).toString();
      case SENTINEL -> s.append('/').append(master).append('/').append(db).toString();
      case CLUSTER -> s.toString();
    };
  }

  @Override
  public String toString() {
    return redacted();
  }

  /** Best-effort redaction of a raw, possibly unparsable URL string. */
  static String redact(String raw) {
    int schemeEnd = raw.indexOf("://");
    int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int slash = raw.indexOf('/', start);
    // The last '@' before the path ends the credentials; a password may hold '@' or '/' itself,
    // so with no '@' before the first '/' look for one anywhere.
    int at = raw.lastIndexOf('@', slash < 0 ? raw.length() : slash);
    if (at < start) {
      at = raw.lastIndexOf('@');
    }
    if (at < start) {
      return raw;
    }
    String userInfo = raw.substring(start, at);
    int colon = userInfo.indexOf(':');
    String shownUser = colon < 0 ? "" : userInfo.substring(0, colon) + ":";
    return raw.substring(0, start) + shownUser + "***" + raw.substring(at);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // The decoder's own message quotes the text, which may be the password.
      throw new IllegalArgumentException("a bad %-escape in the user or password of the URL");
    }
  }
}
