package dev.soakanalyzer.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v/--verbose} of {@code analyze}, {@code action} and {@code run}: one flag, one meaning.
 */
final class VerboseOption {
  @Option(
      names = {"-v", "--verbose"},
      description = "Debug lines and the MINI-PLOTS SUMMARY table on stdout (run: every cycle).")
  boolean on;
}
