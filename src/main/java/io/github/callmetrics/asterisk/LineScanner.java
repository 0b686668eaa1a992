package io.github.callmetrics.asterisk;

import io.github.callmetrics.internal.Bytes;
import io.github.callmetrics.internal.LineSplitter;
import io.github.callmetrics.internal.Text;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a {@code queue_log}'s bytes into lines (by {@link LineSplitter}: {@code \n}, {@code \r} or
 * {@code \r\n} ends a line) and each line into its {@code |}-separated fields, with no per-line objects: the one
 * byte-level parser of the format, used by the batch reader and the live feed alike. Past {@value #MAX_FIELDS}
 * fields the last field takes the rest of the line. Not thread-safe.
 */
final class LineScanner implements LineSplitter.Handler {
  /** Receives each line; its fields are read through the scanner while the call lasts. */
  interface LineHandler {
    void line(LineScanner line);
  }

  static final int MAX_FIELDS = 64;
  /** The longest line: longer ones are not queue_log lines, and stop the read. */
  static final int MAX_LINE = LineSplitter.MAX_LINE;
  private static final long PIPES = Bytes.repeated((byte) '|');

  private final LineSplitter splitter = new LineSplitter();
  private byte[] buf = new byte[0];
  private final int[] fieldStart = new int[MAX_FIELDS];
  private final int[] fieldEnd = new int[MAX_FIELDS];
  private int fieldCount;
  private int pipes;
  private int lineStart;
  private int lineEnd;
  private long lineNumber;
  private LineHandler handler = line -> { };
  private @Nullable Consumer<String> tooLong;

  /** Numbers the next line handed to {@link #line(byte[], int, int, LineHandler)} 1 again (a new source). */
  void restartNumbering() {
    lineNumber = 0;
  }

  /** Counts a line that is not handed to the handler (the live feed's over-long line). */
  void skipLine() {
    lineNumber++;
  }

  /** Returns the number of the current line in its source, from 1. */
  long lineNumber() {
    return lineNumber;
  }

  /** Returns the buffer the current line's bytes are in. */
  byte[] bytes() {
    return buf;
  }

  int lineStart() {
    return lineStart;
  }

  int lineEnd() {
    return lineEnd;
  }

  /** Returns the current line's number of fields (at least 1; an empty line has one empty field). */
  int fieldCount() {
    return fieldCount;
  }

  int fieldStart(int f) {
    return fieldStart[f];
  }

  int fieldEnd(int f) {
    return fieldEnd[f];
  }

  /**
   * Returns field {@code f} as text, each byte that is not UTF-8 kept ({@link Text#decode}), or "" past the last
   * field.
   */
  String field(int f) {
    return f < fieldCount ? text(fieldStart[f], fieldEnd[f]) : "";
  }

  /** Returns the whole current line as text, as {@link #field} does. */
  String lineText() {
    return text(lineStart, lineEnd);
  }

  /** Returns {@code buf[s, e)} as text, each byte that is not UTF-8 kept ({@link Text#decode}). */
  String text(int s, int e) {
    return Text.decode(buf, s, e - s);
  }

  /** Returns field {@code f} as a non-negative whole number of at most 18 digits, or -1. */
  long number(int f) {
    int s = fieldStart[f];
    int e = fieldEnd[f];
    if (s == e || e - s > 18) {
      return -1;
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * Reads a stream to its end, handing each line to the handler; line numbers start again from 1.
   *
   * @throws LineTooLongException if a line is longer than {@link #MAX_LINE} bytes
   */
  void read(InputStream in, LineHandler handler) throws IOException {
    lineNumber = 0;
    this.handler = handler;
    this.tooLong = null;
    splitter.read(in, this);
  }

  /**
   * Takes bytes of a log as they are written (the live feed's path), handing each line they complete to the
   * handler, numbered on from the last line handed; a line longer than {@link #MAX_LINE} goes to
   * {@code tooLong} with its first bytes, numbered, and is dropped.
   */
  void write(byte[] b, int off, int len, LineHandler handler, Consumer<String> tooLong) {
    this.handler = handler;
    this.tooLong = tooLong;
    splitter.accept(b, off, len, this);
  }

  /** The source being written ends: its last line, if it has no line end, is handed to the handler. */
  void endSource(LineHandler handler) {
    this.handler = handler;
    splitter.finish(this);
  }

  /**
   * Hands one line, given without its line break, to the handler: the live feed's path. Its number is the
   * next one after the last line handed. A {@code \r} at its end is dropped.
   */
  void line(byte[] line, int off, int len, LineHandler handler) {
    this.handler = handler;
    line(line, off, len > 0 && line[off + len - 1] == '\r' ? off + len - 1 : off + len);
  }

  @Override
  public void line(byte[] b, int start, int end) {
    buf = b;
    pipes = 0;
    int i = start;
    for (; i + 8 <= end; i += 8) {
      long hits = Bytes.matches(Bytes.word(b, i), PIPES);
      while (hits != 0) {
        pipe(i + (Long.numberOfTrailingZeros(hits) >>> 3));
        hits &= hits - 1;
      }
    }
    for (; i < end; i++) {
      if (b[i] == '|') {
        pipe(i);
      }
    }
    lineNumber++;
    int s = start;
    if (lineNumber == 1 && end - s >= 3 && b[s] == (byte) 0xEF && b[s + 1] == (byte) 0xBB && b[s + 2] == (byte) 0xBF) {
      s += 3; // byte-order mark; no '|' can be in it
    }
    lineStart = s;
    lineEnd = end;
    fieldStart[0] = s;
    fieldEnd[pipes] = end;
    fieldCount = pipes + 1;
    handler.line(this);
  }

  @Override
  public void tooLong(byte[] b, int start, int end) {
    lineNumber++;
    String head = Text.escaped(b, start, end - start) + "...";
    if (tooLong == null) {
      throw new LineTooLongException(head);
    }
    tooLong.accept(head);
  }

  /**
   * Drops the NUL bytes the current line starts with (crash residue): the line and its first field start after
   * them.
   *
   * @return how many there were
   */
  int dropLeadingNuls() {
    int n = 0;
    while (lineStart + n < lineEnd && buf[lineStart + n] == 0) {
      n++;
    }
    lineStart += n;
    fieldStart[0] += n;
    return n;
  }

  /** Notes a '|': the field before it ends there. Past MAX_FIELDS fields, the last one takes the rest. */
  private void pipe(int at) {
    int n = pipes;
    if (n + 1 < MAX_FIELDS) {
      fieldEnd[n] = at;
      fieldStart[n + 1] = at + 1;
      pipes = n + 1;
    }
  }

  /** A line longer than {@link #MAX_LINE}: the read cannot go on. */
  static final class LineTooLongException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String start;

    LineTooLongException(String start) {
      super(null, null, false, false);
      this.start = start;
    }
  }
}
