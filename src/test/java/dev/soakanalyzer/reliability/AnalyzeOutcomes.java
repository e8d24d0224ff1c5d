package dev.soakanalyzer.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.soakanalyzer.cli.CliRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs {@code analyze} in-process over given file contents and checks the contract of issue 7: exit
 * 0 with four whole reports, or exit 2 with one {@code error:} line and no report; every other line
 * a {@code warn:}/{@code [INFO]} line; no forged workflow command; Markdown whose tables keep their
 * columns and that carries no HTML, image, link or @mention from the input.
 */
public final class AnalyzeOutcomes {
  static final List<String> REPORTS =
      List.of(
          "POST_SOAK_ANALYSIS.md", "VIOLATIONS.json", "RECOMMENDATIONS.md", "SOAK_SUMMARY.json");

  /** GitHub workflow commands (::cmd) and the legacy ##[cmd] form, at a line start. */
  static final Pattern WORKFLOW_COMMAND = Pattern.compile("^\\s*(::|##\\[)");

  private static final Pattern HTML_TAG = Pattern.compile("<[A-Za-z/!?]");
  private static final Pattern MENTION = Pattern.compile("@[A-Za-z0-9_-]");
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnalyzeOutcomes() {}

  /** A file to place in the input dir: its name (may be hostile too) and bytes. */
  public record Input(String name, byte[] content) {}

  /** Null when every promise holds, else what broke. */
  public static String violation(Path workDir, List<Input> inputs, boolean verbose) {
    try {
      reset(workDir);
      Path in = Files.createDirectories(workDir.resolve("in"));
      for (Input input : inputs) {
        Files.write(in.resolve(input.name()), input.content());
      }
      List<String> args =
          new ArrayList<>(
              List.of("analyze", "--iter-glob", "in/*", "--out-dir", "out", "--min-windows", "2"));
      if (verbose) {
        args.add("--verbose");
      }
      CliRunner.Result r;
      try {
        r = CliRunner.run(workDir, Map.of(), args.toArray(String[]::new));
      } catch (Throwable t) {
        return "exception escaped Main.run: " + t;
      }
      return check(r, workDir.resolve("out"), verbose);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String check(CliRunner.Result r, Path out, boolean verbose) throws IOException {
    for (String line : r.err().split("\n", -1)) {
      if (!line.isEmpty() && !line.startsWith("warn: ") && !line.startsWith("error: ")) {
        return "stderr line that is not warn:/error: " + line;
      }
    }
    for (String line : (r.out() + "\n" + r.err()).split("\n", -1)) {
      if (WORKFLOW_COMMAND.matcher(line).find()) {
        return "forged workflow command: " + line;
      }
      if (line.indexOf('\r') >= 0 || line.indexOf('\u001b') >= 0) {
        return "control character in output line: " + line;
      }
    }
    if (!verbose) {
      for (String line : r.out().split("\n", -1)) {
        if (!line.isEmpty() && !line.startsWith("[INFO] ")) {
          return "stdout line that is not [INFO]: " + line;
        }
      }
    }
    if (r.exitCode() == 2) {
      if (!r.err().contains("error: no ITER_SUMMARY windows matched")) {
        return "exit 2 without the no-windows error: " + r.err();
      }
      for (String report : REPORTS) {
        if (Files.exists(out.resolve(report))) {
          return "exit 2 but " + report + " was written";
        }
      }
      return null;
    }
    if (r.exitCode() != 0) {
      return "exit " + r.exitCode() + ": " + r.err();
    }
    for (String report : REPORTS) {
      Path file = out.resolve(report);
      if (!Files.exists(file)) {
        return report + " missing after exit 0";
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String problem = report.endsWith(".json") ? json(text) : markdown(text);
      if (problem != null) {
        return report + ": " + problem;
      }
    }
    return null;
  }

  private static String json(String text) {
    try {
      JSON.readTree(text);
      return null;
    } catch (IOException e) {
      return "not valid JSON: " + e.getMessage();
    }
  }

  /** Null if the Markdown is safe and its tables are whole. */
  public static String markdown(String md) {
    int columns = -1;
    for (String line : md.split("\n", -1)) {
      if (line.startsWith("|")) {
        int pipes = unescapedPipes(line);
        if (columns < 0) {
          columns = pipes;
        } else if (pipes != columns) {
          return "table row with " + pipes + " cells instead of " + columns + ": " + line;
        }
      } else {
        columns = -1;
      }
      line = withoutCodeSpans(line); // literal text: no HTML, links or mentions inside
      if (HTML_TAG.matcher(line).find()) {
        return "HTML from the input: " + line;
      }
      if (MENTION.matcher(line).find()) {
        return "@mention: " + line;
      }
      if (line.contains("://") || line.contains("www.")) {
        return "autolink: " + line;
      }
      for (int i = 0; i < line.length(); i++) {
        if ((line.charAt(i) == '[' || line.charAt(i) == ']') && !escaped(line, i)) {
          return "unescaped bracket (link/image): " + line;
        }
      }
    }
    return null;
  }

  private static String withoutCodeSpans(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      int close = c == '`' && !escaped(line, i) ? line.indexOf('`', i + 1) : -1;
      if (close > 0) {
        sb.append("CODE");
        i = close;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static int unescapedPipes(String line) {
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '|' && !escaped(line, i)) {
        n++;
      }
    }
    return n;
  }

  /** True if the char at i is preceded by an odd number of backslashes. */
  private static boolean escaped(String line, int i) {
    int slashes = 0;
    for (int j = i - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
      slashes++;
    }
    return slashes % 2 == 1;
  }

  static void reset(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          if (!p.equals(dir)) {
            Files.delete(p);
          }
        }
      }
    }
    Files.createDirectories(dir);
  }
}
