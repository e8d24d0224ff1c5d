package dev.soakanalyzer.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options shared by several commands (what an annotated mixin was): each declared with {@link
 * #add}, added to a command in declaration order, which is the order its help lists them.
 */
abstract class OptionGroup {
  private final List<OptionSpec> options = new ArrayList<>();

  final OptionSpec add(OptionSpec option) {
    options.add(option);
    return option;
  }

  final CommandSpec addTo(CommandSpec spec) {
    options.forEach(spec::addOption);
    return spec;
  }
}
