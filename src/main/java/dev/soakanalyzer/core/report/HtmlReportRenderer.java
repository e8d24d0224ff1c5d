package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import java.util.List;

/**
 * SOAK_REPORT.html: one self-contained page to explore the analysis in a browser. The template (a
 * resource) is filled with the analysis as JSON ({@link HtmlReportData}), the report's script and
 * styles, and the bundled uPlot chart library, all inline; the page makes no request. Text from
 * input files only ever travels as escaped JSON data, which the script shows as text.
 */
public final class HtmlReportRenderer {
  /** The report's file name in the out-dir. */
  public static final String FILE_NAME = "SOAK_REPORT.html";

  private final Lang lang;

  public HtmlReportRenderer(Lang lang) {
    this.lang = lang == null ? Lang.RU : lang;
  }

  /**
   * The line the PR comment and the job summary add below their artefacts when the HTML report is
   * among them: where it is and what it shows; empty when it is not.
   */
  public static String whereLine(java.util.List<String> artifacts, String outDir) {
    if (!artifacts.contains(FILE_NAME)) {
      return "";
    }
    return "**Interactive report:** "
        + GitHubMarkdown.code((outDir.endsWith("/") ? outDir : outDir + "/") + FILE_NAME)
        + " in the artifact uploaded from the out-dir: download it and open it in a browser"
        + " (every cell's series with WARN/CRIT bands, violating windows, trend and level"
        + " shifts, zoom; works offline).\n";
  }

  /** The whole page as one string. */
  public String render(Analysis analysis) {
    return TextSink.collect(1 << 17, sink -> render(analysis, sink));
  }

  /** The page, piece by piece (tens of megabytes for thousands of symbols). */
  public void render(Analysis analysis, TextSink out) {
    HtmlAssets assets = HtmlAssets.get();
    List<String> parts = assets.parts;
    for (int i = 0; i < parts.size(); i++) {
      if (i % 2 == 0) {
        out.write(parts.get(i));
        continue;
      }
      switch (parts.get(i)) {
        case "LANG" -> out.write(lang == Lang.EN ? "en" : "ru");
        case "CSP" -> out.write(assets.csp);
        case "UPLOT_CSS" -> out.write(assets.uplotCss);
        case "REPORT_CSS" -> out.write(assets.reportCss);
        case "UPLOT_JS" -> out.write(assets.uplotJs);
        case "REPORT_JS" -> out.write(assets.reportJs);
        case "DATA" -> HtmlReportData.write(analysis, lang, out);
        default -> throw new IllegalStateException("unknown slot in report.html: " + parts.get(i));
      }
    }
  }
}
