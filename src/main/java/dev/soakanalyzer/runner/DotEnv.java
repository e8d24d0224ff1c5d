package dev.soakanalyzer.runner;

import dev.soakanalyzer.app.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file: {@code KEY=value} lines, {@code #} comments, optional {@code export} and
 * matching quotes. Values are never echoed back (they hold secrets).
 */
public final class DotEnv {
  private DotEnv() {}

  /**
   * The environment above {@code envFile} (resolved in {@code work}); without the flag, {@code
   * .env} when present.
   */
  public static EnvLayers layers(Map<String, String> environment, Path work, Path envFile)
      throws UsageException {
    Path dotEnv = work.resolve(envFile != null ? envFile : Path.of(".env"));
    if (envFile != null && !Files.isRegularFile(dotEnv)) {
      throw new UsageException("--env-file " + envFile + " does not exist");
    }
    try {
      return new EnvLayers(environment, load(dotEnv));
    } catch (IOException e) {
      throw new UsageException("--env-file " + dotEnv + " cannot be read: " + e.getMessage());
    }
  }

  /** The variables of {@code file}, or an empty map when it does not exist. */
  public static Map<String, String> load(Path file) throws IOException {
    if (file == null || !Files.isRegularFile(file)) {
      return Map.of();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  public static Map<String, String> parse(String text) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2
          && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1);
      } else {
        int hash = value.indexOf(" #");
        if (hash >= 0) {
          value = value.substring(0, hash).strip();
        }
      }
      vars.put(key, value);
    }
    return vars;
  }
}
