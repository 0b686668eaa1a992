package io.github.callmetrics.csv;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadReport;
import io.github.callmetrics.read.SkippedRecord;
import io.github.callmetrics.read.internal.ReadTracker;
import io.github.callmetrics.read.internal.RunCheck;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collector;
import org.jspecify.annotations.Nullable;

/**
 * One part of a CSV file read on a thread of its own ({@link CsvCallReader#collect}): from the start of a
 * line to the start of the next part, with its own container and tracker. Parts start at line ends, which
 * are record starts unless a line end falls inside a quoted field. A part's reader finds that out: it
 * stops after the record that ends exactly at the next part's start, and a record that ends past it
 * shows that the next part started inside a record, so the reader goes on over that part's bytes (whose
 * own work is dropped) to the start of the one after. The parts whose start a reader ended exactly on
 * form a chain from the first to the end of the file: their records are the file's, once each, in order.
 *
 * <p>Line numbers in a part count from 1 at its start; {@link #combine} moves them to the file's lines.
 */
final class FilePart<A> {
  final int index;
  private final long[] starts;
  final A container;
  final ReadTracker tracker;
  /** The part whose start this part reads up to: the next one, or later ones after a record ran past. */
  private int next;
  /** The part whose start this part's last record ended exactly on, or -1 (the end of the file). */
  private int stoppedAt = -1;
  /** This part's line number (from 1 at its start) of the record at {@link #stoppedAt}'s start. */
  private long lineAtStop;
  /** The defect that stopped this part (STRICT, or a defect that stops any read). */
  @Nullable ReadException stopped;
  /** An input failure or the collector's exception: an IOException, a RuntimeException or an Error. */
  @Nullable Throwable failure;

  /** A file's container, its parts' combined, not yet finished; and the file's report. */
  record Combined<A>(A container, ReadReport report) {}

  FilePart(int index, long[] starts, A container, ReadTracker tracker) {
    this.index = index;
    this.starts = starts;
    this.container = container;
    this.tracker = tracker;
    this.next = index + 1;
  }

  /** Returns where the part starts: a byte offset in the file. */
  long start() {
    return starts[index];
  }

  /**
   * Checks a record's end against the next parts' starts.
   *
   * @param position  the byte offset in the file just after the record
   * @param nextLine  this part's line number of the next record
   * @return true if the part ends here: the record ended exactly where a later part starts
   */
  boolean endsAt(long position, long nextLine) {
    while (next < starts.length && position >= starts[next]) {
      if (position == starts[next]) {
        stoppedAt = next;
        lineAtStop = nextLine;
        return true;
      }
      next++; // the record ran past that part's start, which therefore fell inside a record: read on over it
    }
    return false;
  }

  /**
   * Returns where parts start: {@code bodyStart}, then the start of the line after each of the {@code
   * parts - 1} evenly spaced points of the rest of the file (points with no line start before the next
   * part's or the end are dropped), increasing.
   */
  static long[] starts(Path file, long bodyStart, long size, int parts) throws IOException {
    long[] starts = new long[parts];
    int count = 0;
    starts[count++] = bodyStart;
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int k = 1; k < parts; k++) {
        long point = bodyStart + (size - bodyStart) / parts * k;
        long lineStart = lineStartFrom(channel, Math.max(point, starts[count - 1] + 1) - 1, buffer);
        if (lineStart < size) {
          starts[count++] = lineStart;
        }
      }
    }
    return Arrays.copyOf(starts, count);
  }

  /** Returns the offset just after the first LF at or after {@code from}, or the file's size if none. */
  private static long lineStartFrom(FileChannel channel, long from, ByteBuffer buffer) throws IOException {
    long p = from;
    while (true) {
      buffer.clear();
      int read = channel.read(buffer, p);
      if (read < 0) {
        return channel.size();
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) == '\n') {
          return p + i + 1;
        }
      }
      p += read;
    }
  }

  /**
   * Follows the chain of parts from the first, combining their containers in order and their reports with
   * the file's line numbers.
   *
   * @param firstLine  the file's line number of the first part's first record
   * Tells a run's duplicate check where each part's lines are in the file (the parts off the chain, or
   * after a part that stopped, have none: their work is dropped).
   *
   * @throws ReadException at the first defect in the chain that stopped its part
   */
  static <A> Combined<A> combine(List<FilePart<A>> parts, Collector<? super Call, A, ?> collector,
      long firstLine, String source, List<String> ignoredColumns, @Nullable RunCheck run, int sourceIndex)
      throws IOException {
    for (FilePart<A> part : parts) {
      if (part.failure instanceof Error) {
        throw (Error) part.failure; // whichever part: the JVM is in trouble
      }
    }
    List<SkippedRecord> skipped = new ArrayList<>();
    Map<String, SkippedRecord> notices = new LinkedHashMap<>();
    long calls = 0;
    @Nullable A combined = null;
    long lineBase = firstLine - 1; // the file's line = the part's line + lineBase
    long[] bases = new long[parts.size()];
    Arrays.fill(bases, -1);
    FilePart<A> part = parts.get(0);
    while (true) {
      bases[part.index] = lineBase;
      Throwable failure = part.failure;
      if (failure instanceof IOException) {
        throw (IOException) failure;
      } else if (failure instanceof RuntimeException) {
        throw (RuntimeException) failure;
      } else if (failure != null) {
        throw new AssertionError("a part kept a failure that is neither an IOException nor unchecked", failure);
      }
      ReadReport report = part.tracker.report();
      for (SkippedRecord record : report.skipped()) {
        skipped.add(moved(record, lineBase));
      }
      for (Map.Entry<String, SkippedRecord> notice : part.tracker.notices().entrySet()) {
        notices.putIfAbsent(notice.getKey(), moved(notice.getValue(), lineBase)); // once per file, as on one thread
      }
      calls += report.callCount();
      ReadException stop = part.stopped;
      if (stop != null) {
        if (run != null) {
          run.parts(sourceIndex, bases);
        }
        ReadReport before = ReadReport.of(List.of(source), calls, skipped, ignoredColumns)
            .withNotices(List.copyOf(notices.values()));
        throw new ReadException(moved(stop.defect(), lineBase), List.of(), before);
      }
      combined = combined == null ? part.container : collector.combiner().apply(combined, part.container);
      if (part.stoppedAt < 0) {
        break;
      }
      lineBase += part.lineAtStop - 1;
      part = parts.get(part.stoppedAt);
    }
    if (run != null) {
      run.parts(sourceIndex, bases);
    }
    return new Combined<>(combined, ReadReport.of(List.of(source), calls, skipped, ignoredColumns)
        .withNotices(List.copyOf(notices.values())));
  }

  private static SkippedRecord moved(SkippedRecord record, long lines) {
    return SkippedRecord.of(record.source(), record.line() + lines, record.field(), record.value(), record.rule());
  }
}
