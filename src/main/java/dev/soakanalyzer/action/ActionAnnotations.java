package dev.soakanalyzer.action;

import dev.soakanalyzer.app.Console;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.Direction;
import dev.soakanalyzer.core.model.Level;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.MetricDef;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.model.Violation;
import dev.soakanalyzer.core.report.Numbers;
import dev.soakanalyzer.github.WorkflowCommands;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The run's {@code ::error}/{@code ::warning} annotations: the tool's own warnings and the worst
 * violating cells, within GitHub's small budget per step.
 */
final class ActionAnnotations {
  /** At most this many {@code ::error}/{@code ::warning} annotations per run. */
  static final int MAX_ANNOTATIONS = 10;

  private final WorkflowCommands commands;
  private final Console console;

  /** Every warning printed during the run; each becomes a {@code ::warning::} annotation too. */
  private final List<String> toolWarnings;

  /** Violation annotations, emitted after the tool warnings within {@link #MAX_ANNOTATIONS}. */
  private final List<Annotation> violationAnnotations = new ArrayList<>();

  record Annotation(WorkflowCommands.Kind kind, String title, String message) {}

  /**
   * @param toolWarnings the list the console adds its warnings to
   */
  ActionAnnotations(WorkflowCommands commands, Console console, List<String> toolWarnings) {
    this.commands = commands;
    this.console = console;
    this.toolWarnings = toolWarnings;
  }

  /**
   * The annotations, at most {@link #MAX_ANNOTATIONS}: the tool's own warnings first (a skipped PR
   * comment is otherwise a log line nobody opens), then the violating cells, worst first.
   */
  void emit() {
    int room = MAX_ANNOTATIONS;
    for (String w : toolWarnings) {
      if (room == 0) {
        break;
      }
      commands.annotate(WorkflowCommands.Kind.WARNING, "soak-analyzer", w);
      room--;
    }
    for (Annotation an : violationAnnotations) {
      if (room == 0) {
        break;
      }
      commands.annotate(an.kind(), an.title(), an.message());
      room--;
    }
    int left = toolWarnings.size() + violationAnnotations.size() - MAX_ANNOTATIONS;
    if (left > 0) {
      console.info(
          left
              + " more warnings and violating cells not annotated (at most "
              + MAX_ANNOTATIONS
              + "); see the log above and VIOLATIONS.json");
    }
  }

  /** The worst violation of each violating cell, worst cells first, queued for annotation. */
  void queueViolations(Analysis a) {
    List<Violation> worst = new ArrayList<>();
    for (SymbolAnalysis s : a.symbols()) {
      for (MetricCell c : s.cells()) {
        if (c.worst() != null) {
          worst.add(c.worst());
        }
      }
    }
    worst.sort(
        Comparator.comparing(Violation::level, Comparator.reverseOrder())
            .thenComparing(v -> -excess(a, v))
            .thenComparing(Violation.SEVERITY_ORDER));
    for (Violation v : worst.subList(0, Math.min(MAX_ANNOTATIONS, worst.size()))) {
      Optional<MetricDef> m = a.catalog().find(v.metric());
      int decimals = m.map(MetricDef::decimals).orElse(3);
      String side = m.map(d -> d.direction().badSide()).orElse("vs");
      String message =
          v.symbol()
              + ": "
              + v.metric()
              + " "
              + side
              + " "
              + Numbers.plain(v.threshold())
              + " at window #"
              + v.windowIndex()
              + " ("
              + Numbers.format(v.value(), decimals)
              + ")"
              + (v.note() == null || v.note().isBlank() ? "" : " — " + v.note());
      violationAnnotations.add(
          new Annotation(
              v.level() == Level.CRIT ? WorkflowCommands.Kind.ERROR : WorkflowCommands.Kind.WARNING,
              "Soak " + v.level() + ": " + v.symbol() + " " + v.metric(),
              message));
    }
    if (worst.size() > MAX_ANNOTATIONS) {
      console.info(
          (worst.size() - MAX_ANNOTATIONS)
              + " more violating cells not annotated (at most "
              + MAX_ANNOTATIONS
              + "); see VIOLATIONS.json");
    }
  }

  /** How far past its bound, relative to the bound, so unlike metrics compare. */
  private static double excess(Analysis a, Violation v) {
    double scale = Math.abs(v.threshold()) > 0 ? Math.abs(v.threshold()) : 1;
    double d = (v.value() - v.threshold()) / scale;
    return a.catalog()
        .find(v.metric())
        .map(m -> m.direction() == Direction.LOW_IS_BAD ? -d : d)
        .orElse(Math.abs(d));
  }
}
