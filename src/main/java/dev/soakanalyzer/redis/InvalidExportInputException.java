package dev.soakanalyzer.redis;

import java.nio.file.Path;

/**
 * SOAK_SUMMARY.json or VIOLATIONS.json is missing or malformed. The message is {@code FILE:
 * problem}, ready for an {@code error:} line (exit 2).
 */
public final class InvalidExportInputException extends Exception {
  private final transient Path file;

  public InvalidExportInputException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
