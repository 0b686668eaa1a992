package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.internal.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a {@code queue_log}'s bytes into lines and each line into its {@code |}-separated fields, in one pass
 * and with no per-line objects: the one byte-level parser of the format, used by the batch reader and the live
 * feed alike. A line ends at {@code \n}; a {@code \r} before it is dropped. Past {@value #MAX_FIELDS} fields the
 * last field takes the rest of the line. Not thread-safe.
 */
final class LineScanner {
  /** Receives each line; its fields are read through the scanner while the call lasts. */
  interface LineHandler {
    void line(LineScanner line);
  }

  static final int MAX_FIELDS = 64;
  /** The longest line: longer ones are not queue_log lines, and stop the read. */
  static final int MAX_LINE = 1 << 20;
  private static final long PIPES = Bytes.repeated((byte) '|');
  private static final long NEWLINES = Bytes.repeated((byte) '\n');

  private byte[] buf = new byte[1 << 16];
  private final int[] fieldStart = new int[MAX_FIELDS];
  private final int[] fieldEnd = new int[MAX_FIELDS];
  private int fieldCount;
  private int pipes;
  private int lineStart;
  private int lineEnd;
  private long lineNumber;

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

  /** Returns field {@code f} as text (malformed UTF-8 as U+FFFD), or "" past the last field. */
  String field(int f) {
    return f < fieldCount ? text(fieldStart[f], fieldEnd[f]) : "";
  }

  /** Returns the whole current line as text. */
  String lineText() {
    return text(lineStart, lineEnd);
  }

  String text(int s, int e) {
    return new String(buf, s, e - s, UTF_8);
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
    int start = 0;
    int end = 0;
    int scanned = 0; // buf[start, scanned) holds no '\n', and its '|' are noted
    pipes = 0;
    boolean first = true;
    while (true) {
      int nl = scan(scanned, end);
      if (nl < 0) {
        scanned = end;
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          movePipes(start);
          end -= start;
          scanned -= start;
          start = 0;
        }
        if (end == buf.length) {
          if (buf.length >= MAX_LINE) {
            lineNumber++;
            throw new LineTooLongException(new String(buf, 0, 80, UTF_8) + "...");
          }
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
          if (end > start) {
            lineNumber++;
            handle(start, end, first, handler);
          }
          return;
        }
        end += n;
        continue;
      }
      lineNumber++;
      handle(start, nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl, first, handler);
      first = false;
      start = nl + 1;
      scanned = start;
      pipes = 0;
    }
  }

  /**
   * Hands one line, given without its line break, to the handler: the live feed's path. Its number is the
   * next one after the last line handed.
   */
  void line(byte[] line, int off, int len, LineHandler handler) {
    if (buf.length < len) {
      buf = new byte[Math.max(len, buf.length * 2)];
    }
    System.arraycopy(line, off, buf, 0, len);
    pipes = 0;
    int end = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
    for (int i = 0; i < end; i++) {
      if (buf[i] == '|') {
        pipe(i);
      }
    }
    lineNumber++;
    handle(0, end, lineNumber == 1, handler);
  }

  private void handle(int start, int end, boolean first, LineHandler handler) {
    if (first && end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB
        && buf[start + 2] == (byte) 0xBF) {
      start += 3; // byte-order mark; no '|' can be in it
    }
    lineStart = start;
    lineEnd = end;
    fieldStart[0] = start;
    fieldEnd[pipes] = end;
    fieldCount = pipes + 1;
    handler.line(this);
  }

  /**
   * Looks for the line's end in {@code buf[from, to)}, noting each '|' on the way, so that finding the line
   * and splitting it is one pass; 8 bytes at a time while it can.
   *
   * @return the index of the first '\n', or -1 if there is none (all was scanned)
   */
  private int scan(int from, int to) {
    byte[] b = buf;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = Bytes.word(b, i);
      long nl = Bytes.matches(w, NEWLINES);
      long hits = Bytes.matches(w, PIPES) | nl;
      while (hits != 0) {
        long bit = hits & -hits;
        int at = i + (Long.numberOfTrailingZeros(bit) >>> 3);
        if ((nl & bit) != 0) {
          return at;
        }
        pipe(at);
        hits ^= bit;
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c == '\n') {
        return i;
      }
      if (c == '|') {
        pipe(i);
      }
    }
    return -1;
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

  /** Moves the noted '|' by {@code -by} bytes, with the bytes they are in. */
  private void movePipes(int by) {
    for (int k = 0; k < pipes; k++) {
      fieldEnd[k] -= by;
      fieldStart[k + 1] -= by;
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
