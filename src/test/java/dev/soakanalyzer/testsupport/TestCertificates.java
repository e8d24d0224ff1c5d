package dev.soakanalyzer.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA and a server certificate for {@code localhost} / {@code 127.0.0.1}, made with the
 * {@code openssl} command line in a temp directory (valid for 2 days, never committed).
 *
 * @param caCert PEM of the CA: what clients trust ({@code --redis-ca-file})
 * @param serverCert PEM of the server certificate, signed by the CA
 * @param serverKey PEM of the server key
 */
public record TestCertificates(Path dir, Path caCert, Path serverCert, Path serverKey) {

  private static TestCertificates shared;

  /** One set per JVM, generated on first use (RSA key generation is the slow part). */
  public static synchronized TestCertificates shared() {
    if (shared == null) {
      try {
        shared = generate(Files.createTempDirectory("soak-test-tls"));
      } catch (IOException e) {
        throw new IllegalStateException("cannot create a temp dir for TLS certificates", e);
      }
    }
    return shared;
  }

  /** TLS client sockets that trust this CA only (for test-side clients of a TLS server). */
  public javax.net.ssl.SSLSocketFactory socketFactory() {
    try (java.io.InputStream in = Files.newInputStream(caCert)) {
      java.security.KeyStore trust =
          java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the test CA " + caCert + ": " + e, e);
    }
  }

  /** A fresh CA + server certificate in {@code dir}. */
  public static TestCertificates generate(Path dir) {
    try {
      Files.createDirectories(dir);
      Path ext = dir.resolve("server-ext.cnf");
      // clientAuth too: cluster nodes present this certificate to each other on the TLS bus,
      // which always asks the dialling node for one.
      Files.writeString(
          ext,
          "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
              + "basicConstraints=CA:FALSE\n"
              + "keyUsage=digitalSignature,keyEncipherment\n"
              + "extendedKeyUsage=serverAuth,clientAuth\n");
      openssl(
          dir,
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=soak-analyzer test CA",
          "-addext",
          "basicConstraints=critical,CA:TRUE",
          "-addext",
          "keyUsage=critical,keyCertSign,cRLSign",
          "-keyout",
          "ca.key",
          "-out",
          "ca.crt");
      openssl(
          dir,
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-subj",
          "/CN=localhost",
          "-keyout",
          "server.key",
          "-out",
          "server.csr");
      openssl(
          dir,
          "x509",
          "-req",
          "-in",
          "server.csr",
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-days",
          "2",
          "-extfile",
          "server-ext.cnf",
          "-out",
          "server.crt");
      return new TestCertificates(
          dir, dir.resolve("ca.crt"), dir.resolve("server.crt"), dir.resolve("server.key"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot generate TLS certificates with openssl (install it: apt-get install -y openssl): "
              + e.getMessage(),
          e);
    }
  }

  private static void openssl(Path dir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("openssl " + String.join(" ", args) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while running openssl", e);
    }
  }
}
