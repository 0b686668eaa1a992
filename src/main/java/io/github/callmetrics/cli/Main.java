package io.github.callmetrics.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.internal.Text;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code callmetrics} command and its subcommands. Exit codes: 0 success, 1 a failure while running
 * (bad input data, or standard output could not be written), 2 a usage error (unknown option, bad option
 * value), 141 standard output is a pipe whose reader has gone ({@code | head}), said with no message.
 */
@Command(
    name = "callmetrics",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Contact-center service-level metrics from call records.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  private static final int OUTPUT_BUFFER_CHARS = 1 << 16;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    // The file descriptor, not System.out: a PrintStream keeps no IOException, so a failed write would vanish.
    System.exit(run(new FileOutputStream(FileDescriptor.out), System.err, args));
  }

  /**
   * Runs the tool on raw streams, as {@link #main} does: standard output is written through a
   * {@link StandardOutput}, so the first write that fails stops the command and is reported with its reason.
   * UTF-8 on both, the encoding of the CSV and JSON the tool prints, whatever the platform's default.
   */
  static int run(OutputStream stdout, OutputStream stderr, String... args) {
    // Buffered: a report writes millions of short cells, and each write into the encoder costs more than a copy.
    PrintWriter out = new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(new StandardOutput(stdout), UTF_8), OUTPUT_BUFFER_CHARS));
    return run(out, new PrintWriter(new OutputStreamWriter(stderr, UTF_8), true), args);
  }

  /**
   * Runs the tool with the given output streams, for tests and embedding. If writing {@code out} fails, the
   * exit code is 1 and {@code err} says so (with the reason when {@code out} was made by {@link #main}).
   *
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter rawErr, String... args) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    // Messages quote what the files hold: a NUL, an escape or a byte that is not UTF-8 is shown, not sent raw.
    PrintWriter err = new PrintWriter(new Escaping(rawErr), true);
    cli.setErr(err);
    FailureHandler handler = (FailureHandler) cli.getExecutionExceptionHandler();
    int code;
    try {
      code = cli.execute(args);
      out.flush(); // the last buffered bytes can fail too (/dev/full fails only here for a short output)
    } catch (StandardOutput.Failed e) { // the help or version text, or the last flush
      return outputFailed(e.ioException(), err);
    }
    Optional<StandardOutput.Failed> failed = handler.outputFailure();
    if (failed.isPresent()) {
      return outputFailed(failed.get().ioException(), err);
    }
    if (out.checkError()) { // a caller's PrintWriter, which keeps only that something failed
      err.println("callmetrics: cannot write the output");
      err.flush();
      return 1;
    }
    err.flush();
    return code;
  }

  /** Says why the output could not be written, except to a pipe whose reader has gone, which is quiet. */
  private static int outputFailed(IOException e, PrintWriter err) {
    if (StandardOutput.isClosedPipe(e)) {
      return StandardOutput.CLOSED_PIPE_EXIT_CODE;
    }
    err.println("callmetrics: cannot write the output" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    err.flush();
    return 1;
  }

  /** Builds the command line with every subcommand registered. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    // Subcommands are registered here, one line each.
    cli.addSubcommand(new ReportCommand());
    cli.addSubcommand(new ErlangCommand());
    cli.addSubcommand(new LiveCommand());
    cli.addSubcommand(new AsteriskShowCommand());
    FailureHandler failures = new FailureHandler();
    cli.setExecutionExceptionHandler(failures);
    cli.setExecutionStrategy(failures::execute);
    cli.setParameterExceptionHandler(Main::usageError);
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
  }

  /** A usage error: the message and where to find help, not the whole help text; exit code 2. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("callmetrics: " + e.getMessage());
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for the options.");
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  /**
   * Turns an exception from a command into a one-line message on stderr and exit code 1; a failed write of
   * standard output is kept for {@link #run(PrintWriter, PrintWriter, String...)} to report.
   */
  static final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    private StandardOutput.@Nullable Failed outputFailure;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StandardOutput.Failed) {
          outputFailure = (StandardOutput.Failed) t;
          return 1;
        }
      }
      cli.getErr().println("callmetrics: " + e.getMessage());
      return 1;
    }

    /**
     * Runs the command as picocli does by default, keeping a failed write of the help or version text, which
     * picocli would print with its stack trace.
     */
    int execute(CommandLine.ParseResult parseResult) {
      try {
        return new CommandLine.RunLast().execute(parseResult);
      } catch (StandardOutput.Failed e) {
        outputFailure = e;
        return 1;
      }
    }

    Optional<StandardOutput.Failed> outputFailure() {
      return Optional.ofNullable(outputFailure);
    }
  }

  /** Writes text as messages show it ({@link Text#escaped}), line by line: only the line ends are kept raw. */
  private static final class Escaping extends FilterWriter {
    Escaping(Writer out) {
      super(out);
    }

    @Override
    public void write(int c) throws IOException {
      write(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      write(new String(cbuf, off, len), 0, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      int s = off;
      int end = off + len;
      for (int i = off; i < end; i++) {
        char c = str.charAt(i);
        boolean lineEnd = c == '\n' || (c == '\r' && i + 1 < end && str.charAt(i + 1) == '\n');
        if (lineEnd) {
          out.write(Text.escaped(str.substring(s, i)));
          out.write(c);
          s = i + 1;
        }
      }
      out.write(Text.escaped(str.substring(s, end)));
    }
  }

  /** Prints the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"callmetrics " + (version == null ? "(development build)" : version)};
    }
  }
}
