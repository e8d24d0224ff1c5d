package dev.soakanalyzer.core.report;

import static dev.soakanalyzer.core.report.GitHubMarkdown.IMPORTANCE;
import static dev.soakanalyzer.core.report.GitHubMarkdown.cell;
import static dev.soakanalyzer.core.report.GitHubMarkdown.chartBlock;
import static dev.soakanalyzer.core.report.GitHubMarkdown.code;
import static dev.soakanalyzer.core.report.GitHubMarkdown.commit;
import static dev.soakanalyzer.core.report.GitHubMarkdown.countsLine;
import static dev.soakanalyzer.core.report.GitHubMarkdown.mark;
import static dev.soakanalyzer.core.report.GitHubMarkdown.number;
import static dev.soakanalyzer.core.report.GitHubMarkdown.symbolRowStart;
import static dev.soakanalyzer.core.report.GitHubMarkdown.whatFailed;
import static dev.soakanalyzer.core.report.GitHubMarkdown.windowsLine;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SymbolAnalysis;
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
  static final int MAX_CHARTS = 8;

  /** Rows of "what failed" in the comment at most. */
  static final int MAX_FAILED_ROWS = 20;

  /** Level-shift sentences at most (the rest are in POST_SOAK_ANALYSIS.md). */
  static final int MAX_SHIFTS = 10;

  /** With a baseline, tables of more symbols than this fold their OK, unchanged rows. */
  static final int FOLD_FROM = 20;

  static final String DIGEST_PREFIX = "<!-- soak-analyzer:digest v1 ";

  private static final Pattern DIGEST =
      Pattern.compile("<!-- soak-analyzer:digest v1 ([A-Za-z0-9_.=-]*) -->");

  /**
   * @param outDir the out-dir as the user gave it; part of the marker so two analyzers in one
   *     workflow keep two comments
   * @param artifacts report file names listed on the artefacts line
   * @param runUrl link to the workflow run, or null
   * @param maxChars size limit (tests use smaller ones)
   * @param commitFallback shown as the commit when the input carries none (the PR's {@code
   *     base..head}), or null
   */
  public record Options(
      String outDir, List<String> artifacts, String runUrl, int maxChars, String commitFallback) {
    public Options {
      artifacts = List.copyOf(artifacts);
    }

    public Options(String outDir, List<String> artifacts, String runUrl, int maxChars) {
      this(outDir, artifacts, runUrl, maxChars, null);
    }

    public static Options of(String outDir, List<String> artifacts, String runUrl) {
      return new Options(outDir, artifacts, runUrl, MAX_CHARS, null);
    }

    public Options withCommitFallback(String commitRange) {
      return new Options(outDir, artifacts, runUrl, maxChars, commitRange);
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
        .append(commit(a, o.commitFallback()))
        .append(" | **Profile:** ")
        .append(code(a.meta().profile()))
        .append("\n\n");
    String baselineLine = ComparisonText.baselineLine(a);
    if (baselineLine != null) {
      head.append(baselineLine).append("\n\n");
    }
    head.append(ComparisonText.worseThan(a, "####", MAX_FAILED_ROWS));
    StringBuilder tableHead = new StringBuilder("| Symbol | Status |");
    for (MetricDef m : metrics) {
      tableHead.append(' ').append(cell(m.shortLabel(), 40)).append(" |");
    }
    tableHead.append("\n|--------|--------|");
    for (int i = 0; i < metrics.size(); i++) {
      tableHead.append("------|");
    }
    tableHead.append('\n');
    head.append(tableHead);

    StringBuilder tail = new StringBuilder();
    if (SignalText.anySignificant(a)) {
      tail.append(SignalText.STAR_NOTE).append("\n\n");
    }
    tail.append(countsLine(a)).append("\n\n");
    tail.append(whatFailed(a, "#### What failed", MAX_FAILED_ROWS, "POST\\_SOAK\\_ANALYSIS.md"));
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
    tail.append(dataQuality(a));
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
    artefacts.append(HtmlReportRenderer.whereLine(o.artifacts(), o.outDir()));

    List<SymbolAnalysis> ranked = new ArrayList<>(a.symbols());
    ranked.sort(a.compared() ? ComparisonText.importance(a) : IMPORTANCE);

    int reserve = 400; // truncation note, digest frame, separators
    int budget = o.maxChars() - head.length() - tail.length() - artefacts.length() - reserve;

    // Charts get at most a quarter of the room, so a huge table still leaves a chart or two.
    List<FailedCells.FailedCell> failed = FailedCells.of(a);
    List<String> charts = new ArrayList<>();
    int chartBudget = Math.max(0, budget / 4);
    int chartUsed = 0;
    for (FailedCells.FailedCell f : failed) {
      if (charts.size() >= MAX_CHARTS) {
        break;
      }
      String chart = chartBlock(f, a);
      if (chartUsed + chart.length() <= chartBudget) {
        charts.add(chart);
        chartUsed += chart.length();
      }
    }
    String chartSection = "";
    if (!charts.isEmpty()) {
      StringBuilder d = new StringBuilder();
      d.append("<details>\n<summary>📈 Violating metrics over the windows (")
          .append(
              charts.size() == failed.size()
                  ? Integer.toString(failed.size())
                  : charts.size() + " of " + failed.size() + ", worst first")
          .append(")</summary>\n\n");
      charts.forEach(d::append);
      d.append("</details>\n\n");
      chartSection = d.toString();
    }
    budget -= chartSection.length();

    // Rows CRIT, WARN, OK, then by symbol, until the room is used.
    List<SymbolAnalysis> shown = new ArrayList<>();
    List<String> digest = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    // With a baseline, a big table folds its OK rows that did not change into one <details>.
    boolean fold = a.compared() && a.symbols().size() > FOLD_FROM;
    StringBuilder folded = new StringBuilder();
    int foldedCount = 0;
    int used = 0;
    for (SymbolAnalysis s : ranked) {
      String row = row(a, s, previous.get(s.symbol()));
      String entry = digestEntry(s);
      int cost = row.length() + entry.length() + 1;
      if (used + cost > budget) {
        break;
      }
      used += cost;
      shown.add(s);
      if (fold && s.verdict() == Level.OK && ComparisonText.changeRank(a, s) == 2) {
        folded.append(row);
        foldedCount++;
      } else {
        rows.append(row);
      }
      digest.add(entry);
    }
    if (foldedCount > 0) {
      rows.append("\n<details>\n<summary>")
          .append(foldedCount)
          .append(foldedCount == 1 ? " symbol" : " symbols")
          .append(" OK, unchanged</summary>\n\n")
          .append(tableHead)
          .append(folded)
          .append("\n</details>\n");
    }
    boolean truncated = shown.size() < a.symbols().size();

    StringBuilder body = new StringBuilder(o.maxChars());
    body.append(head);
    body.append(rows);
    body.append('\n');
    if (truncated) {
      body.append("_Showing ")
          .append(shown.size())
          .append(" of ")
          .append(a.symbols().size())
          .append(
              " symbols, worst first, to stay under GitHub's comment size limit; the full table is in POST\\_SOAK\\_ANALYSIS.md._\n\n");
    }
    body.append(tail);
    body.append(chartSection);
    body.append(artefacts);
    body.append('\n').append(DIGEST_PREFIX).append(String.join(".", digest)).append(" -->\n");
    return body.toString();
  }

  private static String row(Analysis a, SymbolAnalysis s, Map<String, Double> prev) {
    StringBuilder r = symbolRowStart(s, 96);
    for (MetricCell c : s.cells()) {
      r.append(' ').append(value(a, s, c, prev)).append(" |");
    }
    r.append('\n');
    return r.toString();
  }

  /**
   * {@code 🔴 340 ▲8.1%* (+12) ↑}: level mark when failing, last value, change against the
   * baseline, delta since the previous comment when changed, trend.
   */
  private static String value(
      Analysis a, SymbolAnalysis s, MetricCell c, Map<String, Double> prev) {
    if (!c.hasData()) {
      return "➖ no data";
    }
    int d = c.metric().decimals();
    StringBuilder v =
        new StringBuilder(mark(c.status()))
            .append(number(c.last(), d))
            .append(ComparisonText.mark(a, s.symbol(), c.metric().key()));
    Double before = prev == null ? null : prev.get(c.metric().key());
    if (before != null && Double.isFinite(before)) {
      String delta = Numbers.delta(c.last(), before, d);
      if (delta != null) {
        v.append(" (").append(delta).append(')');
      }
    }
    return v.append(' ').append(SignalText.arrow(c)).toString();
  }

  /** Skipped files and cells without data, when there are any. */
  static String dataQuality(Analysis a) {
    String noData = GitHubMarkdown.noDataLine(a);
    var skipped = a.quality().skipped();
    if (noData == null && skipped.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("**Data quality:**\n");
    if (noData != null) {
      b.append("- ").append(noData).append('\n');
    }
    if (!skipped.isEmpty()) {
      b.append("- Skipped files (").append(skipped.size()).append("): ");
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < Math.min(GitHubMarkdown.MAX_LIST, skipped.size()); i++) {
        shown.add(
            cell(skipped.get(i).file(), 120) + " (" + cell(skipped.get(i).reason(), 160) + ")");
      }
      b.append(String.join(", ", shown));
      if (skipped.size() > GitHubMarkdown.MAX_LIST) {
        b.append(" and ").append(skipped.size() - GitHubMarkdown.MAX_LIST).append(" more");
      }
      b.append('\n');
    }
    return b.append('\n').toString();
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
