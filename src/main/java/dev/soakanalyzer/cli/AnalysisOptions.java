package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.AnalysisRequest;
import dev.soakanalyzer.app.ReportOptions;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.config.ThresholdsFile;
import dev.soakanalyzer.core.model.AnalysisSettings;
import dev.soakanalyzer.core.model.DefaultThresholds;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.core.model.MetricCatalog;
import dev.soakanalyzer.core.model.Threshold;
import dev.soakanalyzer.core.model.ThresholdSet;
import dev.soakanalyzer.core.report.Lang;
import dev.soakanalyzer.core.report.RecommendationBook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The analysis options shared by {@code analyze} and {@code run} (the guide's CLI tables), mapped
 * once to validated settings. Threshold flags have no picocli default so that a thresholds file can
 * set a value and an explicit flag still overrides it.
 */
public final class AnalysisOptions {

  @Option(
      names = "--iter-glob",
      required = true,
      paramLabel = "GLOB",
      description =
          "Glob of ITER_SUMMARY files (*, ?, **, [...]), relative to the working directory.")
  String iterGlob;

  @Option(
      names = "--out-dir",
      paramLabel = "DIR",
      defaultValue = "reports/analysis",
      description = "Output directory for the reports (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(
      names = "--min-windows",
      paramLabel = "N",
      defaultValue = "24",
      description = "Minimum windows for statistical significance (default: ${DEFAULT-VALUE}).")
  int minWindows;

  @Option(
      names = "--symbols",
      paramLabel = "A,B",
      split = ",",
      description = "Only these symbols (comma-separated), e.g. BTCUSDT,ETHUSDT (default: all).")
  List<String> symbols = new ArrayList<>();

  @Option(
      names = "--time-buckets",
      paramLabel = "K",
      defaultValue = "1",
      description =
          "Windows per point for trend and sparkline, 1 = per window (default: ${DEFAULT-VALUE}).")
  int timeBuckets;

  @Option(
      names = "--default-symbol",
      paramLabel = "NAME",
      defaultValue = AnalysisSettings.DEFAULT_SYMBOL,
      description =
          "Row name for portfolio-level windows without a symbol (default: ${DEFAULT-VALUE}).")
  String defaultSymbol;

  @Option(
      names = "--warn-edge",
      paramLabel = "BPS",
      description = "WARN when edge_bps < this (default: " + DefaultThresholds.WARN_EDGE + ").")
  Double warnEdge;

  @Option(
      names = "--crit-edge",
      paramLabel = "BPS",
      description = "CRIT when edge_bps < this (default: " + DefaultThresholds.CRIT_EDGE + ").")
  Double critEdge;

  @Option(
      names = "--warn-maker",
      paramLabel = "RATIO",
      description =
          "WARN when maker_taker_ratio < this (default: " + DefaultThresholds.WARN_MAKER + ").")
  Double warnMaker;

  @Option(
      names = "--crit-maker",
      paramLabel = "RATIO",
      description =
          "CRIT when maker_taker_ratio < this (default: " + DefaultThresholds.CRIT_MAKER + ").")
  Double critMaker;

  @Option(
      names = "--warn-lat",
      paramLabel = "MS",
      description =
          "WARN when p95_latency_ms > this (default: " + DefaultThresholds.WARN_LAT + ").")
  Double warnLat;

  @Option(
      names = "--crit-lat",
      paramLabel = "MS",
      description =
          "CRIT when p95_latency_ms > this (default: " + DefaultThresholds.CRIT_LAT + ").")
  Double critLat;

  @Option(
      names = "--warn-risk",
      paramLabel = "RATIO",
      description = "WARN when risk_ratio > this (default: " + DefaultThresholds.WARN_RISK + ").")
  Double warnRisk;

  @Option(
      names = "--crit-risk",
      paramLabel = "RATIO",
      description = "CRIT when risk_ratio > this (default: " + DefaultThresholds.CRIT_RISK + ").")
  Double critRisk;

  @Option(
      names = "--thresholds",
      paramLabel = "FILE",
      description =
          "YAML or JSON file with per-symbol thresholds and custom metrics; flags override its defaults.")
  Path thresholdsFile;

  @Option(
      names = "--emit-summary",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Write SOAK_SUMMARY.json (default: true; --no-emit-summary to skip).")
  boolean emitSummary;

  @Option(
      names = "--lang",
      paramLabel = "ru|en",
      defaultValue = "ru",
      description = "Language of RECOMMENDATIONS.md (default: ${DEFAULT-VALUE}).")
  String lang;

  /** The validated request; every problem is reported at once. */
  public AnalysisRequest toRequest(Path workDir, boolean verbose) throws UsageException {
    List<String> problems = new ArrayList<>();
    MetricCatalog catalog = MetricCatalog.STANDARD;
    ThresholdSet thresholds = ThresholdSet.STANDARD;
    RecommendationBook book = RecommendationBook.STANDARD;
    finite(problems, "--warn-edge", warnEdge);
    finite(problems, "--crit-edge", critEdge);
    finite(problems, "--warn-maker", warnMaker);
    finite(problems, "--crit-maker", critMaker);
    finite(problems, "--warn-lat", warnLat);
    finite(problems, "--crit-lat", critLat);
    finite(problems, "--warn-risk", warnRisk);
    finite(problems, "--crit-risk", critRisk);
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    if (thresholdsFile != null) {
      ThresholdsFile.Loaded loaded = ThresholdsFile.load(workDir.resolve(thresholdsFile));
      catalog = loaded.catalog();
      thresholds = loaded.thresholds();
      book = loaded.book();
    }
    thresholds = override(thresholds, MetricCatalog.EDGE, warnEdge, critEdge);
    thresholds = override(thresholds, MetricCatalog.MAKER_TAKER, warnMaker, critMaker);
    thresholds = override(thresholds, MetricCatalog.LATENCY, warnLat, critLat);
    thresholds = override(thresholds, MetricCatalog.RISK, warnRisk, critRisk);
    Lang language = null;
    try {
      language = Lang.parse(lang);
    } catch (IllegalArgumentException e) {
      problems.add("--lang must be 'ru' or 'en', not '" + lang + "'");
    }
    if (iterGlob == null || iterGlob.isBlank()) {
      problems.add("--iter-glob must not be empty");
    }
    problems.addAll(AnalysisSettings.problems(catalog, thresholds, minWindows, timeBuckets));
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    List<String> wanted =
        symbols.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    AnalysisSettings settings =
        new AnalysisSettings(catalog, thresholds, minWindows, timeBuckets, wanted, defaultSymbol);
    return new AnalysisRequest(
        workDir,
        iterGlob,
        settings,
        new ReportOptions(outDir, emitSummary, verbose, language, book));
  }

  /** NaN, Infinity and 1e400 (which parses to Infinity) are not thresholds. */
  private static void finite(List<String> problems, String flag, Double value) {
    if (value != null && !Double.isFinite(value)) {
      problems.add(flag + " must be a finite number, not " + value);
    }
  }

  private static ThresholdSet override(ThresholdSet set, String metric, Double warn, Double crit) {
    if (warn == null && crit == null) {
      return set;
    }
    Threshold current = set.defaults().get(metric);
    return set.withDefault(
        metric,
        new Threshold(warn != null ? warn : current.warn(), crit != null ? crit : current.crit()));
  }
}
