package dev.soakanalyzer.runner;

import dev.soakanalyzer.app.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env} file as shells and the common dotenv tools read it: {@code KEY=value} lines,
 * {@code #} comment lines, an optional {@code export}, a UTF-8 byte order mark ignored. A value is
 * unquoted (a {@code #} after a space starts a comment), single-quoted (literal) or double-quoted
 * ({@code \\n}, {@code \\"} and {@code \\\\} escapes); text after the closing quote, such as {@code
 * # comment}, is dropped. Values are never echoed back (they hold secrets).
 *
 * <p>Hand-written on purpose: dotenv-java 3.2 refuses a BOM and {@code export}, and keeps the
 * quotes of {@code KEY='v' # c}.
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
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String raw : body.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ") || line.startsWith("export\t")) {
        line = line.substring("export".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String key = line.substring(0, eq).strip();
      vars.put(key, value(line.substring(eq + 1).strip()));
    }
    return vars;
  }

  private static String value(String v) {
    if (v.isEmpty()) {
      return v;
    }
    char q = v.charAt(0);
    if (q == '\'') {
      int close = v.indexOf('\'', 1);
      return close > 0 ? v.substring(1, close) : v; // unterminated: taken as written
    }
    if (q == '"') {
      StringBuilder sb = new StringBuilder();
      for (int i = 1; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\' && i + 1 < v.length()) {
          char n = v.charAt(++i);
          sb.append(
              switch (n) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> n;
              });
        } else {
          sb.append(c);
        }
      }
      return v; // unterminated: taken as written
    }
    int hash = v.indexOf(" #");
    int tab = v.indexOf("\t#");
    int cut = hash < 0 ? tab : tab < 0 ? hash : Math.min(hash, tab);
    return cut >= 0 ? v.substring(0, cut).strip() : v;
  }
}
