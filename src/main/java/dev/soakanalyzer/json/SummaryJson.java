package dev.soakanalyzer.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.soakanalyzer.core.analysis.BaselineComparator;
import dev.soakanalyzer.core.model.Analysis;
import dev.soakanalyzer.core.model.CellComparison;
import dev.soakanalyzer.core.model.ChangePoint;
import dev.soakanalyzer.core.model.Comparison;
import dev.soakanalyzer.core.model.ComparisonStatus;
import dev.soakanalyzer.core.model.MetricCell;
import dev.soakanalyzer.core.model.SampleStats;
import dev.soakanalyzer.core.model.SymbolAnalysis;
import dev.soakanalyzer.core.report.Numbers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * SOAK_SUMMARY.json in the guide's structure. Extra fields (never renamed ones): per metric {@code
 * slope}, {@code slope_normalized}, {@code p_value}, {@code trend_significant} and {@code
 * change_point}, the sufficient statistics {@code n}, {@code mean}, {@code sd}, {@code lag1} and,
 * with a baseline, {@code baseline}; {@code meta.ref/sha/run_id} when known; top level {@code
 * insufficient_windows}, {@code skipped_files}, {@code violation_events} and, with a baseline,
 * {@code comparison}.
 */
public final class SummaryJson {
  public static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private SummaryJson() {}

  /** Streams the summary to {@code out} (left open), ending with a newline. */
  public static void write(Analysis a, java.io.Writer out) throws IOException {
    try (JsonGenerator g = Json.generator(out)) {
      write(a, g);
    }
    out.write('\n');
  }

  public static String render(Analysis a) {
    StringWriter out = new StringWriter(1024 + a.symbols().size() * 600);
    try (JsonGenerator g = Json.generator(out)) {
      write(a, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void write(Analysis a, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField(
        "generated_at_utc", UTC_SECONDS.format(a.generatedAt().truncatedTo(ChronoUnit.SECONDS)));
    g.writeNumberField("windows", a.windows());
    g.writeNumberField("min_windows_required", a.minWindowsRequired());
    g.writeBooleanField("insufficient_windows", a.insufficientWindows());
    g.writeObjectFieldStart("symbols");
    for (SymbolAnalysis s : a.symbols()) {
      g.writeObjectFieldStart(s.symbol());
      for (MetricCell c : s.cells()) {
        g.writeObjectFieldStart(c.metric().key());
        int d = c.metric().decimals();
        rounded(g, "median", c.median(), d);
        rounded(g, "last", c.last(), d);
        g.writeStringField("trend", c.trend().trend().symbol());
        g.writeStringField("status", c.status().name());
        // slope: OLS slope per window (per bucket with --time-buckets), in the metric's unit;
        // slope_normalized: divided by the value range, the number the trend arrow compares to 0.01
        significant(g, "slope", c.valueCount() >= 2 ? c.trend().slope() : Double.NaN);
        rounded(
            g,
            "slope_normalized",
            c.valueCount() >= 2 ? c.trend().normalizedSlope() : Double.NaN,
            6);
        significant(g, "p_value", c.trend().pValue());
        // trend_significant: p_value < 0.01 from the autocorrelation-corrected trend test
        g.writeBooleanField("trend_significant", c.trend().significant());
        changePoint(g, c);
        sampleStats(g, c);
        baseline(g, a.comparison(), s.symbol(), c);
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("overall");
    g.writeNumberField("crit_count", a.counts().crit());
    g.writeNumberField("warn_count", a.counts().warn());
    g.writeNumberField("ok_count", a.counts().ok());
    g.writeStringField("verdict", a.verdict().name());
    g.writeEndObject();
    g.writeObjectFieldStart("meta");
    g.writeStringField("commit_range", a.meta().commitRange());
    g.writeStringField("profile", a.meta().profile());
    g.writeStringField("source", a.meta().source());
    // Where the run ran, when known: what a later run names its baseline by.
    optional(g, "ref", a.meta().ref());
    optional(g, "sha", a.meta().sha());
    optional(g, "run_id", a.meta().runId());
    g.writeEndObject();
    comparison(g, a.comparison());
    g.writeNumberField("skipped_files", a.quality().skipped().size());
    g.writeNumberField("violation_events", a.violations().size());
    g.writeEndObject();
  }

  /**
   * n, mean, sd and lag1: the sufficient statistics that make this summary alone a complete
   * baseline for a later run's comparison.
   */
  private static void sampleStats(JsonGenerator g, MetricCell c) throws IOException {
    SampleStats st = BaselineComparator.stats(c);
    g.writeNumberField("n", st.n());
    significant(g, "mean", st.mean(), 7);
    significant(g, "sd", st.sd(), 7);
    significant(g, "lag1", st.lag1(), 4);
  }

  /** The cell compared with the baseline; absent without a baseline or for a NO_DATA cell. */
  private static void baseline(JsonGenerator g, Comparison comparison, String symbol, MetricCell c)
      throws IOException {
    CellComparison cc = comparison == null ? null : comparison.cell(symbol, c.metric().key());
    if (cc == null) {
      return;
    }
    g.writeObjectFieldStart("baseline");
    SampleStats b = cc.baseline();
    int d = c.metric().decimals();
    rounded(g, "median", b == null ? Double.NaN : b.median(), d);
    significant(g, "mean", b == null ? Double.NaN : b.mean(), 7);
    g.writeFieldName("n");
    if (b == null || b.n() == 0) {
      g.writeNull();
    } else {
      g.writeNumber(b.n());
    }
    rounded(g, "change_pct", cc.changePct(), 1);
    significant(g, "p_value", cc.pValue());
    g.writeStringField("status", cc.status().name());
    g.writeEndObject();
  }

  /** Which baseline and how many cells of each status; absent without a baseline. */
  private static void comparison(JsonGenerator g, Comparison c) throws IOException {
    if (c == null || !c.hasBaseline()) {
      return;
    }
    g.writeObjectFieldStart("comparison");
    g.writeObjectFieldStart("baseline");
    g.writeStringField("ref", c.baseline().ref());
    g.writeStringField("sha", c.baseline().sha());
    g.writeStringField("generated_at_utc", c.baseline().generatedAtUtc());
    g.writeStringField("source", c.baseline().source());
    g.writeEndObject();
    g.writeNumberField("regressed", c.count(ComparisonStatus.REGRESSED));
    g.writeNumberField("improved", c.count(ComparisonStatus.IMPROVED));
    g.writeNumberField("unchanged", c.count(ComparisonStatus.UNCHANGED));
    g.writeNumberField("new", c.count(ComparisonStatus.NEW));
    g.writeNumberField("gone", c.count(ComparisonStatus.GONE));
    g.writeNumberField("untested", c.count(ComparisonStatus.UNTESTED));
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  /**
   * change_point: the most significant shift of level (first window of the new level, medians
   * either side, the windows it is likely to be in); change_points: every significant shift, in
   * window order.
   */
  private static void changePoint(JsonGenerator g, MetricCell c) throws IOException {
    g.writeFieldName("change_point");
    if (c.changePoint() == null) {
      g.writeNull();
    } else {
      shift(g, c, c.changePoint());
    }
    g.writeArrayFieldStart("change_points");
    for (var cp : c.changePoints()) {
      shift(g, c, cp);
    }
    g.writeEndArray();
  }

  private static void shift(JsonGenerator g, MetricCell c, ChangePoint cp) throws IOException {
    g.writeStartObject();
    g.writeNumberField("window_index", cp.windowIndex());
    g.writeArrayFieldStart("window_range");
    g.writeNumber(cp.windowLo());
    g.writeNumber(cp.windowHi());
    g.writeEndArray();
    rounded(g, "before", cp.before(), c.metric().decimals());
    rounded(g, "after", cp.after(), c.metric().decimals());
    significant(g, "p_value", cp.pValue());
    g.writeEndObject();
  }

  /** Rounded as the reports show it; an integer when no decimals remain; null without a value. */
  private static void rounded(JsonGenerator g, String field, double value, int decimals)
      throws IOException {
    BigDecimal r = Numbers.round(value, decimals);
    g.writeFieldName(field);
    if (r == null) {
      g.writeNull();
    } else if (r.scale() <= 0 && r.precision() - r.scale() <= 18) {
      // Whole numbers print without ".0"; beyond a long (e.g. a latency of 1e308) they stay
      // BigDecimal instead of overflowing.
      g.writeNumber(r.longValueExact());
    } else {
      g.writeNumber(r);
    }
  }

  /**
   * Slopes and p-values span many orders of magnitude: 4 significant digits, not fixed decimals.
   */
  private static void significant(JsonGenerator g, String field, double value) throws IOException {
    significant(g, field, value, 4);
  }

  private static void significant(JsonGenerator g, String field, double value, int digits)
      throws IOException {
    g.writeFieldName(field);
    if (!Double.isFinite(value)) {
      g.writeNull();
    } else {
      g.writeNumber(new BigDecimal(value).round(new MathContext(digits)).doubleValue());
    }
  }
}
