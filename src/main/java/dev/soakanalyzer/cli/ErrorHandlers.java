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
      if (ex instanceof CommandLine.UnmatchedArgumentException
          && java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--iter-glob"))) {
        context
            .err()
            .println(
                "The shell may have expanded the glob into file names: quote it,"
                    + " e.g. --iter-glob 'artifacts/soak/latest/ITER_SUMMARY_*.json'.");
      }
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

  /**
   * What went wrong, in words, naming the path: never a Java class name. I/O failures are the
   * common case (a full disk, a file as out-dir, an unreadable directory).
   */
  static String describe(Throwable t) {
    Throwable e =
        t instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : t;
    if (e instanceof java.nio.file.FileSystemException fs) {
      String path = fs.getFile() == null ? "a file" : fs.getFile();
      String reason = fs.getReason();
      if (e instanceof java.nio.file.AccessDeniedException) {
        reason = "permission denied";
      } else if (e instanceof java.nio.file.NoSuchFileException) {
        reason = "no such file or directory";
      } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
        reason = "exists and is in the way (a file where a directory is needed?)";
      } else if (e instanceof java.nio.file.NotDirectoryException) {
        reason = "is not a directory";
      } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
        reason = "is a directory that is not empty";
      }
      return "cannot write or read "
          + path
          + ": "
          + (reason == null ? "file system error" : reason);
    }
    String m = e.getMessage();
    if (e instanceof java.io.IOException) {
      return m == null || m.isBlank() ? "input/output error" : "input/output error: " + m;
    }
    return m == null || m.isBlank() ? "unexpected failure" : m;
  }

  static String oneLine(String message) {
    return OneLine.of(message);
  }
}
