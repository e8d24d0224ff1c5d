package dev.soakanalyzer.bench;

/** File layout of a generated data set. */
public enum Shape {
  /** One file per symbol per window: {@code ITER_SUMMARY_<w>_<SYM>.json}. */
  FLAT,
  /** One file per window with every symbol: {@code {"iteration":w,"symbols":{SYM:{...}}}}. */
  MULTI,
  /** One file per symbol per window in the soak runner's schema (single-symbol {@code symbols}). */
  RUNNER
}
