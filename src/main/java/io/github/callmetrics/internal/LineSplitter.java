package io.github.callmetrics.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts bytes into lines: the one rule of line ends for the {@code queue_log} readers, batch and live. A line
 * ends at {@code \n}, at {@code \r}, or at {@code \r\n} (one end, not two), so a log written on Unix, on
 * Windows or with the old Mac's CR-only ends reads the same; the last line needs no end. Lines are found 8 bytes
 * at a time, without a per-line object: each is handed to the {@link Handler} as a range of the splitter's own
 * buffer, valid while the call lasts.
 *
 * <p>Bytes come either from a stream read to its end ({@link #read}) or pushed as they are written
 * ({@link #accept}, then {@link #finish} when the source ends). A line longer than {@link #MAX_LINE} bytes is not
 * a log line: the handler is told ({@link Handler#tooLong}) and its bytes up to the next line end are dropped.
 * Not thread-safe.
 */
public final class LineSplitter {
  /** The longest line, in bytes. */
  public static final int MAX_LINE = 1 << 20;
  private static final long LF = Bytes.repeated((byte) '\n');
  private static final long CR = Bytes.repeated((byte) '\r');

  /** Receives the lines. */
  public interface Handler {
    /**
     * Receives one line, without its line end.
     *
     * @param b  holds the line
     * @param start  where it starts
     * @param end  where it ends (exclusive)
     */
    void line(byte[] b, int start, int end);

    /**
     * Hears of a line longer than {@link #MAX_LINE}: its first bytes are given; the rest is dropped. A handler
     * may throw to stop the read.
     *
     * @param b  holds the line's first bytes
     * @param start  where they start
     * @param end  where they end (exclusive)
     */
    void tooLong(byte[] b, int start, int end);
  }

  private byte[] buf = new byte[1 << 16];
  private int start;
  private int end;
  /** {@code buf[start, scanned)} holds no line end. */
  private int scanned;
  /** The last line ended at a {@code \r}: a {@code \n} right after it belongs to that end. */
  private boolean afterCr;
  /** The bytes up to the next line end belong to a line too long, already told. */
  private boolean dropping;

  /**
   * Reads a stream to its end, handing over each line, the last one even without a line end. Starts afresh:
   * nothing pushed before is kept.
   *
   * @param in  the stream; not closed
   * @param handler  receives the lines
   * @throws IOException if the stream cannot be read
   */
  public void read(InputStream in, Handler handler) throws IOException {
    start = 0;
    end = 0;
    scanned = 0;
    afterCr = false;
    dropping = false;
    while (true) {
      split(handler);
      makeRoom(handler);
      int n = in.read(buf, end, buf.length - end);
      if (n < 0) {
        finish(handler);
        return;
      }
      end += n;
    }
  }

  /**
   * Takes bytes as they were written, handing over each line they complete; a line not yet ended waits for
   * more bytes (or {@link #finish}).
   *
   * @param b  holds the bytes
   * @param off  where they start
   * @param len  how many there are
   * @param handler  receives the lines
   */
  public void accept(byte[] b, int off, int len, Handler handler) {
    int from = off;
    int left = len;
    while (left > 0) {
      makeRoom(handler);
      int n = Math.min(left, buf.length - end);
      System.arraycopy(b, from, buf, end, n);
      end += n;
      from += n;
      left -= n;
      split(handler);
    }
  }

  /**
   * The source ends: hands over the line not yet ended, if there is one, and forgets it.
   *
   * @param handler  receives the line
   */
  public void finish(Handler handler) {
    if (end > start && !dropping) {
      handler.line(buf, start, end);
    }
    start = 0;
    end = 0;
    scanned = 0;
    afterCr = false;
    dropping = false;
  }

  /** Hands over every line ended in {@code buf[start, end)}. */
  private void split(Handler handler) {
    while (true) {
      if (afterCr && start < end) {
        afterCr = false;
        if (buf[start] == '\n') {
          start++;
          scanned = Math.max(scanned, start);
        }
      }
      int at = find(scanned, end);
      if (at < 0) {
        scanned = end;
        return;
      }
      if (dropping) {
        dropping = false;
      } else {
        handler.line(buf, start, at);
      }
      afterCr = buf[at] == '\r';
      start = at + 1;
      scanned = start;
    }
  }

  /** Moves the line not yet ended to the buffer's start, growing the buffer or dropping a line too long. */
  private void makeRoom(Handler handler) {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      scanned -= start;
      start = 0;
    }
    if (end < buf.length) {
      return;
    }
    if (buf.length < MAX_LINE) {
      buf = Arrays.copyOf(buf, buf.length * 2);
      return;
    }
    if (!dropping) {
      dropping = true;
      handler.tooLong(buf, 0, 80);
    }
    end = 0;
    scanned = 0;
  }

  /** Returns the index of the first line end in {@code buf[from, to)}, or -1. */
  private int find(int from, int to) {
    byte[] b = buf;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = Bytes.word(b, i);
      long hits = Bytes.matches(w, LF) | Bytes.matches(w, CR);
      if (hits != 0) {
        return i + (Long.numberOfTrailingZeros(hits) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n' || b[i] == '\r') {
        return i;
      }
    }
    return -1;
  }
}
