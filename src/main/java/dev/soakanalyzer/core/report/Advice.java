package dev.soakanalyzer.core.report;

import java.util.List;

/** A recommendation: the problem's title and 2-4 concrete actions. */
public record Advice(String title, List<String> actions) {
  public Advice {
    actions = List.copyOf(actions);
  }
}
