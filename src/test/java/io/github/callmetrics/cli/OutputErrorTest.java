package io.github.callmetrics.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A failed write of standard output is an error (exit 1, a message); a closed pipe is quiet (exit 141). */
class OutputErrorTest {
  private static final String S1 = "src/sample/asterisk/s1_single_q_sl20/";
  private static final Path DEV_FULL = Path.of("/dev/full");

  /** Every command, with arguments that print something. */
  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("report", "--format", "csv", "src/sample/calls.csv"),
        List.of("report", "--interval", "period", S1 + "queue_log"),
        List.of("asterisk-show", "--queues-conf", S1 + "queues.conf", S1 + "queue_log"),
        List.of("asterisk-live", "--once", "--queues-conf", S1 + "queues.conf", S1 + "queue_log"),
        List.of("erlang", "c", "--erlangs", "10", "--aht", "PT3M", "--agents", "11"),
        List.of("erlang", "c", "--erlangs", "10", "--aht", "PT3M", "--agents", "11", "--format", "json"),
        List.of("--help"),
        List.of("report", "--help"),
        List.of("--version"));
  }

  /** What one run on raw streams printed. */
  record Run(int exitCode, String err) {}

  private static Run run(OutputStream stdout, List<String> args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(stdout, err, args.toArray(new String[0]));
    return new Run(code, err.toString(UTF_8));
  }

  /** A stream that takes {@code capacity} bytes, then fails every write with {@code message}. */
  static final class FailingStream extends OutputStream {
    final String message;
    final long capacity;
    long written;
    int writesAfterFailure;
    boolean failed;

    FailingStream(String message, long capacity) {
      this.message = message;
      this.capacity = capacity;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (failed) {
        writesAfterFailure++;
      }
      if (written + len > capacity) {
        failed = true;
        throw new IOException(message);
      }
      written += len;
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aFullDiskIsAnErrorWithItsReason(List<String> args) {
    FailingStream full = new FailingStream("No space left on device", 0);
    Run run = run(full, args);
    assertThat(run.exitCode()).as("%s", args).isEqualTo(1);
    assertThat(run.err()).as("%s", args).isEqualTo("callmetrics: cannot write the output: No space left on device\n");
    assertThat(full.failed).isTrue();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void aClosedPipeIsQuietWithTheExitCodeOfSigpipe(List<String> args) {
    Run run = run(new FailingStream("Broken pipe", 0), args);
    assertThat(run.exitCode()).as("%s", args).isEqualTo(141);
    assertThat(run.err()).as("%s", args).isEmpty();
  }

  @Test
  void theCommandStopsAtTheFirstFailedWrite() {
    // The sample's CSV report is about 8 MB: 100 kB are taken, then one write fails and none is tried again.
    FailingStream pipe = new FailingStream("Broken pipe", 100_000);
    Run run = run(pipe, List.of("report", "--format", "csv", "src/sample/calls.csv"));
    assertThat(run.exitCode()).isEqualTo(141);
    assertThat(run.err()).isEmpty();
    assertThat(pipe.written).isBetween(90_000L, 100_000L);
    assertThat(pipe.writesAfterFailure).isZero();
  }

  /** Without --once the wallboard redraws every second: a closed pipe ends it at the first redraw. */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a guard against a hang, not a measure
  void theFollowingWallboardEndsWhenItsReaderGoes() {
    FailingStream pipe = new FailingStream("Broken pipe", 0);
    Run run = run(pipe, List.of("asterisk-live", S1 + "queue_log"));
    assertThat(run.exitCode()).isEqualTo(141);
    assertThat(run.err()).isEmpty();
    assertThat(pipe.writesAfterFailure).isZero();
  }

  @Test
  void aFailureAfterPartOfTheOutputIsStillAnError() {
    FailingStream full = new FailingStream("No space left on device", 100_000);
    Run run = run(full, List.of("report", "--format", "csv", "src/sample/calls.csv"));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("callmetrics: cannot write the output: No space left on device\n");
    assertThat(full.writesAfterFailure).isZero();
  }

  @Test
  void outputThatFitsIsWrittenWhole() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Run run = run(out, List.of("asterisk-show", "--queues-conf", S1 + "queues.conf", S1 + "queue_log"));
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(out.toString(UTF_8)).isEqualTo("q1 has 0 calls (max unlimited) in 'rrmemory' strategy (16s holdtime,"
        + " 21s talktime), W:0, C:35, A:10, SL:65.7%, SL2:64.4% within 20s\n");
  }

  @Test
  void aCallersPrintWriterThatFailedIsAnErrorWithoutAReason() {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FailingStream("No space left on device", 0), UTF_8));
    StringWriter err = new StringWriter();
    int code = Main.run(out, new PrintWriter(err), "asterisk-show", "--queues-conf", S1 + "queues.conf",
        S1 + "queue_log");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("callmetrics: cannot write the output\n");
  }

  @Test
  void devFullInProcess() throws IOException {
    assumeTrue(Files.exists(DEV_FULL), "/dev/full is a Linux device");
    try (FileOutputStream full = new FileOutputStream(DEV_FULL.toFile())) {
      Run run = run(full, List.of("report", "--interval", "period", S1 + "queue_log"));
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("callmetrics: cannot write the output: No space left on device\n");
    }
  }

  /** The real main in a new JVM: standard output is /dev/full, then a pipe closed before anything is written. */
  @Test
  void theRealProcessOnDevFullAndOnAClosedPipe() throws Exception {
    assumeTrue(Files.exists(DEV_FULL), "/dev/full is a Linux device");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "report", "--format", "csv",
        "src/sample/calls.csv"));

    Process full = new ProcessBuilder(command).redirectOutput(new File("/dev/full")).start();
    String fullErr = new String(full.getErrorStream().readAllBytes(), UTF_8);
    assertThat(full.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(full.exitValue()).isEqualTo(1);
    assertThat(fullErr).isEqualTo("callmetrics: cannot write the output: No space left on device\n");

    Process pipe = new ProcessBuilder(command).start();
    pipe.getInputStream().close(); // the reader goes away, as head does
    String pipeErr = new String(pipe.getErrorStream().readAllBytes(), UTF_8);
    assertThat(pipe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(pipe.exitValue()).isEqualTo(141);
    assertThat(pipeErr).isEmpty();
  }
}
