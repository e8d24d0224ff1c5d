package dev.soakanalyzer.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What the HTML report is made of besides its data, read once from the jar: the page template, the
 * report's own script and stylesheet (src/main/resources), and uPlot's script and stylesheet
 * (unpacked from its package by the build). Each inline script and style is allowed by its SHA-256
 * in the page's Content-Security-Policy; nothing else may run or load.
 */
final class HtmlAssets {
  private static final String DIR = "html/";

  /** The template cut at its {@code {{NAME}}} slots: text, slot name, text, slot name, ... */
  final List<String> parts;

  final String uplotJs;
  final String uplotCss;
  final String reportJs;
  final String reportCss;
  final String csp;

  private static volatile HtmlAssets loaded;

  private HtmlAssets() {
    uplotJs = read("uplot/uPlot.iife.min.js");
    uplotCss = read("uplot/uPlot.min.css");
    reportJs = read("report.js");
    reportCss = read("report.css");
    parts = cut(read("report.html"));
    for (String inline : List.of(uplotJs, uplotCss, reportJs, reportCss)) {
      String lower = inline.toLowerCase(Locale.ROOT);
      if (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")) {
        throw new IllegalStateException("an inline asset of the HTML report would end its element");
      }
    }
    csp =
        "default-src 'none'; script-src "
            + hash(uplotJs)
            + " "
            + hash(reportJs)
            + "; style-src "
            + hash(uplotCss)
            + " "
            + hash(reportCss)
            + "; img-src 'none'; connect-src 'none'; font-src 'none'; base-uri 'none';"
            + " form-action 'none'";
  }

  static HtmlAssets get() {
    HtmlAssets a = loaded;
    if (a == null) {
      synchronized (HtmlAssets.class) {
        a = loaded;
        if (a == null) {
          a = new HtmlAssets();
          loaded = a;
        }
      }
    }
    return a;
  }

  /** The CSP source of one inline element, e.g. {@code 'sha256-...'}. */
  static String hash(String inline) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String read(String name) {
    try (InputStream in = HtmlAssets.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the jar lacks the HTML report's " + name + " (built by mvn generate-resources)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> cut(String template) {
    List<String> out = new ArrayList<>();
    int from = 0;
    int open;
    while ((open = template.indexOf("{{", from)) >= 0) {
      int close = template.indexOf("}}", open);
      out.add(template.substring(from, open));
      out.add(template.substring(open + 2, close));
      from = close + 2;
    }
    out.add(template.substring(from));
    return List.copyOf(out);
  }
}
