package dev.soakanalyzer.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * HTTPS in front of a plain-HTTP loopback fake (WireMock, the chat fake): TLS with a server
 * certificate for {@code localhost}/{@code 127.0.0.1} signed by the test CA of {@link
 * TestCertificates}, made with openssl at test time. Bytes are piped to the fake unchanged.
 */
public final class TlsFront implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;

  public TlsFront(TestCertificates certs, int targetPort) throws Exception {
    this.targetPort = targetPort;
    Path p12 = certs.dir().resolve("server.p12");
    synchronized (TlsFront.class) {
      if (!Files.exists(p12)) {
        Process p =
            new ProcessBuilder(
                    "openssl",
                    "pkcs12",
                    "-export",
                    "-in",
                    "server.crt",
                    "-inkey",
                    "server.key",
                    "-out",
                    "server.p12",
                    "-passout",
                    "pass:changeit")
                .directory(certs.dir().toFile())
                .redirectErrorStream(true)
                .start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
          throw new IllegalStateException("openssl pkcs12 failed (install openssl): " + log);
        }
      }
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    server =
        ssl.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "tls-front");
    accept.setDaemon(true);
    accept.start();
  }

  /** {@code https://localhost:PORT} (the certificate names localhost and 127.0.0.1). */
  public String url() {
    return "https://localhost:" + server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t =
            new Thread(
                () -> {
                  try (client;
                      Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                    Thread up =
                        new Thread(
                            () -> {
                              try {
                                client.getInputStream().transferTo(target.getOutputStream());
                                target.shutdownOutput();
                              } catch (IOException e) {
                                // closed
                              }
                            });
                    up.setDaemon(true);
                    up.start();
                    target.getInputStream().transferTo(client.getOutputStream());
                  } catch (IOException e) {
                    // a failed handshake (the client does not trust the CA) ends here
                  }
                },
                "tls-front-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
