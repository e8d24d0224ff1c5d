package dev.soakanalyzer.ingest;

import dev.soakanalyzer.core.model.MetricCatalog;
import java.util.Set;

/** The contract every parse must keep, whatever the bytes: a result or a one-line skip reason. */
public final class ParseOutcomes {
  static final int MAX_REASON_LENGTH = 300;

  private ParseOutcomes() {}

  static IterFileParser parser() {
    return new IterFileParser(MetricCatalog.STANDARD, "ALL", Set.of());
  }

  /**
   * Parses and checks the outcome; returns null when it keeps the contract, else what is wrong (an
   * escaped exception counts as wrong, with its stack trace in the message).
   */
  public static String violation(byte[] input) {
    ParsedFile parsed;
    try {
      parsed = parser().parse(input);
    } catch (Throwable t) {
      java.io.StringWriter sw = new java.io.StringWriter();
      t.printStackTrace(new java.io.PrintWriter(sw));
      return "exception escaped: " + sw;
    }
    return violation(parsed);
  }

  static String violation(ParsedFile parsed) {
    if (parsed == null) {
      return "null result";
    }
    if (parsed instanceof ParsedFile.Skipped s) {
      String why = s.reason();
      if (why == null || why.isBlank()) {
        return "blank skip reason";
      }
      if (why.length() > MAX_REASON_LENGTH) {
        return "skip reason longer than " + MAX_REASON_LENGTH + ": " + why.length();
      }
      if (why.chars().anyMatch(Character::isISOControl)) {
        return "skip reason with control characters: " + why;
      }
      return null;
    }
    ParsedFile.Usable u = (ParsedFile.Usable) parsed;
    for (ParsedFile.Sample sample : u.samples()) {
      String sym = sample.symbol();
      if (sym == null || sym.isBlank() || sym.length() > IterFileParser.MAX_SYMBOL_LENGTH) {
        return "bad symbol: " + sym;
      }
      if (sym.chars().anyMatch(Character::isISOControl)) {
        return "symbol with control characters: " + sym;
      }
      if (sample.values().length != MetricCatalog.STANDARD.size()) {
        return "wrong number of values";
      }
      boolean any = false;
      for (double v : sample.values()) {
        if (Double.isInfinite(v)) {
          return "infinite value";
        }
        any |= !Double.isNaN(v);
      }
      if (!any) {
        return "sample without any value";
      }
    }
    for (String meta : new String[] {u.commit(), u.profile(), u.source()}) {
      if (meta != null && (meta.isBlank() || meta.length() > 200)) {
        return "bad metadata: " + meta.length() + " chars";
      }
    }
    return null;
  }
}
