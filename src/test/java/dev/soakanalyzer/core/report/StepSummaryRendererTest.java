package dev.soakanalyzer.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Analysis;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepSummaryRendererTest {

  private static final int MIB = 1024 * 1024;

  private static StepSummaryRenderer.Options options(int maxBytes) {
    return new StepSummaryRenderer.Options(
        "reports/analysis", List.of("POST_SOAK_ANALYSIS.md"), maxBytes);
  }

  @Test
  void smallRunsAreShownInFullWithTablesEventsAndCharts() {
    String md = StepSummaryRenderer.render(ActionAnalyses.many(3, 24), options(MIB));

    assertThat(md)
        .contains("## 🧪 Soak Analysis — `reports/analysis`")
        .contains("**Verdict:** 🔴 **CRIT**")
        .contains("### Symbols")
        .contains("### What failed")
        .contains("| 🔴 CRIT | SYM00000USDT | p95\\_latency\\_ms | 450 @ #24 | > 400 | 1 | 24 |")
        .contains("```mermaid\n---\nconfig:")
        .doesNotContain("Trimmed");
  }

  @Test
  void twentyThousandSymbolsStayUnderOneMibDroppingOkRowsFirstAndSayingSo() {
    Analysis a = ActionAnalyses.many(20_000, 48);

    String md = StepSummaryRenderer.render(a, options(MIB - 1024));

    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MIB - 1024);
    assertThat(md)
        .contains("Trimmed to stay under GitHub's 1 MiB step summary limit")
        .contains("symbol rows");
    // Every CRIT and WARN symbol survived; only OK rows were dropped.
    for (int i = 0; i < 20_000; i += 10) {
      assertThat(md).contains(String.format("| SYM%05dUSDT |", i));
    }
  }

  @Test
  void aTinyBudgetKeepsTheVerdictAndTheNote() {
    String md = StepSummaryRenderer.render(ActionAnalyses.many(50, 24), options(4000));

    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4000);
    assertThat(md).contains("**Verdict:**").contains("Trimmed");
  }

  @Test
  void noRoomAtAllRendersNothing() {
    assertThat(StepSummaryRenderer.render(ActionAnalyses.many(5, 24), options(100))).isEmpty();
  }
}
