package dev.soakanalyzer.app;

import dev.soakanalyzer.core.report.Lang;
import dev.soakanalyzer.core.report.RecommendationBook;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how the reports are written.
 *
 * @param html whether SOAK_REPORT.html is written with the others ({@code --no-html} turns it off)
 */
public record ReportOptions(
    Path outDir,
    boolean emitSummary,
    boolean verbose,
    Lang lang,
    RecommendationBook book,
    boolean html) {

  public ReportOptions {
    Objects.requireNonNull(outDir, "outDir");
    lang = lang == null ? Lang.RU : lang;
    book = book == null ? RecommendationBook.STANDARD : book;
  }

  public ReportOptions(
      Path outDir, boolean emitSummary, boolean verbose, Lang lang, RecommendationBook book) {
    this(outDir, emitSummary, verbose, lang, book, true);
  }

  public ReportOptions(Path outDir, boolean emitSummary, boolean verbose, Lang lang) {
    this(outDir, emitSummary, verbose, lang, RecommendationBook.STANDARD, true);
  }
}
