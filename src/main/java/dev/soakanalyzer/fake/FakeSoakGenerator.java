package dev.soakanalyzer.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes 24 windows of three symbols ({@code multi} shape, {@code DIR/fake/FAKE_ITER_NN.json})
 * whose analysis yields exactly the guide's variant violations at the requested level, and nothing
 * else: every other value sits well inside the thresholds.
 */
public final class FakeSoakGenerator {
  public static final int WINDOWS = 24;
  public static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
  public static final String SUBDIR = "fake";
  public static final String GLOB = SUBDIR + "/FAKE_ITER_*.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One planted violation: symbol, metric, window. */
  public record Planted(String symbol, String metric, int window) {}

  private FakeSoakGenerator() {}

  /** The guide's "Сравнение violations" lists. */
  public static List<Planted> planted(int variant) {
    return switch (variant) {
      case 1 ->
          List.of(
              new Planted("BTCUSDT", "edge_bps", 23),
              new Planted("BTCUSDT", "p95_latency_ms", 24),
              new Planted("ETHUSDT", "maker_taker_ratio", 24));
      case 2 ->
          List.of(
              new Planted("BTCUSDT", "edge_bps", 24),
              new Planted("BTCUSDT", "maker_taker_ratio", 24),
              new Planted("SOLUSDT", "edge_bps", 23));
      default -> throw new IllegalArgumentException("--variant must be 1 or 2, not " + variant);
    };
  }

  /**
   * Writes the fake windows under {@code dir/fake/}, replacing earlier fake windows.
   *
   * @param level CRIT or WARN plant violations of that level; OK plants none
   */
  public static List<Path> write(Path dir, Level level, int variant) throws IOException {
    List<Planted> plan = level == Level.OK ? List.of() : planted(variant);
    Path fakeDir = dir.resolve(SUBDIR);
    Files.createDirectories(fakeDir);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(fakeDir, "FAKE_ITER_*.json")) {
      for (Path p : old) {
        Files.deleteIfExists(p);
      }
    }
    List<Path> written = new ArrayList<>();
    for (int w = 1; w <= WINDOWS; w++) {
      ObjectNode root = JSON.createObjectNode();
      root.put("iteration", w);
      root.put("timestamp", String.format(Locale.ROOT, "2025-01-15T%02d:00:00Z", w - 1));
      root.put("profile", "fake");
      root.put("source", "fake-summary");
      root.put("commit", "fake" + variant);
      ObjectNode symbols = root.putObject("symbols");
      for (int s = 0; s < SYMBOLS.size(); s++) {
        String sym = SYMBOLS.get(s);
        ObjectNode m = symbols.putObject(sym);
        // Gentle deterministic wiggle so sparklines are not flat; always far from thresholds.
        double wiggle = ((w * 7 + s * 3) % 5 - 2) / 100.0;
        m.put("edge_bps", round(3.0 + wiggle * 5, 2));
        m.put("maker_taker_ratio", round(0.86 + wiggle, 3));
        m.put("p95_latency_ms", 280 + (w * 5 + s * 11) % 30);
        m.put("risk_ratio", round(0.33 + wiggle, 3));
        for (Planted p : plan) {
          if (p.symbol().equals(sym) && p.window() == w) {
            m.put(p.metric(), badValue(p.metric(), level));
          }
        }
      }
      Path file = fakeDir.resolve(String.format(Locale.ROOT, "FAKE_ITER_%02d.json", w));
      AtomicFiles.write(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
      written.add(file);
    }
    return written;
  }

  /**
   * A value clearly past the guide's default bound of the given level (and not past CRIT for WARN).
   */
  static double badValue(String metric, Level level) {
    boolean crit = level == Level.CRIT;
    return switch (metric) {
      case "edge_bps" -> crit ? 1.8 : 2.3;
      case "maker_taker_ratio" -> crit ? 0.70 : 0.78;
      case "p95_latency_ms" -> crit ? 450 : 370;
      case "risk_ratio" -> crit ? 0.55 : 0.47;
      default -> throw new IllegalArgumentException("no fake value for " + metric);
    };
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(v * f) / f;
  }
}
