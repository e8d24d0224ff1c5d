package dev.soakanalyzer.cli;

import static dev.soakanalyzer.cli.Specs.option;

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
import picocli.CommandLine.Model.OptionSpec;

/**
 * The analysis options shared by {@code analyze} and {@code run} (the guide's CLI tables), mapped
 * once to validated settings. Threshold flags have no picocli default so that a thresholds file can
 * set a value and an explicit flag still overrides it.
 */
public final class AnalysisOptions extends OptionGroup {

  private final OptionSpec iterGlob =
      add(
          option(
                  "--iter-glob",
                  String.class,
                  "GLOB",
                  "Glob of ITER_SUMMARY files (*, ?, **, [...]), relative to the working directory.")
              .required(true)
              .build());

  private final OptionSpec outDir =
      add(
          option(
                  "--out-dir",
                  Path.class,
                  "DIR",
                  "Output directory for the reports (default: ${DEFAULT-VALUE}).")
              .defaultValue("reports/analysis")
              .build());

  private final OptionSpec minWindows =
      add(
          option(
                  "--min-windows",
                  int.class,
                  "N",
                  "Minimum windows for statistical significance (default: ${DEFAULT-VALUE}).")
              .defaultValue("24")
              .build());

  private final OptionSpec symbols =
      add(
          option(
                  "--symbols",
                  List.class,
                  "A,B",
                  "Only these symbols (comma-separated), e.g. BTCUSDT,ETHUSDT (default: all).")
              .auxiliaryTypes(String.class)
              .splitRegex(",")
              .build());

  private final OptionSpec timeBuckets =
      add(
          option(
                  "--time-buckets",
                  int.class,
                  "K",
                  "Windows per point for trend and sparkline, 1 = per window (default: ${DEFAULT-VALUE}).")
              .defaultValue("1")
              .build());

  private final OptionSpec defaultSymbol =
      add(
          option(
                  "--default-symbol",
                  String.class,
                  "NAME",
                  "Row name for portfolio-level windows without a symbol (default: ${DEFAULT-VALUE}).")
              .defaultValue(AnalysisSettings.DEFAULT_SYMBOL)
              .build());

  private final OptionSpec warnEdge =
      add(threshold("--warn-edge", "BPS", "WARN when edge_bps <", DefaultThresholds.WARN_EDGE));
  private final OptionSpec critEdge =
      add(threshold("--crit-edge", "BPS", "CRIT when edge_bps <", DefaultThresholds.CRIT_EDGE));
  private final OptionSpec warnMaker =
      add(
          threshold(
              "--warn-maker",
              "RATIO",
              "WARN when maker_taker_ratio <",
              DefaultThresholds.WARN_MAKER));
  private final OptionSpec critMaker =
      add(
          threshold(
              "--crit-maker",
              "RATIO",
              "CRIT when maker_taker_ratio <",
              DefaultThresholds.CRIT_MAKER));
  private final OptionSpec warnLat =
      add(threshold("--warn-lat", "MS", "WARN when p95_latency_ms >", DefaultThresholds.WARN_LAT));
  private final OptionSpec critLat =
      add(threshold("--crit-lat", "MS", "CRIT when p95_latency_ms >", DefaultThresholds.CRIT_LAT));
  private final OptionSpec warnRisk =
      add(threshold("--warn-risk", "RATIO", "WARN when risk_ratio >", DefaultThresholds.WARN_RISK));
  private final OptionSpec critRisk =
      add(threshold("--crit-risk", "RATIO", "CRIT when risk_ratio >", DefaultThresholds.CRIT_RISK));

  private final OptionSpec thresholdsFile =
      add(
          option(
                  "--thresholds",
                  Path.class,
                  "FILE",
                  "YAML or JSON file with per-symbol thresholds and custom metrics; flags override its defaults.")
              .build());

  private final OptionSpec emitSummary =
      add(
          OptionSpec.builder("--emit-summary")
              .type(boolean.class)
              .negatable(true)
              .defaultValue("true")
              .fallbackValue("true")
              .description("Write SOAK_SUMMARY.json (default: true; --no-emit-summary to skip).")
              .build());

  private final OptionSpec html =
      add(
          OptionSpec.builder("--html")
              .type(boolean.class)
              .negatable(true)
              .arity("0..1")
              .defaultValue("true")
              .fallbackValue("true")
              .description(
                  "Write SOAK_REPORT.html, the self-contained interactive report (default: true;"
                      + " --no-html to skip).")
              .build());

  private final OptionSpec lang =
      add(
          option(
                  "--lang",
                  String.class,
                  "ru|en",
                  "Language of RECOMMENDATIONS.md and SOAK_REPORT.html (default: ${DEFAULT-VALUE}).")
              .defaultValue("ru")
              .build());

  /** Threshold flags have no default value, so a thresholds file can set one (see above). */
  private static OptionSpec threshold(String name, String label, String rule, String dflt) {
    return option(name, Double.class, label, rule + " this (default: " + dflt + ").").build();
  }

  /** {@code --out-dir} as given (relative to the working directory). */
  Path outDir() {
    return outDir.getValue();
  }

  /** The validated request; every problem is reported at once. */
  public AnalysisRequest toRequest(Path workDir, boolean verbose) throws UsageException {
    Double warnEdge = this.warnEdge.getValue();
    Double critEdge = this.critEdge.getValue();
    Double warnMaker = this.warnMaker.getValue();
    Double critMaker = this.critMaker.getValue();
    Double warnLat = this.warnLat.getValue();
    Double critLat = this.critLat.getValue();
    Double warnRisk = this.warnRisk.getValue();
    Double critRisk = this.critRisk.getValue();
    Path thresholdsFile = this.thresholdsFile.getValue();
    String lang = this.lang.getValue();
    String iterGlob = this.iterGlob.getValue();
    int minWindows = this.minWindows.getValue();
    int timeBuckets = this.timeBuckets.getValue();
    List<String> symbols = this.symbols.getValue() == null ? List.of() : this.symbols.getValue();
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
        new AnalysisSettings(
            catalog, thresholds, minWindows, timeBuckets, wanted, defaultSymbol.getValue());
    return new AnalysisRequest(
        workDir,
        iterGlob,
        settings,
        new ReportOptions(
            outDir(), Specs.on(emitSummary), verbose, language, book, Specs.on(html)));
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
