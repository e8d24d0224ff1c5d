package dev.soakanalyzer.ingest;

import java.util.List;

/** What one ITER_SUMMARY file yields: usable samples with metadata, or a one-line skip reason. */
sealed interface ParsedFile {

  /** One symbol's metric values in this file's window; NaN = no value. */
  record Sample(String symbol, double[] values) {}

  /**
   * @param windowIndex the {@code iteration}/{@code window_index} field, or null to derive it from
   *     the file name or position
   */
  record Usable(
      List<Sample> samples, Integer windowIndex, String commit, String profile, String source)
      implements ParsedFile {}

  record Skipped(String reason) implements ParsedFile {}
}
