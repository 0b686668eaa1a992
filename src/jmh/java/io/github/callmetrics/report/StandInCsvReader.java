package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * STAND-IN, benchmark sources only: a small streaming reader of the documented call CSV
 * ({@code id,queue,channel,arrived,outcome,ended,handle_time}; ISO-8601 instants with an offset or {@code Z};
 * outcomes answered, abandoned, timeout, queue-empty, key-press, overflow, waiting; handle time in seconds,
 * decimals allowed; no quoted fields). It exists so the end-to-end benchmark can run before the real reader
 * ({@code io.github.callmetrics.csv}, FastCSV-based) is merged; swap {@link #calls(Path)} for it then.
 *
 * <p>The stream splits by byte range at line starts, so a parallel stream reads the file with every thread,
 * each with one reused 4 MiB buffer; rows are never all in memory.
 */
final class StandInCsvReader {
  private static final int BUFFER = 4 << 20;
  private static final long MIN_SPLIT = 64L << 20;

  private StandInCsvReader() {}

  /** The calls of a file, as a stream that may be made parallel. The caller closes nothing: the stream owns the file. */
  static Stream<Call> calls(Path file) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      return StreamSupport.stream(new Reader(channel, 0, channel.size()), false).onClose(() -> {
        try {
          channel.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Reader implements Spliterator<Call> {
    private final FileChannel file;
    private long position;
    private long end;
    private byte[] buffer = new byte[0];
    private int at;
    private int limit;
    private final String[] queues = new String[256];

    Reader(FileChannel file, long start, long end) {
      this.file = file;
      this.position = start;
      this.end = end;
    }

    @Override
    public Spliterator<Call> trySplit() {
      if (buffer.length != 0 || end - position < MIN_SPLIT) {
        return null;
      }
      long mid = lineStartAfter(position + (end - position) / 2);
      if (mid >= end) {
        return null;
      }
      Reader prefix = new Reader(file, position, mid);
      position = mid;
      return prefix;
    }

    private long lineStartAfter(long from) {
      ByteBuffer b = ByteBuffer.allocate(4096);
      long p = from;
      while (true) {
        b.clear();
        int n = read(b, p);
        if (n <= 0) {
          return end;
        }
        for (int i = 0; i < n; i++) {
          if (b.get(i) == '\n') {
            return p + i + 1;
          }
        }
        p += n;
      }
    }

    private int read(ByteBuffer b, long at) {
      try {
        return file.read(b, at);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Makes a whole line available from {@code at}; returns its end (the index of its newline), or −1 at the end. */
    private int nextLine() {
      while (true) {
        for (int i = at; i < limit; i++) {
          if (buffer[i] == '\n') {
            return i;
          }
        }
        if (position >= end) {
          return limit > at ? limit : -1;
        }
        if (buffer.length == 0) {
          buffer = new byte[BUFFER];
        }
        System.arraycopy(buffer, at, buffer, 0, limit - at);
        limit -= at;
        at = 0;
        boolean header = position == 0;
        int n = read(ByteBuffer.wrap(buffer, limit, (int) Math.min(buffer.length - limit, end - position)), position);
        position += n;
        limit += n;
        if (header) { // skip the header line
          while (buffer[at] != '\n') {
            at++;
          }
          at++;
        }
      }
    }

    @Override
    public boolean tryAdvance(Consumer<? super Call> action) {
      int lineEnd = nextLine();
      if (lineEnd < 0) {
        return false;
      }
      action.accept(parse(at, lineEnd));
      at = lineEnd + 1;
      return true;
    }

    @Override
    public void forEachRemaining(Consumer<? super Call> action) {
      int lineEnd;
      while ((lineEnd = nextLine()) >= 0) {
        action.accept(parse(at, lineEnd));
        at = lineEnd + 1;
      }
    }

    private int comma(int from, int lineEnd) {
      int i = from;
      while (i < lineEnd && buffer[i] != ',') {
        i++;
      }
      return i;
    }

    private Call parse(int from, int lineEnd) {
      byte[] b = buffer;
      int e1 = comma(from, lineEnd);
      String id = new String(b, from, e1 - from, StandardCharsets.ISO_8859_1);
      int e2 = comma(e1 + 1, lineEnd);
      String queue = queue(e1 + 1, e2);
      int e3 = comma(e2 + 1, lineEnd);
      Channel channel = e3 - e2 - 1 == 5 && b[e2 + 1] == 'v' ? Channel.VOICE
          : Channel.parse(new String(b, e2 + 1, e3 - e2 - 1, StandardCharsets.ISO_8859_1));
      int e4 = comma(e3 + 1, lineEnd);
      Instant arrived = instant(e3 + 1, e4);
      int e5 = comma(e4 + 1, lineEnd);
      int e6 = comma(e5 + 1, lineEnd);
      Instant ended = e6 > e5 + 1 ? instant(e5 + 1, e6) : null;
      int endOfHandle = lineEnd > e6 && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
      Duration handle = endOfHandle > e6 + 1 ? seconds(e6 + 1, endOfHandle) : null;
      Call call;
      switch (b[e4 + 1]) {
        case 'a':
          call = b[e4 + 2] == 'n' ? Call.answered(id, queue, arrived, required(ended, id))
              : Call.abandoned(id, queue, arrived, required(ended, id));
          break;
        case 'w':
          call = Call.waiting(id, queue, arrived);
          break;
        default:
          FlowOutReason reason = FlowOutReason.parse(new String(b, e4 + 1, e5 - e4 - 1, StandardCharsets.ISO_8859_1));
          call = Call.leftUnanswered(id, queue, arrived, required(ended, id), reason);
          break;
      }
      if (handle != null) {
        call = call.withHandleTime(handle);
      }
      return channel == Channel.VOICE ? call : call.withChannel(channel);
    }

    private static Instant required(Instant ended, String id) {
      if (ended == null) {
        throw new IllegalArgumentException("call " + id + " has no end instant");
      }
      return ended;
    }

    /** Queue names repeat: one String per distinct name, found by a small hash of its bytes. */
    private String queue(int from, int to) {
      int h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + buffer[i];
      }
      int slot = h & (queues.length - 1);
      String cached = queues[slot];
      if (cached != null && cached.length() == to - from) {
        boolean same = true;
        for (int i = 0; i < cached.length() && same; i++) {
          same = cached.charAt(i) == buffer[from + i];
        }
        if (same) {
          return cached;
        }
      }
      String q = new String(buffer, from, to - from, StandardCharsets.UTF_8);
      queues[slot] = q;
      return q;
    }

    private int digits(int from, int count) {
      int v = 0;
      for (int i = from; i < from + count; i++) {
        v = v * 10 + (buffer[i] - '0');
      }
      return v;
    }

    /** {@code 2026-03-16T09:00:12[.fraction](Z|+01:00)}. */
    private Instant instant(int from, int to) {
      long day = LocalDate.of(digits(from, 4), digits(from + 5, 2), digits(from + 8, 2)).toEpochDay();
      long second = day * 86_400 + digits(from + 11, 2) * 3_600L + digits(from + 14, 2) * 60L + digits(from + 17, 2);
      int i = from + 19;
      int nano = 0;
      if (buffer[i] == '.') {
        int scale = 100_000_000;
        for (i++; i < to && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
          nano += (buffer[i] - '0') * scale;
          scale /= 10;
        }
      }
      if (buffer[i] != 'Z') {
        int offset = digits(i + 1, 2) * 3_600 + digits(i + 4, 2) * 60;
        second -= buffer[i] == '-' ? -offset : offset;
      }
      return Instant.ofEpochSecond(second, nano);
    }

    private Duration seconds(int from, int to) {
      long s = 0;
      int i = from;
      for (; i < to && buffer[i] != '.'; i++) {
        s = s * 10 + (buffer[i] - '0');
      }
      int nano = 0;
      int scale = 100_000_000;
      for (i++; i < to; i++) {
        nano += (buffer[i] - '0') * scale;
        scale /= 10;
      }
      return Duration.ofSeconds(s, nano);
    }

    @Override
    public long estimateSize() {
      return (end - position) / 70;
    }

    @Override
    public int characteristics() {
      return NONNULL | IMMUTABLE;
    }
  }
}
