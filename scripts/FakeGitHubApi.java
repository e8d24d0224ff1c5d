import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A tiny stand-in for the GitHub REST API, run as a single-file program ({@code java
 * scripts/FakeGitHubApi.java PORT_FILE POSTED_FILE}) by build-runtime.sh (training run of the AOT
 * cache) and test-runtime.sh: one pull request (#7 of acme/mm-bot) without comments; created
 * comment bodies are appended to POSTED_FILE. Not part of the product.
 */
public class FakeGitHubApi {
  public static void main(String[] args) throws IOException {
    Path portFile = Path.of(args[0]);
    Path posted = Path.of(args[1]);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath();
          String method = ex.getRequestMethod();
          if (method.equals("POST") && path.equals("/repos/acme/mm-bot/issues/7/comments")) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(
                posted, body + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            send(ex, 201,
                "{\"id\":1001,\"body\":\"created\",\"user\":{\"login\":\"soak-bot\",\"id\":1},"
                    + "\"html_url\":\"https://github.com/acme/mm-bot/pull/7#issuecomment-1001\"}");
          } else if (path.equals("/user")) {
            send(ex, 200, "{\"login\":\"soak-bot\",\"id\":1,\"type\":\"User\"}");
          } else if (path.equals("/repos/acme/mm-bot")) {
            send(ex, 200,
                "{\"id\":555,\"name\":\"mm-bot\",\"full_name\":\"acme/mm-bot\",\"owner\":{\"login\":"
                    + "\"acme\",\"id\":2,\"type\":\"Organization\"},\"url\":\"" + base
                    + "/repos/acme/mm-bot\",\"html_url\":\"https://github.com/acme/mm-bot\"}");
          } else if (path.equals("/repos/acme/mm-bot/issues/7")) {
            send(ex, 200,
                "{\"id\":70,\"number\":7,\"title\":\"Tune\",\"state\":\"open\",\"url\":\"" + base
                    + "/repos/acme/mm-bot/issues/7\",\"html_url\":"
                    + "\"https://github.com/acme/mm-bot/pull/7\",\"user\":{\"login\":\"octocat\"}}");
          } else if (path.equals("/repos/acme/mm-bot/issues/7/comments")) {
            send(ex, 200, "[]");
          } else {
            send(ex, 404, "{\"message\":\"Not Found\"}");
          }
        });
    server.start();
    Files.writeString(portFile, Integer.toString(server.getAddress().getPort()));
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] data = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, data.length);
    ex.getResponseBody().write(data);
    ex.close();
  }
}
