package dev.soakanalyzer.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.cli.Main;
import dev.soakanalyzer.github.FakeGitHub;
import dev.soakanalyzer.github.SimulatedRunner;
import dev.soakanalyzer.testsupport.FakeForwardProxy;
import dev.soakanalyzer.testsupport.TestCertificates;
import dev.soakanalyzer.testsupport.TlsFront;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action on a self-hosted runner of a GitHub Enterprise Server: the API is HTTPS with a
 * certificate of the enterprise's own CA, and the only way out is the corporate proxy the runner
 * passes in as HTTPS_PROXY. The PR comment must go through the proxy (CONNECT) and trust the CA
 * given as the ca-file input (or NODE_EXTRA_CA_CERTS); without the CA, or with a refusing proxy, it
 * is a warning that says why, never a failed step.
 */
class EnterpriseNetworkTest {
  private static final Path PROJECT = Path.of(System.getProperty("soak.project.dir", "."));

  @TempDir Path workspace;
  private FakeGitHub github;
  private FakeForwardProxy proxy;
  private TlsFront https;
  private TestCertificates certs;
  private final Map<String, String> env = new HashMap<>();
  private String stderr;

  @BeforeEach
  void setUp() throws Exception {
    github = new FakeGitHub("/api/v3");
    proxy = new FakeForwardProxy();
    certs = TestCertificates.shared();
    https = new TlsFront(certs, github.server().port());
    Path to = workspace.resolve("fixtures/soak_warn");
    Files.createDirectories(to);
    try (var files = Files.list(PROJECT.resolve("fixtures/soak_warn"))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    env.putAll(SimulatedRunner.pullRequestEnv(workspace, https.url() + "/api/v3"));
    env.put("INPUT_ITER-GLOB", "fixtures/soak_warn/ITER_SUMMARY_*.json");
    env.put("INPUT_MIN-WINDOWS", "24");
    env.put("INPUT_GITHUB-TOKEN", "ghs_enterprise_token");
    env.put("HTTPS_PROXY", proxy.url());
  }

  @AfterEach
  void tearDown() throws Exception {
    https.close();
    proxy.close();
    github.close();
  }

  private String stdout;

  private int run() {
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {"action"},
            new PrintWriter(out),
            new PrintWriter(err),
            env,
            Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC));
    stderr = err.toString();
    stdout = out.toString();
    return code;
  }

  private String connect() {
    return "CONNECT localhost:"
        + https.url().substring(https.url().lastIndexOf(':') + 1)
        + " HTTP/1.1";
  }

  @Test
  void theCommentGoesThroughTheProxyAndTrustsTheEnterpriseCaOfTheInput() throws Exception {
    Path ca = workspace.resolve("certs/enterprise-ca.pem");
    Files.createDirectories(ca.getParent());
    Files.copy(certs.caCert(), ca);
    env.put("INPUT_CA-FILE", "certs/enterprise-ca.pem");

    assertThat(run()).as(stderr).isZero();

    assertThat(stderr).doesNotContain("PR comment skipped");
    assertThat(github.posts()).isEqualTo(1);
    assertThat(proxy.requests()).isNotEmpty().allMatch(r -> r.equals(connect()));
  }

  @Test
  void nodeExtraCaCertsIsHonouredLikeTheInput() {
    env.put("NODE_EXTRA_CA_CERTS", certs.caCert().toString());
    assertThat(run()).as(stderr).isZero();
    assertThat(github.posts()).isEqualTo(1);
    assertThat(proxy.requests()).contains(connect());
  }

  @Test
  void withoutTheCaTheCommentIsAWarningNamingTheProxyAndTheCertificate() {
    assertThat(run()).as(stderr).isZero();
    assertThat(stderr)
        .contains("warn: PR comment skipped")
        .contains("via proxy 127.0.0.1:" + proxy.port() + ": TLS handshake failed")
        .contains("give it as the ca-file input");
    assertThat(github.posts()).isZero();
    assertThat(proxy.requests()).contains(connect());
  }

  @Test
  void aRefusingProxyIsAWarningThatSaysSo() {
    env.put("INPUT_CA-FILE", certs.caCert().toString());
    proxy.refuse();
    assertThat(run()).as(stderr).isZero();
    assertThat(stderr)
        .contains("warn: PR comment skipped")
        .contains("via proxy 127.0.0.1:" + proxy.port() + ": Tunnel failed, got: 403");
    assertThat(github.posts()).isZero();
  }

  @Test
  void aProxyUrlWithCredentialsAuthenticatesTheTunnelAndItsPasswordIsMaskedFirst() {
    env.put("INPUT_CA-FILE", certs.caCert().toString());
    proxy.requireCredentials("runner", "Pr0xy:Pa$$");
    env.put("HTTPS_PROXY", "http://runner:Pr0xy%3APa%24%24@127.0.0.1:" + proxy.port());

    assertThat(run()).as(stderr).isZero();

    assertThat(stderr).doesNotContain("PR comment skipped");
    assertThat(github.posts()).isEqualTo(1);
    assertThat(proxy.authorizations()).isNotEmpty();
    // Masked, as given and decoded, before any other line (% escaped as workflow commands want).
    assertThat(stdout)
        .startsWith("::add-mask::")
        .contains("::add-mask::Pr0xy%253APa%2524%2524\n")
        .contains("::add-mask::Pr0xy:Pa$$\n");
    assertThat(stderr).doesNotContain("Pr0xy");
  }

  @Test
  void anUnreadableCaFileInputIsExitTwoNamingTheInput() {
    env.put("INPUT_CA-FILE", "missing.pem");
    assertThat(run()).isEqualTo(2);
    assertThat(stderr).contains("error: input ca-file: " + workspace.resolve("missing.pem"));
  }
}
