package io.github.callmetrics.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tool's standard output: passes bytes on to the real stream and, at the first write or flush that fails,
 * keeps the {@link IOException} and throws {@link Failed} (unchecked), which no {@code PrintWriter} swallows,
 * so the command stops at once (a report does not format a million rows into a closed pipe, and
 * {@code asterisk-live} does not redraw forever). Every later write or flush throws again without writing.
 * {@link Main} turns the failure into a message and an exit code. Not thread-safe, like the commands.
 */
final class StandardOutput extends OutputStream {
  /** Exit code when the reader of the output went away: 128 + SIGPIPE (13), what a shell reports for C tools. */
  static final int CLOSED_PIPE_EXIT_CODE = 141;

  private final OutputStream out;
  private @Nullable IOException failure;

  StandardOutput(OutputStream out) {
    this.out = requireNonNull(out, "out");
  }

  @Override
  public void write(int b) {
    check();
    try {
      out.write(b);
    } catch (IOException e) {
      throw fail(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    check();
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw fail(e);
    }
  }

  @Override
  public void flush() {
    check();
    try {
      out.flush();
    } catch (IOException e) {
      throw fail(e);
    }
  }

  /** Flushes; the stream itself (the process's standard output) is left open. */
  @Override
  public void close() {
    flush();
  }

  /** Returns the first write or flush error, if there was one. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }

  private void check() {
    if (failure != null) {
      throw new Failed(failure);
    }
  }

  private Failed fail(IOException e) {
    failure = e;
    return new Failed(e);
  }

  /**
   * Whether a write error means the reader closed the pipe ({@code | head}): EPIPE, which the JVM reports
   * (it ignores SIGPIPE) as an {@code IOException} whose message is the C library's text, as on Windows.
   */
  static boolean isClosedPipe(IOException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return message.contains("broken pipe") || message.contains("pipe is being closed")
        || message.contains("pipe has been ended");
  }

  /**
   * Thrown by every write after standard output failed. Not an {@code UncheckedIOException}, so that no
   * command's handling of its input files mistakes it for a read error.
   */
  static final class Failed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failed(IOException cause) {
      super(cause.getMessage(), cause, false, false);
    }

    /** Returns the failed write's exception. */
    IOException ioException() {
      return (IOException) requireNonNull(getCause());
    }
  }
}
