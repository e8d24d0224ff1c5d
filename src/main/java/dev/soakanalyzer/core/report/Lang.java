package dev.soakanalyzer.core.report;

/** Language of RECOMMENDATIONS.md: Russian by default, as in the guide. */
public enum Lang {
  RU,
  EN;

  public static Lang parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
