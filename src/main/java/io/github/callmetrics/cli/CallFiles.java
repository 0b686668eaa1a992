package io.github.callmetrics.cli;

import io.github.callmetrics.asterisk.IncompleteCall;
import io.github.callmetrics.asterisk.QueueLogReader;
import io.github.callmetrics.asterisk.QueueLogReport;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.read.CollectedRead;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.SourceFormat;
import io.github.callmetrics.read.internal.RunCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collector;
import org.jspecify.annotations.Nullable;

/**
 * Reads the call files named on a command line, whatever their format, straight into a collector (a report),
 * holding no call: the CSV files in the order given with {@link CsvCallReader#collect(List, Collector)}
 * (every core, one duplicate check across them), then every {@code queue_log} together, in the order given
 * (rotated logs, in any order, are read by their own time, and calls that span a rotation are joined), through one
 * duplicate check of their own ({@link RunCheck}: a queue_log's call is its callid, queue and arrival, a CSV
 * call its queue and id, so the two kinds never match). What was not turned into a call is said on standard
 * error by {@link Result#print}: skipped records (lenient mode) and calls the log does not finish.
 */
final class CallFiles {
  private CallFiles() {}

  /** The files of a command line, by format, in the order given. */
  /** The files by format, and how the CSV files are laid out (delimiter, column names, source zone). */
  record Inputs(List<Path> csv, List<Path> queueLogs, UnaryOperator<CsvCallReader> csvLayout) {}

  /** What a read made: the collected value, and the reports to print. */
  record Result<R>(R value, @Nullable ReadReport csv, @Nullable QueueLogReport log) {
    /** Returns the number of records skipped. */
    long skipped() {
      return (csv == null ? 0 : csv.skippedCount()) + (log == null ? 0 : log.read().skippedCount());
    }

    /**
     * Refuses a read that kept nothing because every record was skipped (lenient mode): bad data, exit 1, said
     * after the skipped records are listed. A report of nothing would pass for one of a quiet period.
     *
     * @throws IllegalStateException if records were skipped and no call was read
     */
    void requireACall() {
      long calls = (csv == null ? 0 : csv.callCount()) + (log == null ? 0 : log.read().callCount());
      if (calls == 0 && skipped() > 0) {
        throw new IllegalStateException("every record was skipped (" + skipped() + " of " + skipped()
            + "): no call is left to report (expected at least one good record)");
      }
    }

    /** Says on standard error what was skipped, ignored or left unfinished. */
    void print(PrintWriter err) {
      if (csv != null) {
        report(csv, err);
        for (SkippedRecord time : csv.notices()) {
          err.println("callmetrics: notice: " + time.message());
        }
      }
      if (log != null) {
        report(log.read(), err);
        printNotes(log, err);
        for (IncompleteCall call : log.incomplete()) {
          err.println("callmetrics: not in the report, the log does not finish it: " + call);
        }
      }
    }
  }

  /**
   * Says on standard error what a {@code queue_log} read passed over without a defect: notices, lines out of time
   * order, exact repeats and the events ignored by name. One place for {@code report} and {@code asterisk-show}.
   */
  static void printNotes(QueueLogReport log, PrintWriter err) {
    for (SkippedRecord time : log.ambiguousTimes()) {
      err.println("callmetrics: notice: " + time.message());
    }
    for (SkippedRecord notice : log.notices()) {
      err.println("callmetrics: notice: " + notice.message());
    }
    for (SkippedRecord reversal : log.timeReversals()) {
      err.println("callmetrics: warning: read although out of time order: " + reversal.message());
    }
    if (log.repeatedLines() > 0) {
      err.println("callmetrics: notice: " + log.repeatedLines() + " lines repeat, byte for byte, a line already read"
          + " for their call, and were ignored (a log collected by tail or replication?)");
    }
    if (!log.ignoredEvents().isEmpty()) {
      StringBuilder counts = new StringBuilder();
      log.ignoredEvents().forEach((name, n) -> counts.append(counts.length() == 0 ? "" : ", ").append(name)
          .append(' ').append(n));
      err.println("callmetrics: notice: lines ignored by --ignore-event: " + counts);
    }
  }

  /**
   * Sorts the files by format.
   *
   * @throws IllegalArgumentException if a file is missing or of no known format (a usage error)
   */
  static Inputs inputs(List<Path> files, UnaryOperator<CsvCallReader> csvLayout) {
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
      if (format.get() == SourceFormat.CSV && isGzip(file)) {
        throw new IllegalArgumentException("file " + file + " is a gzip-compressed CSV call file, which the CSV"
            + " reader does not decompress (expected it decompressed: gunzip it first; queue_log files may be .gz)");
      }
      (format.get() == SourceFormat.CSV ? csv : queueLogs).add(file);
    }
    return new Inputs(List.copyOf(csv), List.copyOf(queueLogs), csvLayout);
  }

  /**
   * Reads every file into the collector, the {@code queue_log} files with {@code logs} (its zone for a table's
   * local times, the events it ignores, the queues' spellings).
   *
   * @throws io.github.callmetrics.read.ReadException at the first bad record (or repeated call) in strict mode
   * @throws UncheckedIOException if a file cannot be read
   */
  static <A, R> Result<R> collect(Inputs inputs, boolean lenient, QueueLogReader logs,
      Collector<Call, A, R> collector) {
    ReadMode mode = lenient ? ReadMode.LENIENT : ReadMode.STRICT;
    Collector<Call, A, A> unfinished = Collector.of(collector.supplier(), collector.accumulator(),
        collector.combiner());
    try {
      A container = null;
      ReadReport csv = null;
      if (!inputs.csv().isEmpty()) {
        CollectedRead<A> read = inputs.csvLayout().apply(CsvCallReader.of(mode)).collect(inputs.csv(), unfinished);
        container = read.value();
        csv = read.report();
      }
      QueueLogReport log = null;
      if (!inputs.queueLogs().isEmpty()) {
        Logs<A> read = readLogs(inputs.queueLogs(), logs, collector);
        container = container == null ? read.container : collector.combiner().apply(container, read.container);
        log = read.report;
      }
      if (container == null) {
        container = collector.supplier().get();
      }
      return new Result<>(collector.finisher().apply(container), csv, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Logs<A>(A container, QueueLogReport report) {}

  private static <A> Logs<A> readLogs(List<Path> files, QueueLogReader reader, Collector<Call, A, ?> collector)
      throws IOException {
    BiConsumer<A, Call> add = collector.accumulator();
    try (RunCheck run = RunCheck.create()) {
      return run.run(() -> {
        A container = collector.supplier().get();
        QueueLogReport report = reader.read(files,
            run.delivery(RunCheck.QUEUE_LOG, call -> add.accept(container, call)));
        return new Logs<>(container, report);
      });
    }
  }

  private static boolean isGzip(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<SourceFormat> detect(Path file) {
    try {
      return SourceFormat.detect(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void report(ReadReport read, PrintWriter err) {
    for (SkippedRecord record : read.skipped()) {
      err.println("callmetrics: skipped " + record.message());
    }
    if (read.skippedCount() > 0) {
      err.println("callmetrics: " + read.skippedCount() + " records skipped in " + String.join(", ", read.sources()));
    }
    for (String column : read.ignoredColumns()) {
      err.println("callmetrics: column " + column + " is not a Callmetrics column and was ignored");
    }
  }
}
