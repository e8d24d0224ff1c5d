package dev.soakanalyzer.alert;

import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the alert is about: SHA-1 of the sorted set of violated cells {@code symbol:metric:level}
 * (each cell at its worst level), joined with {@code |}. New windows of a cell already violated
 * leave it unchanged; a newly violated cell, on any symbol and any metric, or a cell that turns
 * from WARN to CRIT, changes it and so bypasses the debounce.
 */
public final class ViolationSignature {

  private ViolationSignature() {}

  public static String canonical(List<Violation> violations) {
    Map<String, Level> cells = new TreeMap<>();
    for (Violation v : violations) {
      cells.merge(v.symbol() + ":" + v.metric(), v.level(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    return cells.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining("|"));
  }

  public static String of(List<Violation> violations) {
    return sha1(canonical(violations));
  }

  /**
   * The same signature from the analysis' cells: a cell's status is the worst level of its
   * violations, so this reads one entry per cell instead of one per violation event (hundreds of
   * thousands in a long run).
   */
  public static String of(Analysis analysis) {
    Map<String, Level> cells = new TreeMap<>();
    for (SymbolAnalysis s : analysis.symbols()) {
      for (MetricCell c : s.cells()) {
        Level level = c.status().level();
        if (level != null && level != Level.OK) {
          cells.merge(
              s.symbol() + ":" + c.metric().key(), level, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
      }
    }
    return sha1(
        cells.entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining("|")));
  }

  private static String sha1(String canonical) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every JDK", e);
    }
  }
}
