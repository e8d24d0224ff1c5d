package dev.soakanalyzer.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Appends step outputs to {@code GITHUB_OUTPUT} in the heredoc form {@code name<<DELIM}, which is
 * safe for values holding newlines; the delimiter is random and checked against the value.
 */
public final class OutputsFile {
  private final Path file;
  private final Supplier<String> delimiters;

  public OutputsFile(Path file) {
    this(file, () -> "ghadelimiter_" + UUID.randomUUID());
  }

  OutputsFile(Path file, Supplier<String> delimiters) {
    this.file = file;
    this.delimiters = delimiters;
  }

  /** Appends every output in iteration order. */
  public void write(Map<String, String> outputs) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : outputs.entrySet()) {
      text.append(entry(e.getKey(), e.getValue()));
    }
    Files.writeString(
        file,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }

  String entry(String name, String value) {
    if (name.isEmpty() || name.contains("\n") || name.contains("<<")) {
      throw new IllegalArgumentException("invalid output name: " + name);
    }
    String v = value == null ? "" : value;
    String delimiter = delimiters.get();
    while (v.contains(delimiter) || name.contains(delimiter)) {
      delimiter = delimiters.get();
    }
    return name + "<<" + delimiter + "\n" + v + "\n" + delimiter + "\n";
  }
}
