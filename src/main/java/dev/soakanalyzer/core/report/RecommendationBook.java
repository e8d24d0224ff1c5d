package dev.soakanalyzer.core.report;

import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.MetricDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recommendation texts per metric, level and language: the one place to change what
 * RECOMMENDATIONS.md advises. Russian texts come from the guide's actions for each metric and
 * level.
 */
public final class RecommendationBook {

  private record Key(String metric, Level level, Lang lang) {
    // Written out: a record's generated equals/hashCode are bootstrapped through method handles
    // on first use (a dozen classes spun at run time, ~15 ms of a small run's start-up).
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && metric.equals(k.metric) && level == k.level && lang == k.lang;
    }

    @Override
    public int hashCode() {
      return (metric.hashCode() * 31 + level.hashCode()) * 31 + lang.hashCode();
    }
  }

  private final Map<Key, Advice> entries;

  private RecommendationBook(Map<Key, Advice> entries) {
    this.entries = Map.copyOf(entries);
  }

  public static final RecommendationBook STANDARD = standard();

  /** This book plus advice for a custom metric (from a thresholds file). */
  public RecommendationBook with(String metric, Level level, Lang lang, Advice advice) {
    Map<Key, Advice> copy = new HashMap<>(entries);
    copy.put(new Key(metric, level, lang), advice);
    return new RecommendationBook(copy);
  }

  /** The advice for a metric at a level; a generic one for metrics without texts. */
  public Advice advice(MetricDef metric, Level level, Lang lang) {
    Advice a = entries.get(new Key(metric.key(), level, lang));
    if (a == null && lang != Lang.RU) {
      a = entries.get(new Key(metric.key(), level, Lang.RU));
    }
    if (a != null) {
      return a;
    }
    boolean crit = level == Level.CRIT;
    return lang == Lang.RU
        ? new Advice(
            (crit ? "Критическое значение " : "Отклонение ") + metric.key(),
            List.of(
                "Проверить динамику " + metric.key() + " по окнам в POST_SOAK_ANALYSIS.md",
                "Сверить значения с порогами WARN/CRIT и скорректировать параметры стратегии"))
        : new Advice(
            (crit ? "Critical " : "Out-of-range ") + metric.key(),
            List.of(
                "Review " + metric.key() + " per window in POST_SOAK_ANALYSIS.md",
                "Compare the values with the WARN/CRIT thresholds and adjust the strategy"));
  }

  private static RecommendationBook standard() {
    Map<Key, Advice> m = new HashMap<>();
    // edge_bps
    put(
        m,
        MetricCatalog.EDGE,
        Level.WARN,
        Lang.RU,
        "Низкий edge",
        "Проверить spread относительно конкурентов",
        "Оптимизировать размер шага цены (tick_size)",
        "Рассмотреть увеличение ширины spread на 10-15%");
    put(
        m,
        MetricCatalog.EDGE,
        Level.CRIT,
        Lang.RU,
        "Критически низкий edge",
        "Критический убыток: остановить торговлю по символу до выяснения причин",
        "Проверить spread и комиссии относительно конкурентов",
        "Увеличить ширину spread на 15-25% перед возобновлением торговли");
    put(
        m,
        MetricCatalog.EDGE,
        Level.WARN,
        Lang.EN,
        "Low edge",
        "Compare the spread with competitors",
        "Tune the price step (tick_size)",
        "Consider widening the spread by 10-15%");
    put(
        m,
        MetricCatalog.EDGE,
        Level.CRIT,
        Lang.EN,
        "Critically low edge",
        "Critical loss: stop trading the symbol until the cause is known",
        "Check spread and fees against competitors",
        "Widen the spread by 15-25% before resuming");
    // maker_taker_ratio
    put(
        m,
        MetricCatalog.MAKER_TAKER,
        Level.WARN,
        Lang.RU,
        "Низкая доля maker",
        "Оптимизировать параметры spread и order placement",
        "Уменьшить агрессивность spread",
        "Рассмотреть более консервативную стратегию входа");
    put(
        m,
        MetricCatalog.MAKER_TAKER,
        Level.CRIT,
        Lang.RU,
        "Очень низкая доля maker",
        "Уменьшить агрессивность spread",
        "Увеличить ширину maker-уровней",
        "Перейти на более консервативную стратегию входа (post-only ордера)");
    put(
        m,
        MetricCatalog.MAKER_TAKER,
        Level.WARN,
        Lang.EN,
        "Low maker share",
        "Tune spread and order placement parameters",
        "Make the spread less aggressive",
        "Consider a more conservative entry strategy");
    put(
        m,
        MetricCatalog.MAKER_TAKER,
        Level.CRIT,
        Lang.EN,
        "Very low maker share",
        "Make the spread less aggressive",
        "Widen the maker levels",
        "Switch to a more conservative entry (post-only orders)");
    // p95_latency_ms
    put(
        m,
        MetricCatalog.LATENCY,
        Level.WARN,
        Lang.RU,
        "Высокая задержка",
        "Проверить стабильность сети",
        "Оптимизировать размер ордеров",
        "Уменьшить частоту обновлений quotes");
    put(
        m,
        MetricCatalog.LATENCY,
        Level.CRIT,
        Lang.RU,
        "Критическая задержка",
        "Проверить сетевое подключение до биржи",
        "Рассмотреть переход на более быстрый VPS ближе к бирже",
        "Снизить частоту обновлений quotes до стабилизации задержки");
    put(
        m,
        MetricCatalog.LATENCY,
        Level.WARN,
        Lang.EN,
        "High latency",
        "Check network stability",
        "Tune order sizes",
        "Lower the quote update rate");
    put(
        m,
        MetricCatalog.LATENCY,
        Level.CRIT,
        Lang.EN,
        "Critical latency",
        "Check the network connection to the exchange",
        "Consider a faster VPS closer to the exchange",
        "Lower the quote update rate until latency recovers");
    // risk_ratio
    put(
        m,
        MetricCatalog.RISK,
        Level.WARN,
        Lang.RU,
        "Повышенный риск",
        "Уменьшить максимальную позицию на 20-30%",
        "Ужесточить параметры stop-loss",
        "Снизить leverage при необходимости");
    put(
        m,
        MetricCatalog.RISK,
        Level.CRIT,
        Lang.RU,
        "Критический риск",
        "Немедленно снизить позицию",
        "Ужесточить stop-loss",
        "Снизить leverage до минимального до нормализации риска");
    put(
        m,
        MetricCatalog.RISK,
        Level.WARN,
        Lang.EN,
        "Elevated risk",
        "Cut the maximum position by 20-30%",
        "Tighten stop-loss parameters",
        "Lower leverage if needed");
    put(
        m,
        MetricCatalog.RISK,
        Level.CRIT,
        Lang.EN,
        "Critical risk",
        "Reduce the position immediately",
        "Tighten stop-loss",
        "Cut leverage to the minimum until risk normalizes");
    return new RecommendationBook(m);
  }

  private static void put(
      Map<Key, Advice> m, String metric, Level level, Lang lang, String title, String... actions) {
    m.put(new Key(metric, level, lang), new Advice(title, List.of(actions)));
  }
}
