package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.RunMeta;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrCommentRendererTest {

  private static final List<String> ARTIFACTS =
      List.of(
          "POST_SOAK_ANALYSIS.md", "RECOMMENDATIONS.md", "VIOLATIONS.json", "SOAK_SUMMARY.json");
  private static final PrCommentRenderer.Options OPTIONS =
      PrCommentRenderer.Options.of("reports/analysis", ARTIFACTS, null);

  @Test
  void followsTheGuidesLayout() {
    String body = PrCommentRenderer.render(ActionAnalyses.many(3, 24), OPTIONS, Optional.empty());

    assertThat(body)
        .startsWith(
            "<!-- soak-analyzer:comment out-dir=reports/analysis -->\n### 🧪 Soak Analysis Summary\n")
        .contains("**Windows:** 24 (min=24) | **Verdict:** 🔴 **CRIT**")
        .contains("**Commit:** `abc123..def456` | **Profile:** `moderate`")
        .contains("| Symbol | Status | Edge(bps) | Maker/Taker | p95(ms) | Risk |")
        .contains("| SYM00001USDT | ✅ OK | 2.80 ≈ | 0.850 ≈ | 300 ≈ | 0.350 ≈ |")
        .contains("#### What failed")
        .contains("| 🔴 CRIT | SYM00000USDT | p95\\_latency\\_ms | 450 @ #24 | > 400 | 1 | 24 |")
        .contains("**Violations:** 🔴 CRIT: 1 | 🟡 WARN: 1 | ✅ OK: 10")
        .contains(
            "**Artifacts:** POST\\_SOAK\\_ANALYSIS.md, RECOMMENDATIONS.md, VIOLATIONS.json, SOAK\\_SUMMARY.json\n(see workflow artifacts above)")
        .contains("<details>\n<summary>📈 Violating metrics over the windows (2)</summary>")
        .contains("```mermaid\n---\nconfig:")
        .contains("xychart-beta\n")
        .contains("<!-- soak-analyzer:digest v1 ");
  }

  @Test
  void theMarkerKeepsTwoOutDirsApartAndCannotCloseTheHtmlComment() {
    assertThat(PrCommentRenderer.marker("reports/a"))
        .isNotEqualTo(PrCommentRenderer.marker("reports/b"));
    assertThat(PrCommentRenderer.marker("x --> <b>"))
        .isEqualTo("<!-- soak-analyzer:comment out-dir=x%20--%3E%20%3Cb%3E -->");
  }

  @Test
  void showsTheChangeSinceThePreviousRunFromItsDigest() {
    Analysis before = ActionAnalyses.withSymbol("ETHUSDT", null, RunMeta.NONE);
    String previous = PrCommentRenderer.render(before, OPTIONS, Optional.empty());
    Analysis now = ActionAnalyses.many(1, 24); // SYM00000USDT, not in the digest
    Analysis eth = ActionAnalyses.withSymbol("ETHUSDT", null, RunMeta.NONE);
    // Same symbol, edge moved from 2.4 to 2.28.
    Analysis moved =
        new Analysis(
            eth.generatedAt(),
            24,
            24,
            1,
            eth.catalog(),
            List.of(
                ActionAnalyses.symbol(
                    "ETHUSDT",
                    24,
                    2.28,
                    300,
                    dev.soakanalyzer.core.model.Level.WARN,
                    dev.soakanalyzer.core.model.Level.OK,
                    new java.util.ArrayList<>())),
            eth.violations(),
            eth.counts(),
            eth.meta(),
            eth.quality(),
            dev.soakanalyzer.core.model.ThresholdSet.STANDARD);

    String body = PrCommentRenderer.render(moved, OPTIONS, Optional.of(previous));

    // A delta only where the value changed, with the metric's decimals.
    assertThat(body).contains("| ETHUSDT | 🟡 WARN | 🟡 2.28 (-0.12) ≈ | 0.850 ≈ |");
    assertThat(PrCommentRenderer.render(now, OPTIONS, Optional.of(previous)))
        .doesNotContain("(±0)");
  }

  @Test
  void symbolNamesNotesAndMetadataCannotInjectMarkdownHtmlLinksOrMentions() {
    String evil =
        "<img src=x onerror=alert(1)>[click](https://evil.example) ![i](http://x/y.png) @octocat #1 www.evil.com | `x` **b**";
    Analysis a =
        ActionAnalyses.withSymbol(evil, evil, new RunMeta("abc` <b>", "**p** @team", null));

    String body = PrCommentRenderer.render(a, OPTIONS, Optional.empty());

    assertThat(body)
        .doesNotContain("<img")
        .doesNotContain("<b>")
        .doesNotContain("[click](")
        .doesNotContain("![i](")
        .doesNotContain("@octocat")
        .doesNotContain("@team")
        .doesNotContain("https://evil")
        .doesNotContain("www.evil")
        .doesNotContain("**b**")
        .doesNotContain("**p**")
        .contains("&lt;img src=x onerror=alert(1)&gt;");
    // Every table row still has exactly the table's cells: no pipe escaped the cell.
    body.lines()
        .filter(l -> l.startsWith("| &lt;img"))
        .forEach(
            l ->
                assertThat(l.replace("\\|", "").chars().filter(c -> c == '|').count())
                    .isEqualTo(7));
  }

  @Test
  void fiveHundredSymbolsStayUnderTheCommentLimitWithANote() {
    Analysis a = ActionAnalyses.many(500, 1000);

    String body = PrCommentRenderer.render(a, OPTIONS, Optional.empty());

    assertThat(body.length()).isLessThan(PrCommentRenderer.MAX_CHARS);
    assertThat(body).contains("**Violations:**").contains("<!-- soak-analyzer:digest v1 ");
    // CRIT symbols first; all 10 CRIT symbols and all 50 WARN symbols are shown.
    assertThat(body)
        .contains("| SYM00000USDT |")
        .contains("| SYM00490USDT |")
        .contains("| SYM00480USDT |");
  }

  @Test
  void fiveThousandSymbolsAreTruncatedWithANoteAndStillUnderTheLimit() {
    Analysis a = ActionAnalyses.many(5000, 48);

    String body = PrCommentRenderer.render(a, OPTIONS, Optional.empty());

    assertThat(body.length()).isLessThan(PrCommentRenderer.MAX_CHARS);
    assertThat(body).containsPattern("_Showing \\d+ of 5000 symbols, worst first");
    assertThat(body).contains("**Violations:** 🔴 CRIT: 100 | 🟡 WARN: 500");
    assertThat(PrCommentRenderer.readDigest(body)).isNotEmpty();
  }

  @Test
  void renderingTwiceGivesTheSameBody() {
    Analysis a = ActionAnalyses.many(20, 24);
    assertThat(PrCommentRenderer.render(a, OPTIONS, Optional.empty()))
        .isEqualTo(PrCommentRenderer.render(a, OPTIONS, Optional.empty()));
  }

  @Test
  void spellingsOfOneOutDirShareOneMarker() {
    assertThat(PrCommentRenderer.marker("./reports/x/"))
        .isEqualTo(PrCommentRenderer.marker("reports/x"))
        .isEqualTo(PrCommentRenderer.marker("reports//x"))
        .isEqualTo(PrCommentRenderer.marker("reports\\x"))
        .isNotEqualTo(PrCommentRenderer.marker("reports/y"));
  }
}
