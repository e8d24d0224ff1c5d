package dev.soakanalyzer.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.core.model.CellStatus;
import dev.soakanalyzer.core.model.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportPayloadReaderTest {
  @TempDir Path dir;

  @Test
  void readsTheSummaryAndViolationsTheExportNeeds() {
    ExportPayload p = new Payloads().parse(dir);

    assertThat(p.summary().verdict()).isEqualTo(Level.CRIT);
    assertThat(p.summary().windows()).isEqualTo(24);
    assertThat(p.summary().meta().commitRange()).isEqualTo("abc123..def456");
    assertThat(p.summary().symbols().get("ETHUSDT").get("risk_ratio"))
        .isEqualTo(new ExportPayload.Cell(null, CellStatus.NO_DATA));
    assertThat(p.violations()).hasSize(4);
    assertThat(p.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
  }

  @Test
  void ignoresExtraFieldsAnywhere() {
    ExportPayload p =
        new Payloads()
            .summary(s -> s.put("slope_model", "ols").putObject("extra").put("x", 1))
            .summary(s -> ((ObjectNode) s.at("/symbols/BTCUSDT")).put("windows", 24))
            .parse(dir);

    assertThat(p.summary().symbols().get("BTCUSDT")).hasSize(4);
  }

  @Test
  void namesTheFileAndTheFieldAtFault() {
    assertProblem(s -> s.remove("overall"), "SOAK_SUMMARY.json: overall must be an object");
    assertProblem(
        s -> ((ObjectNode) s.get("overall")).put("verdict", "MEH"),
        "SOAK_SUMMARY.json: overall.verdict must be OK, WARN or CRIT");
    assertProblem(
        s -> ((ObjectNode) s.at("/symbols/BTCUSDT/edge_bps")).put("last", "high"),
        "SOAK_SUMMARY.json: symbols.BTCUSDT.edge_bps.last must be a number or null");
    assertProblem(
        s -> s.put("windows", -1), "SOAK_SUMMARY.json: windows must be a non-negative integer");
  }

  @Test
  void rejectsAViolationsFileThatIsNotAnArrayOfEvents() throws Exception {
    Path summary = new Payloads().write(dir);
    Path violations = dir.resolve("VIOLATIONS.json");
    Files.writeString(violations, "{}");

    assertThatThrownBy(() -> new ExportPayloadReader().read(summary, violations))
        .hasMessage(violations + ": expected a JSON array (VIOLATIONS.json)");

    Files.writeString(
        violations,
        "[{\"symbol\":\"BTCUSDT\",\"metric\":\"edge_bps\",\"level\":\"WARN\",\"window_index\":3,"
            + "\"value\":null,\"threshold\":2.5}]");
    assertThatThrownBy(() -> new ExportPayloadReader().read(summary, violations))
        .hasMessage(violations + ": [0].value must be a number");
  }

  private void assertProblem(Consumer<ObjectNode> edit, String message) {
    Path d = dir.resolve("case" + System.nanoTime());
    Path summary = new Payloads().summary(edit).write(d);
    assertThatThrownBy(
            () ->
                new ExportPayloadReader().read(summary, summary.resolveSibling("VIOLATIONS.json")))
        .isInstanceOf(InvalidExportInputException.class)
        .hasMessage(d.resolve(message.split(": ", 2)[0]) + ": " + message.split(": ", 2)[1]);
  }
}
