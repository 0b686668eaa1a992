package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.internal.Gzip;
import io.github.callmetrics.internal.LineSplitter;
import io.github.callmetrics.read.SkippedRecord;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Puts the files of one log in the order of their own time, whatever order they were named in
 * ({@code ls queue_log*} names the newest first), and says when they cannot be one log: a file named twice,
 * or files whose times overlap (a log repeated, or copied into another).
 */
final class LogOrder {
  /** How much of a file's start and end is read for its first and last epoch. */
  private static final int PEEK = 1 << 16;

  private LogOrder() {}

  /** A file and the epochs of its first and last lines that have one. */
  private static final class Span {
    final Path file;
    final int given;
    final long first;
    final long last;

    Span(Path file, int given, long first, long last) {
      this.file = file;
      this.given = given;
      this.first = first;
      this.last = last;
    }

    String name() {
      Path name = file.getFileName();
      return name == null ? file.toString() : name.toString();
    }
  }

  /**
   * Returns the files oldest first: by the epoch of their first line, files without one first, ties in the
   * order given. A file named twice, or one that starts more than {@link TimeOrder#BACKWARDS_TOLERANCE_SECONDS}
   * before the file before it ends, is a defect handed to {@code defects} (the reader's mode decides whether
   * the read stops; if it goes on, the lines that run backwards are each skipped).
   */
  static List<Path> byOwnTime(List<Path> files, Consumer<SkippedRecord> defects) throws IOException {
    if (files.size() < 2) {
      return files;
    }
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      OptionalLong first = firstEpoch(file);
      long last = first.isPresent() ? lastEpoch(file).orElse(first.getAsLong()) : -1;
      spans.add(new Span(file, i, first.orElse(-1), last));
    }
    for (int i = 0; i < spans.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (Files.isSameFile(spans.get(i).file, spans.get(j).file)) {
          defects.accept(SkippedRecord.of(spans.get(i).name(), 1, "file", spans.get(i).file.toString(),
              "is named twice (as argument " + (j + 1) + " and " + (i + 1) + "): its calls would count twice"));
        }
      }
    }
    spans.sort(Comparator.comparingLong((Span s) -> s.first).thenComparingInt(s -> s.given));
    Span before = null;
    for (Span s : spans) {
      if (s.first < 0) {
        continue;
      }
      if (before != null && s.first < before.last - TimeOrder.BACKWARDS_TOLERANCE_SECONDS) {
        defects.accept(SkippedRecord.of(s.name(), 1, "epoch", Long.toString(s.first),
            "starts before " + before.name() + " ends (epoch " + before.last + "): the files overlap, so they"
                + " are not rotations of one log (a log repeated, or appended to another?)"));
      }
      before = s;
    }
    List<Path> ordered = new ArrayList<>();
    for (Span s : spans) {
      ordered.add(s.file);
    }
    return ordered;
  }

  /** The epochs of the lines handed to it: the first and the last, if any line has one. */
  private static final class Epochs implements LineSplitter.Handler {
    long first = -1;
    long last = -1;
    /** The first line handed is dropped: the start of a tail, cut in a line. */
    boolean skipFirst;

    @Override
    public void line(byte[] b, int start, int end) {
      if (skipFirst) {
        skipFirst = false;
        return;
      }
      OptionalLong epoch = epoch(b, start, end);
      if (epoch.isPresent()) {
        last = epoch.getAsLong();
        if (first < 0) {
          first = last;
        }
      }
    }

    @Override
    public void tooLong(byte[] b, int start, int end) {}
  }

  private static OptionalLong firstEpoch(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Gzip.decompressed(Files.newInputStream(file))) {
      head = in.readNBytes(PEEK);
    } catch (ZipException | EOFException e) {
      return OptionalLong.empty(); // a corrupt .gz: the reader names it when it reads the file
    }
    int start = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF
        ? 3 : 0;
    Epochs epochs = new Epochs();
    LineSplitter lines = new LineSplitter();
    lines.accept(head, start, head.length - start, epochs);
    if (head.length < PEEK) {
      lines.finish(epochs);
    }
    return epochs.first < 0 ? OptionalLong.empty() : OptionalLong.of(epochs.first);
  }

  private static OptionalLong lastEpoch(Path file) throws IOException {
    Epochs epochs = new Epochs();
    try (InputStream in = Gzip.decompressed(Files.newInputStream(file))) {
      if (in instanceof GZIPInputStream) { // no tail to seek to: the whole file, once, for its last line
        new LineSplitter().read(in, epochs);
        return epochs.last < 0 ? OptionalLong.empty() : OptionalLong.of(epochs.last);
      }
    } catch (ZipException | EOFException e) {
      return OptionalLong.empty();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int n = (int) Math.min(size, PEEK);
      ByteBuffer tail = ByteBuffer.allocate(n);
      while (tail.hasRemaining() && ch.read(tail, size - n + tail.position()) > 0) {
        // read the whole tail
      }
      // The first line of a cut tail may be partial, so it is used only if the tail is the file.
      epochs.skipFirst = n < size;
      LineSplitter lines = new LineSplitter();
      lines.accept(tail.array(), 0, tail.position(), epochs);
      lines.finish(epochs);
      return epochs.last < 0 ? OptionalLong.empty() : OptionalLong.of(epochs.last);
    }
  }

  /** Returns the epoch of the line {@code b[s, e)} if its first field is one and it has an event field. */
  private static OptionalLong epoch(byte[] b, int from, int e) {
    int s = from;
    while (s < e && b[s] == 0) {
      s++; // NUL residue of a crash, as the reader drops it
    }
    int pipe = s;
    long v = 0;
    while (pipe < e && b[pipe] >= '0' && b[pipe] <= '9' && pipe - s < 18) {
      v = v * 10 + (b[pipe] - '0');
      pipe++;
    }
    if (pipe == s || pipe >= e || b[pipe] != '|' || v > CallAssembler.MAX_SECONDS) {
      return OptionalLong.empty();
    }
    int fields = 1;
    for (int i = pipe; i < e; i++) {
      if (b[i] == '|') {
        fields++;
      }
    }
    return fields >= 5 && new String(b, s, e - s, UTF_8).indexOf('\0') < 0 ? OptionalLong.of(v) : OptionalLong.empty();
  }
}
