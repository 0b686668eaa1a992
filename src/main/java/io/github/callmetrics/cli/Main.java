package io.github.callmetrics.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code callmetrics} command and its subcommands. Exit codes: 0 success, 1 a failure while running
 * (bad input data), 2 a usage error (unknown option, bad option value).
 */
@Command(
    name = "callmetrics",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Contact-center service-level metrics from call records.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    // UTF-8, the encoding of the CSV and JSON the tool prints, whatever the platform's default.
    System.exit(run(new PrintWriter(new OutputStreamWriter(System.out, UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true), args));
  }

  /**
   * Runs the tool with the given output streams, for tests and embedding.
   *
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Builds the command line with every subcommand registered. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    // Subcommands are registered here, one line each.
    cli.addSubcommand(new ReportCommand());
    cli.addSubcommand(new ErlangCommand());
    cli.addSubcommand(new LiveCommand());
    cli.addSubcommand(new AsteriskShowCommand());
    cli.setExecutionExceptionHandler(new FailureHandler());
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

  /** Turns an exception from a command into a one-line message on stderr and exit code 1. */
  static final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
      cli.getErr().println("callmetrics: " + e.getMessage());
      return 1;
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
