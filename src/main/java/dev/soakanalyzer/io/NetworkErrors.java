package dev.soakanalyzer.io;

import java.util.Optional;

/** Network failures in the words a user reads: never a Java class name. */
public final class NetworkErrors {
  private NetworkErrors() {}

  /** The first cause in {@code e}'s chain that names a network failure, in words. */
  public static Optional<String> inWords(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return Optional.of("connection refused");
      }
      if (t instanceof java.net.UnknownHostException) {
        return Optional.of("host not found");
      }
      if (t instanceof javax.net.ssl.SSLException) {
        return Optional.of("TLS handshake failed");
      }
      // The JDK's client answers a proxy's 407 with the proxy URL's credentials (see
      // HttpClientFactory) and says in these words when that did not work; with such an
      // authenticator in place a server's Basic 401 is an exception too, not a response.
      String m = t.getMessage() == null ? "" : t.getMessage();
      if (m.startsWith("too many authentication attempts")) {
        return Optional.of("HTTP 407: the proxy refused the credentials of its URL");
      }
      if (m.equals("No credentials provided")) {
        return Optional.of("HTTP 401: the server asks for credentials");
      }
    }
    return Optional.empty();
  }
}
