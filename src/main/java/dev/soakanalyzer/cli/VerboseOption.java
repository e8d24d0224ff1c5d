package dev.soakanalyzer.cli;

import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -v/--verbose} of {@code analyze}, {@code action} and {@code run}: one flag, one meaning.
 */
final class VerboseOption extends OptionGroup {
  private final OptionSpec option =
      add(
          Specs.flag(
              "Debug lines and the MINI-PLOTS SUMMARY table on stdout (run: every cycle).",
              "-v",
              "--verbose"));

  boolean on() {
    return Specs.on(option);
  }
}
