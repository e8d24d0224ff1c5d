package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import java.util.ArrayList;
import java.util.List;

/**
 * RECOMMENDATIONS.md: per symbol, per violated metric, the problem with its current value and
 * actions.
 */
public record RecommendationsRenderer(RecommendationBook book, Lang lang) {

  public String render(Analysis analysis) {
    return TextSink.collect(256 + analysis.symbols().size() * 256, sink -> render(analysis, sink));
  }

  /** Streams the recommendations to {@code sink} in pieces. */
  public void render(Analysis analysis, TextSink sink) {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append(lang == Lang.RU ? "# Рекомендации по оптимизации" : "# Optimization recommendations")
        .append("\n");
    for (SymbolAnalysis symbol : analysis.symbols()) {
      TextSink.flushIfLarge(sb, sink);
      sb.append("\n## ").append(Markdown.escapeCell(symbol.symbol())).append("\n");
      boolean any = false;
      for (MetricCell cell : symbol.cells()) {
        if (cell.status() != CellStatus.WARN && cell.status() != CellStatus.CRIT) {
          continue;
        }
        any = true;
        Level level = cell.status().level();
        Advice advice = book.advice(cell.metric(), level, lang);
        sb.append("\n### ")
            .append(StatusLabels.icon(level))
            .append(' ')
            .append(advice.title())
            .append(" (")
            .append(
                Numbers.withUnit(
                    cell.worst().value(), cell.metric().decimals(), cell.metric().unit()))
            .append(")\n")
            .append(badWindowsLine(cell, symbol.windowCount()))
            .append("\n\n");
        for (String action : advice.actions()) {
          sb.append("- ").append(action).append("\n");
        }
      }
      if (!any) {
        sb.append("\n").append(noViolationLine(symbol)).append("\n");
      }
    }
    sink.write(sb);
  }

  /** How many windows were bad, the first and last of them, and the last value. */
  private String badWindowsLine(MetricCell cell, int windows) {
    String span =
        cell.firstBad() == cell.lastBad()
            ? "#" + cell.firstBad()
            : "#" + cell.firstBad() + "–#" + cell.lastBad();
    String last = Numbers.withUnit(cell.last(), cell.metric().decimals(), cell.metric().unit());
    return lang == Lang.RU
        ? "Окон с нарушением: "
            + cell.badWindows()
            + " из "
            + windows
            + " ("
            + span
            + "), последнее значение: "
            + last
        : "Windows in violation: "
            + cell.badWindows()
            + " of "
            + windows
            + " ("
            + span
            + "), last value: "
            + last;
  }

  /** All within thresholds, unless a metric had no data: then it names those metrics. */
  private String noViolationLine(SymbolAnalysis symbol) {
    List<String> missing = new ArrayList<>();
    for (MetricCell c : symbol.cells()) {
      if (c.status() == CellStatus.NO_DATA) {
        missing.add(c.metric().key());
      }
    }
    if (missing.isEmpty()) {
      return lang == Lang.RU
          ? "✅ Все метрики в пределах порогов, действий не требуется."
          : "✅ All metrics are within thresholds, no action needed.";
    }
    String names = Markdown.escapeCell(String.join(", ", missing));
    return lang == Lang.RU
        ? "➖ Пороги не нарушены, но нет данных по метрикам: " + names + " — проверьте сбор метрик."
        : "➖ No threshold crossed, but these metrics had no data: "
            + names
            + " — check that they are collected.";
  }
}
