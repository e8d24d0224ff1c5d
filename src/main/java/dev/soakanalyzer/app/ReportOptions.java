package dev.soakanalyzer.app;

import dev.soakanalyzer.core.report.Lang;
import dev.soakanalyzer.core.report.RecommendationBook;
import java.nio.file.Path;
import java.util.Objects;

/** Where and how the reports are written. */
public record ReportOptions(
    Path outDir, boolean emitSummary, boolean verbose, Lang lang, RecommendationBook book) {

  public ReportOptions {
    Objects.requireNonNull(outDir, "outDir");
    lang = lang == null ? Lang.RU : lang;
    book = book == null ? RecommendationBook.STANDARD : book;
  }

  public ReportOptions(Path outDir, boolean emitSummary, boolean verbose, Lang lang) {
    this(outDir, emitSummary, verbose, lang, RecommendationBook.STANDARD);
  }
}
