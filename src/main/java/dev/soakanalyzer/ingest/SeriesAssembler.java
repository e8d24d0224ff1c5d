package dev.soakanalyzer.ingest;

import dev.soakanalyzer.core.model.SymbolSeries;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Accumulates one symbol's windows into growable primitive arrays. A window seen again replaces the
 * earlier values (later file in path order wins); the caller reports the duplicate.
 */
final class SeriesAssembler {
  private final String symbol;
  private final int metrics;
  private int[] windows = new int[16];
  private int[] fileOfRow = new int[16];
  private double[][] values;
  private int size;

  /**
   * Row of each window; built only once a window arrives out of order. Files named in window order
   * append strictly increasing windows, which cannot repeat one, so they need no lookup.
   */
  private Map<Integer, Integer> rowOfWindow;

  private boolean sorted = true;

  SeriesAssembler(String symbol, int metrics) {
    this.symbol = symbol;
    this.metrics = metrics;
    this.values = new double[metrics][16];
  }

  /**
   * Adds a window read from file number {@code file}; returns the number of the file it replaced,
   * or -1 when the window is new.
   */
  int add(int window, double[] sample, int file) {
    Integer existing = null;
    boolean appendsInOrder = rowOfWindow == null && (size == 0 || window > windows[size - 1]);
    if (!appendsInOrder) {
      if (rowOfWindow == null) {
        rowOfWindow = new HashMap<>();
        for (int row = 0; row < size; row++) {
          rowOfWindow.put(windows[row], row);
        }
      }
      existing = rowOfWindow.putIfAbsent(window, size);
    }
    if (existing != null) {
      for (int m = 0; m < metrics; m++) {
        values[m][existing] = sample[m];
      }
      int replaced = fileOfRow[existing];
      fileOfRow[existing] = file;
      return replaced;
    }
    if (size == windows.length) {
      int capacity = size * 2;
      windows = Arrays.copyOf(windows, capacity);
      fileOfRow = Arrays.copyOf(fileOfRow, capacity);
      for (int m = 0; m < metrics; m++) {
        values[m] = Arrays.copyOf(values[m], capacity);
      }
    }
    if (size > 0 && window < windows[size - 1]) {
      sorted = false;
    }
    windows[size] = window;
    fileOfRow[size] = file;
    for (int m = 0; m < metrics; m++) {
      values[m][size] = sample[m];
    }
    size++;
    return -1;
  }

  /**
   * The series, each window with the name of its file ({@code fileName} maps a file number to it).
   */
  SymbolSeries build(IntFunction<String> fileName) {
    int[] w = Arrays.copyOf(windows, size);
    double[][] v = new double[metrics][];
    String[] f = new String[size];
    if (sorted) {
      for (int m = 0; m < metrics; m++) {
        v[m] = Arrays.copyOf(values[m], size);
      }
      for (int i = 0; i < size; i++) {
        f[i] = fileName.apply(fileOfRow[i]);
      }
      return new SymbolSeries(symbol, w, v, f);
    }
    // Numeric window order (_2 before _10), whatever the file order was.
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(windows[a], windows[b]));
    for (int i = 0; i < size; i++) {
      w[i] = windows[order[i]];
      f[i] = fileName.apply(fileOfRow[order[i]]);
    }
    for (int m = 0; m < metrics; m++) {
      double[] column = new double[size];
      for (int i = 0; i < size; i++) {
        column[i] = values[m][order[i]];
      }
      v[m] = column;
    }
    return new SymbolSeries(symbol, w, v, f);
  }
}
