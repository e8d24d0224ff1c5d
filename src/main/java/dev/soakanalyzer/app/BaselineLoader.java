package dev.soakanalyzer.app;

import dev.soakanalyzer.core.analysis.Analyzer;
import dev.soakanalyzer.core.analysis.BaselineComparator;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.Baseline;
import dev.soakanalyzer.core.model.SoakData;
import dev.soakanalyzer.ingest.AllowedRoots;
import dev.soakanalyzer.ingest.Ingestor;
import dev.soakanalyzer.json.BaselineJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a {@link BaselineSpec} into a {@link Baseline}. A baseline that is missing, empty or
 * unreadable is one warning and no comparison, never a failed run: the first PR of a repository has
 * no baseline yet.
 */
public record BaselineLoader(Console console) {

  /**
   * @param workDir relative paths and globs resolve against it
   * @param confinedTo when present, files outside it are not read (the action's workspace and
   *     RUNNER_TEMP)
   */
  public Optional<Baseline> load(
      BaselineSpec spec,
      Path workDir,
      AnalysisSettings settings,
      Optional<AllowedRoots> confinedTo) {
    if (spec instanceof BaselineSpec.SummaryFile f) {
      return summary(workDir.resolve(f.path()), f.path().toString(), confinedTo);
    }
    if (spec instanceof BaselineSpec.History h) {
      return history(h);
    }
    return windows(((BaselineSpec.IterGlob) spec).glob(), workDir, settings, confinedTo);
  }

  private Optional<Baseline> history(BaselineSpec.History h) {
    if (h.branch() == null) {
      console.warn(
          "baseline from redis: no branch to take it from (--baseline-branch, in the action the"
              + " PR's base branch); no comparison");
      return Optional.empty();
    }
    return h.source()
        .newestAsSummary(h.branch(), console::warn)
        .flatMap(json -> fromDocument(json, "redis history of " + h.branch()));
  }

  /**
   * A SOAK_SUMMARY-shaped JSON document from any source (a file, a history record) as a baseline;
   * empty with a warning when it is not one.
   */
  public Optional<Baseline> fromDocument(String json, String source) {
    try {
      Baseline b = BaselineJson.parse(json, source);
      if (b.isEmpty()) {
        console.warn("baseline " + source + " has no cells; no comparison");
        return Optional.empty();
      }
      return Optional.of(b);
    } catch (IllegalArgumentException e) {
      console.warn("baseline " + source + " is unreadable: " + e.getMessage() + "; no comparison");
      return Optional.empty();
    }
  }

  private Optional<Baseline> summary(Path path, String shown, Optional<AllowedRoots> confinedTo) {
    Path file = Files.isDirectory(path) ? path.resolve(ReportFiles.SUMMARY) : path;
    if (Files.isDirectory(path)) {
      shown = shown.endsWith("/") ? shown + ReportFiles.SUMMARY : shown + "/" + ReportFiles.SUMMARY;
    }
    if (!Files.isRegularFile(file)) {
      console.warn("baseline " + shown + " not found; no comparison");
      return Optional.empty();
    }
    try {
      if (confinedTo.isPresent() && !confinedTo.get().contains(file.toRealPath())) {
        console.warn(
            "baseline " + shown + " leads outside " + confinedTo.get().label() + "; no comparison");
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        console.warn("baseline " + shown + " is empty; no comparison");
        return Optional.empty();
      }
      return fromDocument(text, shown);
    } catch (IOException | java.io.UncheckedIOException e) {
      console.warn("baseline " + shown + " is unreadable (" + e.getMessage() + "); no comparison");
      return Optional.empty();
    }
  }

  private Optional<Baseline> windows(
      String glob, Path workDir, AnalysisSettings settings, Optional<AllowedRoots> confinedTo) {
    SoakData data =
        new Ingestor(settings, w -> console.warn("baseline: " + w))
            .ingest(workDir, glob, confinedTo);
    if (data.series().isEmpty()) {
      console.warn("baseline: no ITER_SUMMARY windows matched '" + glob + "'; no comparison");
      return Optional.empty();
    }
    // Generated-at is not reported for a baseline read from windows; the instant is unused.
    var analysis = Analyzer.analyze(data, settings, Instant.EPOCH);
    return Optional.of(BaselineComparator.baselineOf(analysis, glob));
  }
}
