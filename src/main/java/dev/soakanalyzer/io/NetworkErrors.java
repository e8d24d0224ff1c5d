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
    }
    return Optional.empty();
  }
}
