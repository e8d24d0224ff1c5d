package dev.soakanalyzer.cli;

import dev.soakanalyzer.app.ExitCode;
import dev.soakanalyzer.app.UsageException;
import dev.soakanalyzer.core.model.InvalidSettingsException;
import dev.soakanalyzer.io.OneLine;
import picocli.CommandLine;

/** The one edge where failures become a one-line {@code error:} message and an exit code. */
final class ErrorHandlers {
  private ErrorHandlers() {}

  /** Bad flags or values: {@code error: ...} plus a hint, exit 2. */
  record Parameters(CliContext context) implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
      context.err().println("error: " + oneLine(ex.getMessage()));
      context
          .err()
          .println(
              "Run '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for usage.");
      context.err().flush();
      return ExitCode.USAGE.code();
    }
  }

  /** Failures while running: usage/input errors exit 2, anything else 1, always one line. */
  record Execution(CliContext context) implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
      if (ex instanceof UsageException) {
        context.err().println("error: " + oneLine(ex.getMessage()));
        context.err().flush();
        return ExitCode.USAGE.code();
      }
      if (ex instanceof InvalidSettingsException invalid) {
        invalid.problems().forEach(p -> context.err().println("error: " + oneLine(p)));
        context.err().flush();
        return ExitCode.USAGE.code();
      }
      context.err().println("error: " + oneLine(describe(ex)));
      context.err().flush();
      return ExitCode.FAILURE.code();
    }
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank()
        ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + m;
  }

  static String oneLine(String message) {
    return OneLine.of(message);
  }
}
