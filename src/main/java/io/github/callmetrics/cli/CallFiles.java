package io.github.callmetrics.cli;

import io.github.callmetrics.asterisk.IncompleteCall;
import io.github.callmetrics.asterisk.QueueLogReader;
import io.github.callmetrics.asterisk.QueueLogReport;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.SourceFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the call files named on a command line, whatever their format: CSV files one by one, and every
 * {@code queue_log} together, in the order given (so rotated logs can be named oldest first and calls that
 * span a rotation are joined). Everything not turned into a call is said on standard error: skipped records
 * (lenient mode) and calls the log does not finish.
 */
final class CallFiles {
  private CallFiles() {}

  /** The calls read, and how many records were skipped. */
  record Result(List<Call> calls, long skipped) {}

  /**
   * Reads every file.
   *
   * @throws IllegalArgumentException if a file is missing or of no known format (a usage error)
   * @throws io.github.callmetrics.read.ReadException at the first bad record in strict mode
   * @throws UncheckedIOException if a file cannot be read
   */
  static Result read(List<Path> files, boolean lenient, PrintWriter err) {
    ReadMode mode = lenient ? ReadMode.LENIENT : ReadMode.STRICT;
    List<Path> csv = new ArrayList<>();
    List<Path> queueLogs = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("file " + file + " does not exist or is not a regular file");
      }
      Optional<SourceFormat> format = detect(file);
      if (format.isEmpty()) {
        throw new IllegalArgumentException("file " + file
            + " is neither a CSV call file nor an Asterisk queue_log (expected a header line such as"
            + " id,queue,arrived,outcome,ended or lines such as 1795411251|1795411251.1|q1|NONE|ENTERQUEUE||1|1)");
      }
      (format.get() == SourceFormat.CSV ? csv : queueLogs).add(file);
    }
    List<Call> calls = new ArrayList<>();
    long skipped = 0;
    try {
      for (Path file : csv) {
        skipped += report(CsvCallReader.of(mode).read(file, calls::add), err);
      }
      if (!queueLogs.isEmpty()) {
        QueueLogReport log = QueueLogReader.of(mode).read(queueLogs, calls::add);
        skipped += report(log.read(), err);
        for (IncompleteCall call : log.incomplete()) {
          err.println("callmetrics: not in the report, the log does not finish it: " + call);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(calls, skipped);
  }

  private static Optional<SourceFormat> detect(Path file) {
    try {
      return SourceFormat.detect(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long report(ReadReport read, PrintWriter err) {
    for (SkippedRecord record : read.skipped()) {
      err.println("callmetrics: skipped " + record.message());
    }
    if (read.skippedCount() > 0) {
      err.println("callmetrics: " + read.skippedCount() + " records skipped in " + String.join(", ", read.sources()));
    }
    for (String column : read.ignoredColumns()) {
      err.println("callmetrics: column " + column + " is not a Callmetrics column and was ignored");
    }
    return read.skippedCount();
  }
}
