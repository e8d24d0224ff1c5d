package dev.soakanalyzer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The pom's version, and the commit when the build was given one (the image's REVISION, the same
 * commit its org.opencontainers.image.revision label names), written into {@code
 * version.properties} by the build.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    Properties p = properties();
    String commit = filled(p.getProperty("commit", ""));
    return new String[] {
      "soak-analyzer " + version(p) + (commit.isEmpty() ? "" : " (commit " + commit + ")")
    };
  }

  static String version() {
    return version(properties());
  }

  private static String version(Properties p) {
    String v = filled(p.getProperty("version", ""));
    return v.isEmpty() ? "(unknown version: built without Maven)" : v;
  }

  /** A value the build did not fill in (no Maven, or no -Dsoak.commit) counts as none. */
  private static String filled(String v) {
    return v.isBlank() || v.startsWith("${") ? "" : v.strip();
  }

  private static Properties properties() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // a jar without the file is a broken build; say so rather than fail -V
    }
    return p;
  }
}
