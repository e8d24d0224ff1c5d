package dev.soakanalyzer.alert;

import dev.soakanalyzer.core.model.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the alert is about: SHA-1 of {@code symbol:metric:window_index} of the top-5 violation
 * events (CRIT first, then symbol, metric, window), joined with {@code |}. A different set of
 * violations at the same level bypasses the debounce.
 */
public final class ViolationSignature {
  public static final int TOP_K = 5;

  private ViolationSignature() {}

  public static String canonical(List<Violation> violations) {
    return violations.stream()
        .sorted(Violation.SEVERITY_ORDER)
        .limit(TOP_K)
        .map(v -> v.symbol() + ":" + v.metric() + ":" + v.windowIndex())
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
