package dev.soakanalyzer.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A forward proxy on loopback, as corporate networks run them: {@code CONNECT host:port} tunnels
 * (HTTPS) and absolute-URI requests ({@code POST http://host/path}, plain HTTP) forwarded to the
 * target with {@code Connection: close}. It records every request line it received, so a test can
 * check the call went through it; in refusing mode it answers 403 to everything; with {@link
 * #requireCredentials} it answers 407 to any request without that user's Basic credentials.
 */
public final class FakeForwardProxy implements AutoCloseable {
  private final ServerSocket server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean refusing;
  private volatile String expectedAuthorization;
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  public FakeForwardProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptLoop, "fake-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  /** {@code http://127.0.0.1:PORT}, the value of HTTP(S)_PROXY. */
  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Every request line received, e.g. {@code CONNECT localhost:4431 HTTP/1.1}. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** From now on, answer 403 to every request (a proxy that does not allow the target). */
  public FakeForwardProxy refuse() {
    refusing = true;
    return this;
  }

  /** From now on, answer 407 unless the request carries {@code user:password} as Basic. */
  public FakeForwardProxy requireCredentials(String user, String password) {
    expectedAuthorization =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Every Proxy-Authorization value received, in order. */
  public List<String> authorizations() {
    synchronized (authorizations) {
      return List.copyOf(authorizations);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> handle(client), "fake-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      List<String> head = readHead(in);
      if (head.isEmpty()) {
        return;
      }
      String line = head.get(0);
      requests.add(line);
      String[] parts = line.split(" ");
      String authorization = null;
      for (String h : head.subList(1, head.size())) {
        if (h.toLowerCase(Locale.ROOT).startsWith("proxy-authorization:")) {
          authorization = h.substring(h.indexOf(':') + 1).strip();
          authorizations.add(authorization);
        }
      }
      String expected = expectedAuthorization;
      boolean unauthorized = expected != null && !expected.equals(authorization);
      if (refusing || unauthorized) {
        out.write(
            (unauthorized
                    ? "HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"corp\"\r\n"
                    : "HTTP/1.1 403 Forbidden\r\n")
                .concat("Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // Half-close and let the client read the answer before the socket goes (no reset).
        client.shutdownOutput();
        client.setSoTimeout(5000);
        in.transferTo(OutputStream.nullOutputStream());
        return;
      }
      if (parts[0].equals("CONNECT")) {
        String[] hp = parts[1].split(":");
        try (Socket target = new Socket(hp[0], Integer.parseInt(hp[1]))) {
          out.write(
              "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          pipe(client, target);
        }
        return;
      }
      URI uri = URI.create(parts[1]);
      int port = uri.getPort() > 0 ? uri.getPort() : 80;
      try (Socket target = new Socket(uri.getHost(), port)) {
        StringBuilder forward = new StringBuilder();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        forward
            .append(parts[0])
            .append(' ')
            .append(path)
            .append(' ')
            .append(parts[2])
            .append("\r\n");
        long length = 0;
        for (String h : head.subList(1, head.size())) {
          String lower = h.toLowerCase(Locale.ROOT);
          if (lower.startsWith("connection:") || lower.startsWith("proxy-")) {
            continue;
          }
          if (lower.startsWith("content-length:")) {
            length = Long.parseLong(h.substring(h.indexOf(':') + 1).strip());
          }
          forward.append(h).append("\r\n");
        }
        forward.append("Connection: close\r\n\r\n");
        OutputStream to = target.getOutputStream();
        to.write(forward.toString().getBytes(StandardCharsets.ISO_8859_1));
        to.write(in.readNBytes((int) length));
        to.flush();
        target.getInputStream().transferTo(out);
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // a dropped test connection: nothing to report
    }
  }

  private static void pipe(Socket client, Socket target) throws IOException {
    Thread up =
        new Thread(
            () -> {
              try {
                client.getInputStream().transferTo(target.getOutputStream());
                target.shutdownOutput();
              } catch (IOException e) {
                // closed
              }
            },
            "fake-proxy-up");
    up.setDaemon(true);
    up.start();
    try {
      target.getInputStream().transferTo(client.getOutputStream());
    } catch (IOException e) {
      // closed
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String s = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
        line.reset();
        if (s.isEmpty()) {
          return lines;
        }
        lines.add(s);
      } else {
        line.write(b);
      }
    }
    return lines;
  }

  /** The proxy's address for tests that name it. */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
