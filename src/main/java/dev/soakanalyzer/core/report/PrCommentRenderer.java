package dev.soakanalyzer.core.report;

import static dev.soakanalyzer.core.report.GitHubMarkdown.IMPORTANCE;
import static dev.soakanalyzer.core.report.GitHubMarkdown.cell;
import static dev.soakanalyzer.core.report.GitHubMarkdown.chartBlock;
import static dev.soakanalyzer.core.report.GitHubMarkdown.code;
import static dev.soakanalyzer.core.report.GitHubMarkdown.countsLine;
import static dev.soakanalyzer.core.report.GitHubMarkdown.number;
import static dev.soakanalyzer.core.report.GitHubMarkdown.status;
import static dev.soakanalyzer.core.report.GitHubMarkdown.windowsLine;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pull-request comment in the guide's layout (verdict line, commit/profile, per-symbol table of
 * last value and trend, violation counts, artefacts), plus a collapsed section of charts of the
 * violating metrics and, in each value cell, the change since the previous run read from a hidden
 * digest. Always under {@link #MAX_CHARS}: rows are cut worst-last with a note.
 */
public final class PrCommentRenderer {

  /** GitHub's limit on a comment body. */
  public static final int MAX_CHARS = 65_536;

  /** Charts in the collapsed section at most. */
  static final int MAX_CHARTS = 10;

  /** Level-shift sentences at most (the rest are in POST_SOAK_ANALYSIS.md). */
  static final int MAX_SHIFTS = 10;

  static final String DIGEST_PREFIX = "<!-- soak-analyzer:digest v1 ";

  private static final Pattern DIGEST =
      Pattern.compile("<!-- soak-analyzer:digest v1 ([A-Za-z0-9_.=-]*) -->");

  /**
   * @param outDir the out-dir as the user gave it; part of the marker so two analyzers in one
   *     workflow keep two comments
   * @param artifacts report file names listed on the artefacts line
   * @param runUrl link to the workflow run, or null
   * @param maxChars size limit (tests use smaller ones)
   */
  public record Options(String outDir, List<String> artifacts, String runUrl, int maxChars) {
    public Options {
      artifacts = List.copyOf(artifacts);
    }

    public static Options of(String outDir, List<String> artifacts, String runUrl) {
      return new Options(outDir, artifacts, runUrl, MAX_CHARS);
    }
  }

  private PrCommentRenderer() {}

  /** The hidden line that identifies this action's comment for one out-dir. */
  public static String marker(String outDir) {
    StringBuilder enc = new StringBuilder();
    for (byte b : normalizeDir(outDir).getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 128 && (Character.isLetterOrDigit(c) || "/._-".indexOf(c) >= 0)) {
        enc.append((char) c);
      } else {
        enc.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return "<!-- soak-analyzer:comment out-dir=" + enc + " -->";
  }

  /**
   * {@code ./reports/x/}, {@code reports//x} and {@code reports\\x} are one out-dir, one comment.
   */
  static String normalizeDir(String outDir) {
    String d = outDir == null ? "" : outDir.strip().replace('\\', '/').replaceAll("/{2,}", "/");
    while (d.startsWith("./")) {
      d = d.substring(2);
    }
    while (d.length() > 1 && d.endsWith("/")) {
      d = d.substring(0, d.length() - 1);
    }
    return d.equals(".") ? "" : d;
  }

  /** Renders the body; {@code previousBody} is this action's earlier comment, if any. */
  public static String render(Analysis a, Options o, Optional<String> previousBody) {
    Map<String, Map<String, Double>> previous =
        previousBody.map(PrCommentRenderer::readDigest).orElse(Map.of());
    List<MetricDef> metrics = a.catalog().metrics();

    StringBuilder head = new StringBuilder();
    head.append(marker(o.outDir())).append('\n');
    head.append("### 🧪 Soak Analysis Summary\n\n");
    head.append(windowsLine(a)).append("\n\n");
    if (a.insufficientWindows()) {
      head.append(AnalysisReportRenderer.insufficientWindowsWarning(a)).append("\n\n");
    }
    head.append("**Commit:** ")
        .append(code(a.meta().commitRange()))
        .append(" | **Profile:** ")
        .append(code(a.meta().profile()))
        .append("\n\n");
    head.append("| Symbol |");
    for (MetricDef m : metrics) {
      head.append(' ').append(cell(m.shortLabel(), 40)).append(" | Trend |");
    }
    head.append(" Status |\n|--------|");
    for (int i = 0; i < metrics.size(); i++) {
      head.append("------|-------|");
    }
    head.append("--------|\n");

    StringBuilder tail = new StringBuilder();
    if (SignalText.anySignificant(a)) {
      tail.append(SignalText.STAR_NOTE).append("\n\n");
    }
    tail.append(countsLine(a)).append("\n\n");
    List<SignalText.Shift> shifts = SignalText.shifts(a);
    for (int i = 0; i < Math.min(shifts.size(), MAX_SHIFTS); i++) {
      SignalText.Shift s = shifts.get(i);
      tail.append(i == 0 ? "**Level shifts:**\n" : "")
          .append("- ")
          .append(cell(s.symbol(), 64))
          .append(' ')
          .append(s.sentence())
          .append('\n');
    }
    if (shifts.size() > MAX_SHIFTS) {
      tail.append("- … and ")
          .append(shifts.size() - MAX_SHIFTS)
          .append(" more in POST_SOAK_ANALYSIS.md\n");
    }
    if (!shifts.isEmpty()) {
      tail.append('\n');
    }
    StringBuilder artefacts = new StringBuilder();
    artefacts.append("**Artifacts:** ");
    List<String> names = new ArrayList<>();
    for (String n : o.artifacts()) {
      names.add(cell(n, 80));
    }
    artefacts.append(String.join(", ", names)).append('\n');
    if (o.runUrl() != null && o.runUrl().startsWith("https://")) {
      artefacts
          .append("(see the [workflow run](")
          .append(o.runUrl().replace(")", "%29").replace(" ", "%20"))
          .append(") artifacts)\n");
    } else {
      artefacts.append("(see workflow artifacts above)\n");
    }

    List<SymbolAnalysis> ranked = new ArrayList<>(a.symbols());
    ranked.sort(IMPORTANCE);

    int reserve = 400; // truncation note, digest frame, separators
    int budget = o.maxChars() - head.length() - tail.length() - artefacts.length() - reserve;

    // Charts get at most a quarter of the room, so a huge table still leaves a chart or two.
    List<String> charts = new ArrayList<>();
    int chartBudget = Math.max(0, budget / 4);
    int chartUsed = 0;
    int violatingCells = 0;
    for (SymbolAnalysis s : ranked) {
      for (MetricCell c : s.cells()) {
        if (c.status() == CellStatus.WARN || c.status() == CellStatus.CRIT) {
          violatingCells++;
          if (charts.size() < MAX_CHARTS) {
            String chart = chartBlock(s, c);
            if (chartUsed + chart.length() <= chartBudget) {
              charts.add(chart);
              chartUsed += chart.length();
            }
          }
        }
      }
    }
    String chartSection = "";
    if (!charts.isEmpty()) {
      StringBuilder d = new StringBuilder();
      d.append("<details>\n<summary>📈 Violating metrics over the windows (")
          .append(
              charts.size() == violatingCells
                  ? Integer.toString(violatingCells)
                  : charts.size() + " of " + violatingCells)
          .append(")</summary>\n\n");
      charts.forEach(d::append);
      d.append("</details>\n\n");
      chartSection = d.toString();
    }
    budget -= chartSection.length();

    // Rows in importance order until the room is used; shown in symbol order when all fit.
    List<SymbolAnalysis> shown = new ArrayList<>();
    List<String> digest = new ArrayList<>();
    int used = 0;
    for (SymbolAnalysis s : ranked) {
      String row = row(s, previous.get(s.symbol()));
      String entry = digestEntry(s);
      int cost = row.length() + entry.length() + 1;
      if (used + cost > budget) {
        break;
      }
      used += cost;
      shown.add(s);
      digest.add(entry);
    }
    boolean truncated = shown.size() < a.symbols().size();
    if (!truncated) {
      shown = a.symbols();
    }

    StringBuilder body = new StringBuilder(o.maxChars());
    body.append(head);
    for (SymbolAnalysis s : shown) {
      body.append(row(s, previous.get(s.symbol())));
    }
    body.append('\n');
    if (truncated) {
      body.append("_Showing ")
          .append(shown.size())
          .append(" of ")
          .append(a.symbols().size())
          .append(
              " symbols, worst first, to stay under GitHub's comment size limit; the full table is in POST_SOAK_ANALYSIS.md._\n\n");
    }
    body.append(tail);
    body.append(chartSection);
    body.append(artefacts);
    body.append('\n').append(DIGEST_PREFIX).append(String.join(".", digest)).append(" -->\n");
    return body.toString();
  }

  private static String row(SymbolAnalysis s, Map<String, Double> prev) {
    StringBuilder r = new StringBuilder(96);
    r.append("| ").append(cell(s.symbol(), 64)).append(" |");
    for (MetricCell c : s.cells()) {
      r.append(' ').append(value(c, prev)).append(" | ").append(SignalText.arrow(c)).append(" |");
    }
    r.append(' ').append(status(s.verdict())).append(" |\n");
    return r.toString();
  }

  private static String value(MetricCell c, Map<String, Double> prev) {
    if (!c.hasData()) {
      return "n/a";
    }
    int d = c.metric().decimals();
    String v = number(c.last(), d);
    Double before = prev == null ? null : prev.get(c.metric().key());
    if (before == null || !Double.isFinite(before)) {
      return v;
    }
    BigDecimal now = Numbers.round(c.last(), d);
    BigDecimal then = Numbers.round(before, d);
    BigDecimal delta = now.subtract(then);
    if (delta.signum() == 0) {
      return v + " (±0)";
    }
    return v + " (" + (delta.signum() > 0 ? "+" : "") + delta.toPlainString() + ")";
  }

  private static String digestEntry(SymbolAnalysis s) {
    StringBuilder t = new StringBuilder(s.symbol());
    for (MetricCell c : s.cells()) {
      if (c.hasData() && Double.isFinite(c.last())) {
        t.append('\t')
            .append(c.metric().key())
            .append('=')
            .append(Numbers.format(c.last(), c.metric().decimals()));
      }
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(t.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Symbol -> metric key -> last value, from a body this renderer wrote; empty when absent. */
  public static Map<String, Map<String, Double>> readDigest(String body) {
    Map<String, Map<String, Double>> out = new HashMap<>();
    if (body == null) {
      return out;
    }
    Matcher m = DIGEST.matcher(body);
    if (!m.find() || m.group(1).isEmpty()) {
      return out;
    }
    for (String entry : m.group(1).split("\\.")) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(entry), StandardCharsets.UTF_8).split("\t");
        Map<String, Double> values = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
          int eq = parts[i].lastIndexOf('=');
          if (eq > 0) {
            values.put(parts[i].substring(0, eq), Double.parseDouble(parts[i].substring(eq + 1)));
          }
        }
        out.put(parts[0], values);
      } catch (IllegalArgumentException ignored) {
        // A damaged entry only loses its deltas.
      }
    }
    return out;
  }
}
