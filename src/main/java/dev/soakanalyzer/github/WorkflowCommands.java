package dev.soakanalyzer.github;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Workflow commands the runner reads from stdout: annotations, masks and log groups. Every value is
 * escaped the way the runner unescapes it, so a symbol name cannot end a command early or forge
 * another one.
 */
public final class WorkflowCommands {

  /** Severity of an annotation. */
  public enum Kind {
    ERROR("error"),
    WARNING("warning"),
    NOTICE("notice");

    private final String command;

    Kind(String command) {
      this.command = command;
    }
  }

  private final PrintWriter out;

  public WorkflowCommands(PrintWriter out) {
    this.out = Objects.requireNonNull(out);
  }

  /** {@code ::error title=...::message} (or warning/notice). */
  public void annotate(Kind kind, String title, String message) {
    Map<String, String> props = new LinkedHashMap<>();
    if (title != null && !title.isEmpty()) {
      props.put("title", title);
    }
    emit(kind.command, props, message);
  }

  /** Tells the runner to replace this value with *** in every later log line. */
  public void addMask(String secret) {
    if (secret != null && !secret.isBlank()) {
      emit("add-mask", Map.of(), secret);
    }
  }

  public void group(String title) {
    emit("group", Map.of(), title);
  }

  public void endGroup() {
    emit("endgroup", Map.of(), "");
  }

  private void emit(String command, Map<String, String> props, String message) {
    StringBuilder line = new StringBuilder("::").append(command);
    if (!props.isEmpty()) {
      line.append(' ');
      boolean first = true;
      for (Map.Entry<String, String> p : props.entrySet()) {
        if (!first) {
          line.append(',');
        }
        first = false;
        line.append(p.getKey()).append('=').append(escapeProperty(p.getValue()));
      }
    }
    line.append("::").append(escapeData(message));
    out.println(line);
    out.flush();
  }

  /** Escapes a command's message: {@code %}, CR and LF. */
  static String escapeData(String s) {
    return s == null ? "" : s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value: as data, plus {@code :} and {@code ,} which delimit properties. */
  static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
