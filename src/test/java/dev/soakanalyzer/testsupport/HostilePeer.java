package dev.soakanalyzer.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP peer that misbehaves on purpose: it accepts and never answers, sends a prefix
 * (HTTP headers, a Redis greeting) and then stalls, or drips one byte at a time. Every connection
 * is released when the peer closes, so no test thread outlives its test.
 */
public final class HostilePeer implements AutoCloseable {
  /** What the peer does with each accepted connection. */
  public enum Mode {
    /** Accept, read, never write. */
    HANG,
    /** Write {@link #prefix} at once, then nothing. */
    STALL_AFTER_PREFIX,
    /** Write {@link #prefix} one byte per {@link #dripMillis}, then keep dripping spaces. */
    DRIP
  }

  private final ServerSocket server;
  private final Mode mode;
  private final byte[] prefix;
  private final long dripMillis;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread acceptor;

  private HostilePeer(Mode mode, String prefix, long dripMillis) throws IOException {
    this.mode = mode;
    this.prefix = prefix.getBytes(StandardCharsets.ISO_8859_1);
    this.dripMillis = dripMillis;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    acceptor = new Thread(this::acceptLoop, "hostile-peer");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static HostilePeer hang() throws IOException {
    return new HostilePeer(Mode.HANG, "", 0);
  }

  public static HostilePeer stallAfter(String prefix) throws IOException {
    return new HostilePeer(Mode.STALL_AFTER_PREFIX, prefix, 0);
  }

  public static HostilePeer drip(String prefix, long dripMillis) throws IOException {
    return new HostilePeer(Mode.DRIP, prefix, dripMillis);
  }

  /** HTTP 200 with headers promising a body that never comes. */
  public static HostilePeer httpHeadersThenStall() throws IOException {
    return stallAfter(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
  }

  public int port() {
    return server.getLocalPort();
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        accepted.incrementAndGet();
        sockets.add(s);
        Thread t = new Thread(() -> serve(s), "hostile-peer-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      // Swallow whatever the client sends so its writes never block.
      Thread reader =
          new Thread(
              () -> {
                byte[] buf = new byte[8192];
                try {
                  while (in.read(buf) >= 0) {
                    // discard
                  }
                } catch (IOException ignored) {
                  // closed
                }
              },
              "hostile-peer-read");
      reader.setDaemon(true);
      reader.start();
      switch (mode) {
        case HANG -> closed.await();
        case STALL_AFTER_PREFIX -> {
          out.write(prefix);
          out.flush();
          closed.await();
        }
        case DRIP -> {
          int i = 0;
          while (!closed.await(dripMillis, TimeUnit.MILLISECONDS)) {
            out.write(i < prefix.length ? prefix[i] : ' ');
            out.flush();
            i++;
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client gave up: that is the point
    }
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
