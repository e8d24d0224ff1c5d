package dev.soakanalyzer.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.Violation;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memo's VIOLATIONS.json is the plain writer's, byte for byte, whatever it reuses. */
class ViolationsJsonMemoTest {
  private final ViolationsJson.Memo memo = new ViolationsJson.Memo();

  @Test
  void reusedAndRenderedRunsGiveThePlainBytes() throws Exception {
    Violation a1 = v("AAA", Level.CRIT, 1, 1.5);
    Violation a2 = v("AAA", Level.CRIT, 4, 1.25);
    Violation b1 = v("BBB", Level.CRIT, 2, -3.0);
    Violation a3 = v("AAA", Level.WARN, 3, 2.75);
    Violation c1 = v("C\"Q", Level.WARN, 9, 2.5);
    List<Violation> first = List.of(a1, a2, b1, a3, c1);
    assertThat(withMemo(first)).isEqualTo(plain(first));
    assertThat(memo.lastRendered()).isEqualTo(4);

    assertThat(withMemo(first)).isEqualTo(plain(first));
    assertThat(memo.lastRendered()).isZero();

    // BBB's run changes (a new event), AAA's WARN run goes.
    List<Violation> second = new ArrayList<>(List.of(a1, a2, b1, v("BBB", Level.CRIT, 5, 1.0), c1));
    assertThat(withMemo(second)).isEqualTo(plain(second));
    assertThat(memo.lastRendered()).isEqualTo(1);

    // An equal but new object is rendered again, never trusted on its fields.
    second.set(0, v("AAA", Level.CRIT, 1, 1.5));
    assertThat(withMemo(second)).isEqualTo(plain(second));
    assertThat(memo.lastRendered()).isEqualTo(1);

    assertThat(withMemo(List.of())).isEqualTo(plain(List.of())).isEqualTo("[]\n");
    assertThat(withMemo(List.of(a3))).isEqualTo(plain(List.of(a3)));
  }

  private String withMemo(List<Violation> vs) throws Exception {
    StringWriter w = new StringWriter();
    ViolationsJson.write(vs, w, memo);
    return w.toString();
  }

  private static String plain(List<Violation> vs) {
    return ViolationsJson.render(vs);
  }

  private static Violation v(String symbol, Level level, int window, double value) {
    return new Violation(symbol, "edge_bps", level, window, value, 2.0, "note \u00e9");
  }
}
