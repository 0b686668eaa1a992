package io.github.callmetrics.csv;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.read.internal.ReadTracker;
import io.github.callmetrics.read.internal.RunCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collector;
import org.jspecify.annotations.Nullable;

/**
 * Collects the calls of one file for {@link CsvCallReader#collect}: on the calling thread, or, for a large file,
 * in {@link FilePart}s read on threads of their own after the header is read once here (its delimiter and
 * columns then hold for every part).
 */
final class CsvParts {
  /** The most parts of a file: the run-wide duplicate check numbers a call's part in 12 bits. */
  private static final int MAX_PARTS = 1 << 12;

  private final ReadMode mode;
  private final CsvLayout layout;
  private final int parallelism;
  private final long minPartBytes;

  CsvParts(ReadMode mode, CsvLayout layout, int parallelism, long minPartBytes) {
    this.mode = mode;
    this.layout = layout;
    this.parallelism = parallelism;
    this.minPartBytes = minPartBytes;
  }

  /** Reads one file into a container of its own, with the run's duplicate check if there is one. */
  <A> FilePart.Combined<A> collectFile(Path file, String source, Collector<? super Call, A, ?> collector,
      @Nullable RunCheck run) throws IOException {
    long size = Files.size(file);
    int sourceIndex = run == null ? 0 : run.newSource(source, size);
    BiConsumer<A, ? super Call> add = collector.accumulator();
    long parts = Math.min(Math.min(parallelism, MAX_PARTS), size / minPartBytes);
    if (parts < 2) {
      A container = collector.supplier().get();
      Consumer<Call> sink = call -> add.accept(container, call);
      ReadTracker tracker = run == null ? ReadTracker.streaming(mode, sink)
          : ReadTracker.streaming(mode, sink, run.tap(RunCheck.CSV, sourceIndex, 0), source);
      tracker.startSource(source);
      try (InputStream in = Files.newInputStream(file)) {
        new CsvSession(new CsvTokenizer(in), source, tracker, size, false, layout).read();
      }
      return new FilePart.Combined<>(container, tracker.report());
    }
    // The header, read once here; its defects stop the read as on one thread.
    ReadTracker headerTracker = ReadTracker.streaming(mode, call -> { });
    headerTracker.startSource(source);
    CsvSession head;
    long bodyStart;
    try (InputStream in = Files.newInputStream(file)) {
      head = new CsvSession(new CsvTokenizer(in), source, headerTracker, size, false, layout);
      head.readHeader();
      bodyStart = head.t.position();
    }
    long[] starts = FilePart.starts(file, bodyStart, size, (int) parts);
    List<FilePart<A>> all = new ArrayList<>(starts.length);
    String idField = "column " + head.row.roleName(RowParser.ID);
    for (int k = 0; k < starts.length; k++) {
      A container = collector.supplier().get();
      Consumer<Call> sink = call -> add.accept(container, call);
      ReadTracker tracker;
      if (run == null) {
        tracker = ReadTracker.streaming(mode, sink);
      } else {
        tracker = ReadTracker.streaming(mode, sink, run.tap(RunCheck.CSV, sourceIndex, k), source);
        tracker.tap().ifPresent(tap -> tap.field(idField));
      }
      all.add(new FilePart<>(k, starts, container, tracker));
    }
    List<Thread> threads = new ArrayList<>();
    for (FilePart<A> part : all.subList(1, all.size())) {
      Thread thread = new Thread(() -> readPart(file, source, head, part), "callmetrics-csv-part-" + part.index);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    readPart(file, source, head, all.get(0));
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.forEach(Thread::interrupt);
      throw new InterruptedIOException("interrupted while the parts of " + source + " were read");
    }
    return FilePart.combine(all, collector, head.t.nextLine(), source, headerTracker.report().ignoredColumns(),
        run, sourceIndex);
  }

  /** Reads one part of a file on the current thread; what stops it is kept in the part. */
  private void readPart(Path file, String source, CsvSession header, FilePart<?> part) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long start = part.start();
      channel.position(start);
      CsvTokenizer t = CsvTokenizer.continuing(Channels.newInputStream(channel), start);
      t.delimiter(header.t.delimiter());
      CsvSession session = new CsvSession(t, source, part.tracker, -1, false, layout);
      session.row.columnsOf(header.row);
      session.part = part;
      session.body();
    } catch (ReadException e) {
      part.stopped = e;
    } catch (IOException | RuntimeException | Error e) {
      part.failure = e;
    }
  }
}
