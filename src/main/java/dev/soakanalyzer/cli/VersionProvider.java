package dev.soakanalyzer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The pom's version, written into {@code version.properties} by the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"soak-analyzer " + version()};
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // a jar without the file is a broken build; say so below rather than fail -V
    }
    String v = p.getProperty("version", "");
    return v.isBlank() || v.startsWith("${") ? "(unknown version: built without Maven)" : v;
  }
}
