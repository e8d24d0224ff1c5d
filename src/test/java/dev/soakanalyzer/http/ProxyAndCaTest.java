package dev.soakanalyzer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soakanalyzer.alert.FakeChatServer;
import dev.soakanalyzer.alert.HttpRetryPolicy;
import dev.soakanalyzer.alert.NotifyException;
import dev.soakanalyzer.alert.SlackNotifier;
import dev.soakanalyzer.alert.TelegramNotifier;
import dev.soakanalyzer.io.Sleeper;
import dev.soakanalyzer.testsupport.FakeForwardProxy;
import dev.soakanalyzer.testsupport.TestCertificates;
import dev.soakanalyzer.testsupport.TlsFront;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Telegram and Slack behind a corporate proxy and an enterprise CA, through the one client factory:
 * a fake forward proxy on loopback (CONNECT and plain-HTTP forwarding) records what went through
 * it; HTTPS fakes are signed by a test CA made with openssl at test time.
 */
class ProxyAndCaTest {
  private static final HttpRetryPolicy ONCE =
      new HttpRetryPolicy(
          Duration.ofSeconds(5), Duration.ofSeconds(10), 1, Duration.ZERO, Duration.ofSeconds(1));
  private static final Sleeper NO_WAIT = d -> {};

  private final FakeChatServer chat;
  private final FakeForwardProxy proxy;

  ProxyAndCaTest() throws Exception {
    chat = new FakeChatServer();
    proxy = new FakeForwardProxy();
  }

  @AfterEach
  void stop() throws Exception {
    chat.close();
    proxy.close();
  }

  private static HttpClientFactory factory(Map<String, String> env, List<Path> caFiles) {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    HttpClientFactory f = HttpClientFactory.fromEnvironment(env, caFiles, problems, warnings);
    assertThat(problems).isEmpty();
    assertThat(warnings).isEmpty();
    return f;
  }

  @Test
  void telegramAndSlackGoThroughTheProxyTheEnvironmentNamesInEitherCase() throws Exception {
    new TelegramNotifier(
            chat.url(),
            "42:TOKEN",
            "-1",
            ONCE,
            NO_WAIT,
            factory(Map.of("HTTP_PROXY", proxy.url()), List.of()))
        .send("upper");
    new SlackNotifier(
            chat.url() + "/services/HOOK",
            ONCE,
            NO_WAIT,
            factory(Map.of("http_proxy", proxy.url()), List.of()))
        .send("lower");

    assertThat(chat.requests()).hasSize(2);
    assertThat(proxy.requests())
        .containsExactly(
            "POST " + chat.url() + "/bot42:TOKEN/sendMessage HTTP/1.1",
            "POST " + chat.url() + "/services/HOOK HTTP/1.1");
  }

  @Test
  void noProxyEntriesGoDirect() throws Exception {
    for (String no : List.of("127.0.0.1", "*", "127.0.0.1:" + URI.create(chat.url()).getPort())) {
      new SlackNotifier(
              chat.url() + "/hook",
              ONCE,
              NO_WAIT,
              factory(Map.of("HTTP_PROXY", proxy.url(), "NO_PROXY", no), List.of()))
          .send("direct");
    }
    assertThat(chat.requests()).hasSize(3);
    assertThat(proxy.requests()).isEmpty();

    ProxyConfig suffix =
        ProxyConfig.fromEnvironment(
            Map.of("https_proxy", "proxy:3128", "no_proxy", ".corp.example, github.com"),
            new ArrayList<>());
    assertThat(suffix.proxyFor(URI.create("https://ghes.corp.example/api/v3"))).isEmpty();
    assertThat(suffix.proxyFor(URI.create("https://api.github.com/"))).isEmpty();
    assertThat(suffix.proxyFor(URI.create("https://hooks.slack.com/x")))
        .hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(3128));
    assertThat(suffix.proxyFor(URI.create("http://hooks.slack.com/x"))).isEmpty();
  }

  @Test
  void aRefusingOrAbsentProxyIsAClearMessageNamingTheProxy() throws Exception {
    proxy.refuse();
    String viaProxy = "via proxy 127.0.0.1:" + proxy.port();
    assertThatThrownBy(
            () ->
                new SlackNotifier(
                        chat.url() + "/hook",
                        ONCE,
                        NO_WAIT,
                        factory(Map.of("HTTP_PROXY", proxy.url()), List.of()))
                    .send("x"))
        .isInstanceOf(NotifyException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining(viaProxy);
    assertThatThrownBy(
            () ->
                new SlackNotifier(
                        "https://localhost:9/hook",
                        ONCE,
                        NO_WAIT,
                        factory(Map.of("HTTPS_PROXY", proxy.url()), List.of()))
                    .send("x"))
        .hasMessageContaining(viaProxy)
        .hasMessageContaining("403");
    int closed = dev.soakanalyzer.testsupport.RedisServer.closedPort();
    assertThatThrownBy(
            () ->
                new TelegramNotifier(
                        chat.url(),
                        "42:T",
                        "-1",
                        ONCE,
                        NO_WAIT,
                        factory(Map.of("HTTP_PROXY", "http://127.0.0.1:" + closed), List.of()))
                    .send("x"))
        .hasMessageContaining("proxy 127.0.0.1:" + closed + " refused the connection");
    assertThat(chat.requests()).isEmpty();
  }

  @Test
  void anHttpsWebhookSignedByAnEnterpriseCaIsTrustedOnlyWithThatCaAndTunnelsThroughTheProxy()
      throws Exception {
    TestCertificates certs = TestCertificates.shared();
    try (TlsFront https = new TlsFront(certs, URI.create(chat.url()).getPort())) {
      Map<String, String> env = Map.of("HTTPS_PROXY", proxy.url());
      assertThatThrownBy(
              () ->
                  new SlackNotifier(https.url() + "/hook", ONCE, NO_WAIT, factory(env, List.of()))
                      .send("untrusted"))
          .hasMessageContaining("via proxy");
      assertThat(chat.requests()).isEmpty();

      new SlackNotifier(https.url() + "/hook", ONCE, NO_WAIT, factory(env, List.of(certs.caCert())))
          .send("flag");
      new SlackNotifier(
              https.url() + "/hook",
              ONCE,
              NO_WAIT,
              factory(
                  Map.of(
                      "HTTPS_PROXY", proxy.url(), "NODE_EXTRA_CA_CERTS", certs.caCert().toString()),
                  List.of()))
          .send("node-style variable");
      new SlackNotifier(
              https.url() + "/hook",
              ONCE,
              NO_WAIT,
              factory(Map.of("SSL_CERT_FILE", certs.caCert().toString()), List.of()))
          .send("direct, SSL_CERT_FILE");
      assertThat(chat.requests()).hasSize(3);
      String port = https.url().substring(https.url().lastIndexOf(':') + 1);
      assertThat(proxy.requests())
          .hasSize(3)
          .allMatch(r -> r.equals("CONNECT localhost:" + port + " HTTP/1.1"));
    }
  }

  @Test
  void aProxyThatWantsCredentialsGetsThoseOfItsUrlOverHttpAndThroughTheTunnel() throws Exception {
    proxy.requireCredentials("svc-soak", "p@ss:w rd");
    String withCredentials = "http://svc-soak:p%40ss%3Aw%20rd@127.0.0.1:" + proxy.port();
    new SlackNotifier(
            chat.url() + "/hook",
            ONCE,
            NO_WAIT,
            factory(Map.of("HTTP_PROXY", withCredentials), List.of()))
        .send("plain http");
    TestCertificates certs = TestCertificates.shared();
    try (TlsFront https = new TlsFront(certs, URI.create(chat.url()).getPort())) {
      new SlackNotifier(
              https.url() + "/hook",
              ONCE,
              NO_WAIT,
              factory(Map.of("HTTPS_PROXY", withCredentials), List.of(certs.caCert())))
          .send("tunnel");
    }
    assertThat(chat.requests()).hasSize(2);
    String basic =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    "svc-soak:p@ss:w rd".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(proxy.authorizations()).contains(basic).allMatch(basic::equals);
    // Each request was first refused (no credentials before the 407), then sent with them.
    assertThat(proxy.requests()).hasSize(4);
    // The proxy password never reaches the target.
    assertThat(chat.requests().toString()).doesNotContain("p@ss").doesNotContain(basic);
  }

  @Test
  void wrongProxyCredentialsAreAClearMessageThatNeverShowsThePassword() {
    proxy.requireCredentials("svc-soak", "right");
    String wrong = "http://svc-soak:s3cr3t-wrong@127.0.0.1:" + proxy.port();
    HttpClientFactory f = factory(Map.of("HTTP_PROXY", wrong), List.of());
    assertThat(f.proxies().secrets()).containsExactly("s3cr3t-wrong");
    assertThat(f.proxies().toString()).doesNotContain("s3cr3t");
    assertThatThrownBy(() -> new SlackNotifier(chat.url() + "/hook", ONCE, NO_WAIT, f).send("x"))
        .hasMessageContaining("via proxy 127.0.0.1:" + proxy.port())
        .hasMessageContaining("407")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    assertThat(chat.requests()).isEmpty();
  }

  @Test
  void noProxyTakesCidrRangesForAddressesNotNames() throws Exception {
    new SlackNotifier(
            chat.url() + "/hook",
            ONCE,
            NO_WAIT,
            factory(
                Map.of("HTTP_PROXY", proxy.url(), "NO_PROXY", "10.0.0.0/8,127.0.0.0/8"), List.of()))
        .send("direct");
    assertThat(chat.requests()).hasSize(1);
    assertThat(proxy.requests()).isEmpty();

    ProxyConfig p =
        ProxyConfig.fromEnvironment(
            Map.of(
                "HTTPS_PROXY", "proxy:3128", "NO_PROXY", "192.168.0.0/16, fd00::/8, 10.1.2.3/32"),
            new ArrayList<>());
    assertThat(p.proxyFor(URI.create("https://192.168.4.5/api"))).isEmpty();
    assertThat(p.proxyFor(URI.create("https://[fd12::1]:8443/api"))).isEmpty();
    assertThat(p.proxyFor(URI.create("https://10.1.2.3/"))).isEmpty();
    assertThat(p.proxyFor(URI.create("https://10.1.2.4/"))).isPresent();
    assertThat(p.proxyFor(URI.create("https://192.169.0.1/"))).isPresent();
    assertThat(p.proxyFor(URI.create("https://[fe80::1]/"))).isPresent();
    // A name is not resolved to match a range.
    assertThat(p.proxyFor(URI.create("https://intranet.local/"))).isPresent();
  }

  @Test
  void aBadCaFileIsAProblemAndABadEnvironmentOnlyAWarning() {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    HttpClientFactory.fromEnvironment(
        Map.of("SSL_CERT_FILE", "/nonexistent/ca.pem", "HTTPS_PROXY", "ftp://x"),
        List.of(Path.of("/nonexistent/flag.pem")),
        problems,
        warnings);
    assertThat(problems)
        .singleElement()
        .asString()
        .startsWith("/nonexistent/flag.pem: cannot read");
    assertThat(warnings)
        .anySatisfy(w -> assertThat(w).startsWith("SSL_CERT_FILE (/nonexistent/ca.pem)"))
        .anySatisfy(w -> assertThat(w).startsWith("HTTPS_PROXY is not a proxy URL"));
  }
}
