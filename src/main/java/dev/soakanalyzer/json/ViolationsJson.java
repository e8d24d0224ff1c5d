package dev.soakanalyzer.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.core.model.Violation;
import java.util.List;

/** VIOLATIONS.json: the violation events in severity order, {@code []} when none. */
public final class ViolationsJson {
  private ViolationsJson() {}

  public static String render(List<Violation> violations) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Violation v : violations) {
      ObjectNode o = array.addObject();
      o.put("symbol", v.symbol());
      o.put("metric", v.metric());
      o.put("level", v.level().name());
      o.put("window_index", v.windowIndex());
      o.put("value", v.value());
      o.put("threshold", v.threshold());
      o.put("note", v.note());
    }
    return Json.pretty(array);
  }
}
