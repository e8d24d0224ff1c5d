package dev.soakanalyzer.app;

import java.nio.file.Path;

/** Exports the written SOAK_SUMMARY.json and VIOLATIONS.json; {@link RedisExportJob} is the one. */
@FunctionalInterface
public interface SummaryExport {

  ExportOutcome export(Path summaryFile, Path violationsFile);
}
