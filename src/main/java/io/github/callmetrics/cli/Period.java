package io.github.callmetrics.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.internal.CallAccess;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.read.ReadException;
import io.github.callmetrics.read.ReadMode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collector;
import org.jspecify.annotations.Nullable;

/**
 * The report's default days (no {@code --from} or {@code --to}), found without holding the calls: a guess from
 * the first and last records of each file (files are usually in time order), then the exact first arrival
 * and last outcome, which the read notes on its way ({@link #tracking}). When the guess was right, which it
 * is for files in time order, the first read is the report; otherwise {@code report} reads again with the
 * exact days. See {@code docs/cli.md}.
 */
final class Period {
  private static final CallAccess CALLS = CallAccess.Holder.get();
  /** The bytes read at each end of a file for the guess. */
  private static final int SAMPLE = 1 << 16;

  private Period() {}

  /** The first arrival and the last outcome (or arrival, for a waiting call) of the calls collected. */
  static final class Span<A> {
    final A container;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    @Nullable Call earliest;
    @Nullable Call latest;

    Span(A container) {
      this.container = container;
    }

    void add(Call call) {
      long a = CALLS.arrivedSecond(call);
      long b = CALLS.exitSecond(call);
      if (a < first) {
        first = a;
        earliest = call;
      }
      if (b > last) {
        last = b;
        latest = call;
      }
    }

    Span<A> merge(Span<A> other, A combined) {
      Span<A> s = new Span<>(combined);
      boolean left = first <= other.first;
      s.first = left ? first : other.first;
      s.earliest = left ? earliest : other.earliest;
      boolean right = last >= other.last;
      s.last = right ? last : other.last;
      s.latest = right ? latest : other.latest;
      return s;
    }

    boolean isEmpty() {
      return earliest == null;
    }

    LocalDate firstDay(ZoneId zone) {
      return Instant.ofEpochSecond(first).atZone(zone).toLocalDate();
    }

    LocalDate lastDay(ZoneId zone) {
      return Instant.ofEpochSecond(last).atZone(zone).toLocalDate();
    }
  }

  /** Wraps a collector so that its container also notes the span of the calls (one comparison pair a call). */
  static <A, R> Collector<Call, Span<A>, Span<R>> tracking(Collector<Call, A, R> collector) {
    BiConsumer<A, Call> add = collector.accumulator();
    return Collector.of(
        () -> new Span<>(collector.supplier().get()),
        (span, call) -> {
          add.accept(span.container, call);
          span.add(call);
        },
        (x, y) -> x.merge(y, collector.combiner().apply(x.container, y.container)),
        span -> {
          Span<R> done = new Span<>(collector.finisher().apply(span.container));
          done.first = span.first;
          done.last = span.last;
          done.earliest = span.earliest;
          done.latest = span.latest;
          return done;
        });
  }

  /** Guesses the first and last days from both ends of every file; empty days if nothing could be read. */
  static @Nullable LocalDate[] guess(CallFiles.Inputs inputs, ZoneId zone) {
    Span<Object> span = new Span<>(new Object());
    for (Path file : inputs.csv()) {
      csvEnds(file, span, inputs.csvLayout());
    }
    for (Path file : inputs.queueLogs()) {
      logEnds(file, span);
    }
    if (span.isEmpty()) {
      return new LocalDate[] {null, null};
    }
    return new LocalDate[] {span.firstDay(zone), span.lastDay(zone)};
  }

  private static void csvEnds(Path file, Span<?> span, UnaryOperator<CsvCallReader> layout) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      byte[] head = read(channel, 0, (int) Math.min(size, SAMPLE));
      int headerEnd = indexOf(head, 0);
      if (headerEnd < 0) {
        return;
      }
      sample(Arrays.copyOf(head, lastLineEnd(head) + 1), span, layout);
      if (size > SAMPLE) {
        byte[] tail = read(channel, size - SAMPLE, SAMPLE);
        int from = indexOf(tail, 0) + 1;
        byte[] joined = Arrays.copyOf(head, headerEnd + 1 + tail.length - from);
        System.arraycopy(tail, from, joined, headerEnd + 1, tail.length - from);
        sample(joined, span, layout);
      }
    } catch (IOException | RuntimeException e) {
      // Only a guess: the read itself reports what is wrong with the file.
    }
  }

  private static void sample(byte[] csv, Span<?> span, UnaryOperator<CsvCallReader> layout) throws IOException {
    try {
      layout.apply(CsvCallReader.of(ReadMode.LENIENT)).withoutDuplicateIdCheck()
          .read(new InputStreamReader(new ByteArrayInputStream(csv), UTF_8), "sample", span::add);
    } catch (ReadException e) {
      // A sample may cut a quoted cell: the guess takes what was read before.
    }
  }

  /** A queue_log's first and last lines start with their epoch seconds. */
  private static void logEnds(Path file, Span<?> span) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      byte[] head = read(channel, 0, (int) Math.min(size, SAMPLE));
      byte[] tail = read(channel, Math.max(0, size - SAMPLE), (int) Math.min(size, SAMPLE));
      long first = epoch(head, 0);
      int end = tail.length;
      while (end > 0 && (tail[end - 1] == '\n' || tail[end - 1] == '\r')) {
        end--;
      }
      int start = end;
      while (start > 0 && tail[start - 1] != '\n') {
        start--;
      }
      long last = epoch(tail, start);
      if (first >= 0 && last >= 0) {
        Call call = Call.waiting("guess", "guess", Instant.ofEpochSecond(first));
        span.add(call);
        span.add(Call.waiting("guess", "guess", Instant.ofEpochSecond(Math.max(first, last))));
      }
    } catch (IOException | RuntimeException e) {
      // Only a guess.
    }
  }

  private static long epoch(byte[] b, int from) {
    long v = 0;
    int i = from;
    while (i < b.length && b[i] >= '0' && b[i] <= '9' && i - from < 12) {
      v = v * 10 + (b[i++] - '0');
    }
    return i > from && i < b.length && b[i] == '|' ? v : -1;
  }

  private static byte[] read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
      // reads until full or the end
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  private static int indexOf(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int lastLineEnd(byte[] b) {
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return b.length - 1;
  }
}
