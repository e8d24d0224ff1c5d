package dev.soakanalyzer.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A local stand-in for Telegram and Slack: answers the scripted replies in order (then 200), and
 * can hang a request until closed. Records every request path and body.
 */
public final class FakeChatServer implements AutoCloseable {
  /** One scripted reply; status 0 means hang. */
  public record Reply(int status, String body, Map<String, String> headers) {
    public static Reply ok() {
      return new Reply(200, "{\"ok\":true}", Map.of());
    }

    public static Reply hang() {
      return new Reply(0, "", Map.of());
    }
  }

  /** A request the fake received. */
  public record Request(String path, String body) {}

  private final HttpServer server;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final java.util.concurrent.Semaphore arrived = new java.util.concurrent.Semaphore(0);
  private final java.util.concurrent.atomic.AtomicInteger count =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean keepRequests = true;

  public FakeChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          count.incrementAndGet();
          if (keepRequests) {
            requests.add(new Request(ex.getRequestURI().getPath(), body));
          }
          arrived.release();
          Reply r;
          synchronized (script) {
            r = script.isEmpty() ? Reply.ok() : script.poll();
          }
          if (r.status() == 0) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            ex.close();
            return;
          }
          r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
          byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(r.status(), out.length);
          try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
          }
        });
    server.start();
  }

  public FakeChatServer reply(Reply... replies) {
    synchronized (script) {
      script.addAll(List.of(replies));
    }
    return this;
  }

  /** Counts requests without keeping them (long runs measure the client's heap, not ours). */
  public FakeChatServer countOnly() {
    keepRequests = false;
    return this;
  }

  public int requestCount() {
    return count.get();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Blocks until {@code n} more requests have arrived (counting from the last call), for tests that
   * act while a client is mid-conversation; fails after {@code deadline} instead of hanging.
   */
  public void awaitRequests(int n, java.time.Duration deadline) throws InterruptedException {
    if (!arrived.tryAcquire(n, deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError(
          "expected " + n + " more request(s) within " + deadline + ", got " + requests.size());
    }
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
