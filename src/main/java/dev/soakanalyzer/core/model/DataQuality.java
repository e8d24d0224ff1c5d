package dev.soakanalyzer.core.model;

import java.util.List;

/**
 * What the ingest saw besides the data: files matched and used, files skipped, and warnings such as
 * duplicate windows or requested symbols that were absent.
 */
public record DataQuality(
    int filesMatched, int filesUsed, List<SkippedFile> skipped, List<String> warnings) {

  public static final DataQuality CLEAN = new DataQuality(0, 0, List.of(), List.of());

  public DataQuality {
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }
}
