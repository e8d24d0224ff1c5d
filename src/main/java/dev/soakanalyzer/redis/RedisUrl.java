package dev.soakanalyzer.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A parsed {@code redis://} or {@code rediss://} URL: {@code [user[:password]@]host[:port][/db]}.
 *
 * <p>We parse it ourselves (not Jedis) so that no error message can echo the password: every
 * message and {@link #toString()} use {@link #redacted()}.
 */
public record RedisUrl(boolean tls, String host, int port, String user, String password, int db) {

  public static final int DEFAULT_PORT = 6379;

  public RedisUrl {
    Objects.requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535");
    }
    if (db < 0) {
      throw new IllegalArgumentException("db must be >= 0");
    }
    user = user == null || user.isEmpty() ? null : user;
    password = password == null || password.isEmpty() ? null : password;
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
    String shown = redact(text.trim());
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + shown);
    }
    String scheme = uri.getScheme();
    boolean tls;
    if ("redis".equalsIgnoreCase(scheme)) {
      tls = false;
    } else if ("rediss".equalsIgnoreCase(scheme)) {
      tls = true;
    } else {
      throw new IllegalArgumentException("scheme must be redis:// or rediss://, got " + shown);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("no host in " + shown);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        // redis://secret@host is the classic requirepass form: a password without user.
        password = decode(userInfo);
      } else {
        user = decode(userInfo.substring(0, colon));
        password = decode(userInfo.substring(colon + 1));
      }
    }
    int db = 0;
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      try {
        db = Integer.parseInt(path.substring(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("db must be a number in " + shown);
      }
      if (db < 0) {
        throw new IllegalArgumentException("db must be >= 0 in " + shown);
      }
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535 in " + shown);
    }
    return new RedisUrl(tls, host, port, user, password, db);
  }

  /** The URL with the password replaced by {@code ***}: the only form ever printed. */
  public String redacted() {
    StringBuilder s = new StringBuilder(tls ? "rediss://" : "redis://");
    if (user != null || password != null) {
      if (user != null) {
        s.append(user);
      }
      if (password != null) {
        s.append(user != null ? ":" : "").append("***");
      }
      s.append('@');
    }
    s.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
    return s.append('/').append(db).toString();
  }

  @Override
  public String toString() {
    return redacted();
  }

  /** Best-effort redaction of a raw, possibly unparsable URL string. */
  static String redact(String raw) {
    int at = raw.lastIndexOf('@');
    int schemeEnd = raw.indexOf("://");
    if (at < 0) {
      return raw;
    }
    int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
    if (at < start) {
      return raw;
    }
    String userInfo = raw.substring(start, at);
    int colon = userInfo.indexOf(':');
    String shownUser = colon < 0 ? "" : userInfo.substring(0, colon) + ":";
    return raw.substring(0, start) + shownUser + "***" + raw.substring(at);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
