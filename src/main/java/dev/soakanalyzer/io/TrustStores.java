package dev.soakanalyzer.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * CA certificates from PEM files and the TLS contexts that trust them: one reading of an enterprise
 * CA file for the HTTP clients (GitHub, Telegram, Slack) and for Redis.
 */
public final class TrustStores {
  private TrustStores() {}

  /** A CA file that cannot be used; the message says why, without the file's name. */
  public static final class BadCaFile extends Exception {
    BadCaFile(String message) {
      super(message);
    }
  }

  /** The X.509 certificates of a PEM file (one or more). */
  public static List<X509Certificate> readPem(Path file) throws BadCaFile {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
      if (out.isEmpty()) {
        throw new BadCaFile("no certificate found (expected PEM)");
      }
      return out;
    } catch (IOException e) {
      throw new BadCaFile("cannot read CA file (" + e.getClass().getSimpleName() + ")");
    } catch (GeneralSecurityException e) {
      throw new BadCaFile("not a PEM certificate (" + e.getMessage() + ")");
    }
  }

  /**
   * A TLS context trusting {@code cas}, and the JDK's default CAs too when {@code withJdkDefaults}
   * (an enterprise CA is trusted in addition for public services, instead for a private server).
   */
  public static SSLContext trusting(List<X509Certificate> cas, boolean withJdkDefaults)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    if (withJdkDefaults) {
      TrustManagerFactory defaults =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      defaults.init((KeyStore) null);
      for (TrustManager tm : defaults.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + i++, c);
          }
        }
      }
    }
    for (X509Certificate c : cas) {
      store.setCertificateEntry("ca-" + i++, c);
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
