package dev.soakanalyzer.core.model;

/** Status of one symbol x metric cell: a level, or NO_DATA when the metric never had a value. */
public enum CellStatus {
  OK,
  WARN,
  CRIT,
  NO_DATA;

  public static CellStatus of(Level level) {
    return switch (level) {
      case OK -> OK;
      case WARN -> WARN;
      case CRIT -> CRIT;
    };
  }

  /** The level this status counts as, or null for NO_DATA (which never counts). */
  public Level level() {
    return switch (this) {
      case OK -> Level.OK;
      case WARN -> Level.WARN;
      case CRIT -> Level.CRIT;
      case NO_DATA -> null;
    };
  }
}
