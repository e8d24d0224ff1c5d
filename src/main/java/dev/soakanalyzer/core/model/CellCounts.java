package dev.soakanalyzer.core.model;

/** Counts of cells by status; NO_DATA cells are counted apart and never affect the verdict. */
public record CellCounts(int crit, int warn, int ok, int noData) {

  public Level verdict() {
    return crit > 0 ? Level.CRIT : warn > 0 ? Level.WARN : Level.OK;
  }
}
