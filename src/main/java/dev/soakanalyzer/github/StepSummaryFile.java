package dev.soakanalyzer.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The job summary file {@code GITHUB_STEP_SUMMARY}. GitHub rejects a step's summary above 1 MiB, so
 * callers ask for the room left (what this step already wrote counts) and render within it.
 */
public final class StepSummaryFile {

  /** GitHub's per-step limit. */
  public static final int LIMIT_BYTES = 1024 * 1024;

  /** Head room for the runner's own bookkeeping and rounding. */
  private static final int MARGIN_BYTES = 1024;

  private final Path file;

  public StepSummaryFile(Path file) {
    this.file = file;
  }

  /** Bytes this step may still append. */
  public int remainingBytes() throws IOException {
    long used = Files.exists(file) ? Files.size(file) : 0;
    return (int) Math.max(0, LIMIT_BYTES - MARGIN_BYTES - used);
  }

  /** Appends Markdown that the caller already fitted into {@link #remainingBytes()}. */
  public void append(String markdown) throws IOException {
    byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > remainingBytes()) {
      throw new IOException(
          "step summary of " + bytes.length + " bytes would exceed GitHub's 1 MiB limit");
    }
    Files.write(
        file,
        bytes,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }
}
