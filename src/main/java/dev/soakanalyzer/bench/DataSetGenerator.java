package dev.soakanalyzer.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes a deterministic soak data set: values wander around the thresholds so that about 1.6
 * violation events occur per symbol-window (each metric is past WARN in ~40% of windows).
 */
public final class DataSetGenerator {
  private DataSetGenerator() {}

  /** Returns the number of files written. */
  public static int generate(Path dir, int symbols, int windows, Shape shape, long seed) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] names = new String[symbols];
    for (int s = 0; s < symbols; s++) {
      names[s] = String.format(Locale.ROOT, "SYM%05dUSDT", s);
    }
    if (shape == Shape.MULTI) {
      IntStream.rangeClosed(1, windows)
          .parallel()
          .forEach(
              w -> {
                StringBuilder sb = new StringBuilder(symbols * 120 + 64);
                sb.append("{\"iteration\":").append(w).append(",\"symbols\":{");
                for (int s = 0; s < symbols; s++) {
                  if (s > 0) {
                    sb.append(',');
                  }
                  sb.append('"').append(names[s]).append("\":");
                  metrics(sb, new SplittableRandom(seed * 1_000_003L + (long) s * 7919 + w));
                }
                sb.append("}}\n");
                write(dir.resolve("ITER_SUMMARY_" + w + ".json"), sb);
              });
      return windows;
    }
    IntStream.range(0, symbols * windows)
        .parallel()
        .forEach(
            i -> {
              int s = i / windows;
              int w = i % windows + 1;
              SplittableRandom r = new SplittableRandom(seed * 1_000_003L + (long) s * 7919 + w);
              StringBuilder sb = new StringBuilder(200);
              if (shape == Shape.FLAT) {
                flat(sb, names[s], r);
              } else {
                sb.append("{\"iteration\":")
                    .append(w)
                    .append(",\"symbols\":[\"")
                    .append(names[s])
                    .append("\"],\"profile\":\"moderate\",\"summary\":");
                metrics(sb, r);
                sb.append("}\n");
              }
              write(dir.resolve("ITER_SUMMARY_" + w + "_" + names[s] + ".json"), sb);
            });
    return symbols * windows;
  }

  /**
   * Writes window {@code window} of the first {@code symbols} symbols of a flat data set, as {@link
   * #generate} would have written them with one more window: the runner's "new files arrived".
   */
  public static void addWindow(Path dir, int symbols, int window, long seed) {
    for (int s = 0; s < symbols; s++) {
      String name = String.format(Locale.ROOT, "SYM%05dUSDT", s);
      StringBuilder sb = new StringBuilder(200);
      flat(sb, name, new SplittableRandom(seed * 1_000_003L + (long) s * 7919 + window));
      write(dir.resolve("ITER_SUMMARY_" + window + "_" + name + ".json"), sb);
    }
  }

  private static void flat(StringBuilder sb, String symbol, SplittableRandom r) {
    sb.append("{\"symbol\":\"").append(symbol).append("\",");
    int mark = sb.length();
    metrics(sb, r);
    sb.deleteCharAt(mark); // splice the metrics object into the record
    sb.append('\n');
  }

  private static void metrics(StringBuilder sb, SplittableRandom r) {
    sb.append("{\"edge_bps\":")
        .append(round(around(r, 2.5, 2.0, true), 3))
        .append(",\"maker_taker_ratio\":")
        .append(round(around(r, 0.80, 0.75, true), 3))
        .append(",\"p95_latency_ms\":")
        .append(round(around(r, 350, 400, false), 1))
        .append(",\"risk_ratio\":")
        .append(round(around(r, 0.45, 0.50, false), 3))
        .append('}');
  }

  /** A value past WARN with probability 0.4 (a quarter of those past CRIT), else healthy. */
  private static double around(SplittableRandom r, double warn, double crit, boolean lowIsBad) {
    double gap = Math.abs(warn - crit);
    double p = r.nextDouble();
    double distance;
    if (p < 0.10) {
      distance = -(gap + r.nextDouble() * gap); // past CRIT
    } else if (p < 0.40) {
      distance = -(r.nextDouble() * gap * 0.98 + gap * 0.01); // between WARN and CRIT
    } else {
      distance = r.nextDouble() * gap * 2 + gap * 0.01; // healthy
    }
    return lowIsBad ? warn + distance : warn - distance;
  }

  private static String round(double v, int decimals) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(decimals, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static void write(Path file, CharSequence content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
