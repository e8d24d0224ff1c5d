package dev.soakanalyzer.alert;

import dev.soakanalyzer.core.model.Level;
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
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest(canonical(violations).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by every JDK", e);
    }
  }
}
