package dev.soakanalyzer.core.model;

import java.util.Objects;

/**
 * All windows of one symbol, ordered by window index, stored as compact primitive arrays.
 *
 * <p>{@code values[m][i]} is metric {@code m} (catalog order) in window {@code windows[i]}; {@code
 * NaN} means the window had no value for that metric. The arrays are owned by this record: callers
 * must not modify them (they are not copied, so 100k windows cost no extra copies).
 *
 * @param files the input file each window was read from (as the reports name it), parallel to
 *     {@code windows}; empty when not known. The HTML report's tooltip shows it.
 */
public record SymbolSeries(String symbol, int[] windows, double[][] values, String[] files) {

  private static final String[] NO_FILES = new String[0];

  /** A series whose files are not known. */
  public SymbolSeries(String symbol, int[] windows, double[][] values) {
    this(symbol, windows, values, NO_FILES);
  }

  public SymbolSeries {
    Objects.requireNonNull(symbol, "symbol");
    files = files == null ? NO_FILES : files;
    if (files.length != 0 && files.length != windows.length) {
      throw new IllegalArgumentException("files of " + symbol + " do not match its windows");
    }
    for (double[] column : values) {
      if (column.length != windows.length) {
        throw new IllegalArgumentException("series of " + symbol + " has ragged columns");
      }
    }
    for (int i = 1; i < windows.length; i++) {
      if (windows[i] <= windows[i - 1]) {
        throw new IllegalArgumentException("windows of " + symbol + " must be strictly ascending");
      }
    }
  }

  public int size() {
    return windows.length;
  }

  public double[] column(int metricIndex) {
    return values[metricIndex];
  }
}
