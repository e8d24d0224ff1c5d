package dev.soakanalyzer.redis;

import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.RunMeta;
import dev.soakanalyzer.core.model.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A synthetic payload with many symbols (each with one WARN and one CRIT event). */
final class BigPayload {
  private BigPayload() {}

  static ExportPayload symbols(int count) {
    Map<String, Map<String, ExportPayload.Cell>> symbols = new LinkedHashMap<>();
    List<Violation> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String sym = "SYM" + i + "USDT";
      Map<String, ExportPayload.Cell> cells = new LinkedHashMap<>();
      cells.put(MetricCatalog.EDGE, new ExportPayload.Cell(1.9, CellStatus.CRIT));
      cells.put(MetricCatalog.MAKER_TAKER, new ExportPayload.Cell(0.85, CellStatus.OK));
      cells.put(MetricCatalog.LATENCY, new ExportPayload.Cell(360.0, CellStatus.WARN));
      cells.put(MetricCatalog.RISK, new ExportPayload.Cell(0.3, CellStatus.OK));
      symbols.put(sym, cells);
      events.add(new Violation(sym, MetricCatalog.EDGE, Level.CRIT, 24, 1.9, 2.0, "Edge low"));
      events.add(
          new Violation(sym, MetricCatalog.LATENCY, Level.WARN, 24, 360, 350, "Latency high"));
    }
    var summary =
        new ExportPayload.Summary(
            "2025-10-21T12:34:56Z",
            24,
            Level.CRIT,
            count,
            count,
            2 * count,
            new RunMeta("abc..def", "moderate", "soak"),
            symbols);
    return new ExportPayload(summary, events);
  }
}
