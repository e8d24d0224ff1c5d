package dev.soakanalyzer.core.model;

import java.util.List;

/** Settings that cannot be used; carries every problem, one sentence each. */
public final class InvalidSettingsException extends IllegalArgumentException {
  private final List<String> problems;

  public InvalidSettingsException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
