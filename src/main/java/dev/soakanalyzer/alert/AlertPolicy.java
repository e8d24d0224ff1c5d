package dev.soakanalyzer.alert;

import dev.soakanalyzer.core.model.Level;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-environment minimum severity ({@code --alert-policy "dev=WARN,prod=CRIT"}) with the global
 * {@code --alert-min-severity} as fallback.
 */
public record AlertPolicy(Map<String, Level> byEnv, Level fallback) {

  public AlertPolicy {
    byEnv = Map.copyOf(byEnv);
    java.util.Objects.requireNonNull(fallback, "fallback");
  }

  /** Where the effective minimum severity came from, as printed in the ALERT_POLICY line. */
  public enum Source {
    ALERT_POLICY,
    ALERT_MIN_SEVERITY;

    /** The flag's name: {@code alert-policy}, {@code alert-min-severity}. */
    public String label() {
      return switch (this) {
        case ALERT_POLICY -> "alert-policy";
        case ALERT_MIN_SEVERITY -> "alert-min-severity";
      };
    }
  }

  /** The minimum severity that applies to one environment. */
  public record Effective(String env, Level minSeverity, Source source) {
    /** {@code ALERT_POLICY env=E min_severity=S source=...}. */
    public String logLine() {
      return "ALERT_POLICY env="
          + env
          + " min_severity="
          + minSeverity
          + " source="
          + source.label();
    }

    public boolean allows(Level verdict) {
      return verdict.isAtLeast(minSeverity);
    }
  }

  /**
   * Parses {@code env=LEVEL,env=LEVEL}; blank means no per-env policy.
   *
   * @throws IllegalArgumentException naming the bad entry
   */
  public static AlertPolicy parse(String spec, Level fallback) {
    Map<String, Level> map = new LinkedHashMap<>();
    if (spec != null && !spec.isBlank()) {
      for (String part : spec.split(",")) {
        String entry = part.trim();
        if (entry.isEmpty()) {
          continue;
        }
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
          throw new IllegalArgumentException(
              "--alert-policy entry '" + entry + "' must look like env=LEVEL");
        }
        String env = entry.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (map.containsKey(env)) {
          // Which one was meant is a guess either way: refuse instead of silently picking one.
          throw new IllegalArgumentException(
              "--alert-policy names env '" + env + "' twice; give each env once");
        }
        map.put(env, parseLevel(entry.substring(eq + 1), "--alert-policy"));
      }
    }
    return new AlertPolicy(map, fallback);
  }

  /** Parses OK/WARN/CRIT, naming the option at fault. */
  public static Level parseLevel(String text, String option) {
    try {
      return Level.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option + " must be OK, WARN or CRIT, not '" + text.trim() + "'");
    }
  }

  public Effective effectiveFor(String env) {
    Level level = byEnv.get(env.toLowerCase(Locale.ROOT));
    return level == null
        ? new Effective(env, fallback, Source.ALERT_MIN_SEVERITY)
        : new Effective(env, level, Source.ALERT_POLICY);
  }
}
