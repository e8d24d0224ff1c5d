package dev.soakanalyzer.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands' picocli model, built in code (picocli's programmatic API) instead of read from
 * annotations: reading annotations made a dynamic proxy class per annotation type and reflected
 * over every field before any file was read, most of a short run's start-up (issue 15). Every
 * command of this package declares itself this way; values are read back from the {@link
 * OptionSpec}s after parsing.
 */
final class Specs {
  private Specs() {}

  /**
   * A command with its name, its one-line header (the top-level list shows it), its description
   * (one help line per line of the text, null for none) and whether the help sorts its options.
   */
  static CommandSpec command(
      Object command, String name, String header, String description, boolean sortOptions) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    if (header != null) {
      spec.usageMessage().header(header);
    }
    if (description != null) {
      spec.usageMessage().description(description.split("\n", -1));
    }
    spec.usageMessage().sortOptions(sortOptions);
    return spec;
  }

  /**
   * {@code -h/--help} and {@code -V/--version} in picocli's own words: what {@code
   * mixinStandardHelpOptions} adds, without the annotation reflection it does to add them.
   */
  static CommandSpec standardHelp(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
    return spec;
  }

  /** An option taking a value of {@code type}, shown as {@code name=label}. */
  static OptionSpec.Builder option(String name, Class<?> type, String label, String description) {
    return OptionSpec.builder(name).type(type).paramLabel(label).description(description);
  }

  /** An option without a value: true when given. */
  static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).description(description).build();
  }

  /** A flag's value after parsing (false when not given). */
  static boolean on(OptionSpec flag) {
    Boolean value = flag.getValue();
    return value != null && value;
  }
}
