package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.internal.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits UTF-8 bytes into RFC 4180 records, one {@link #next()} at a time, leaving each field's bytes in a
 * buffer (no string, no copy per field). The rules are those of RFC 4180 and of the CSV call format:
 *
 * <ul>
 *   <li>a record ends at {@code \n}, {@code \r\n} or a lone {@code \r}, or at the end of the input; a line
 *       end at the very end of the input does not start another record; an empty line is a record of no
 *       field;
 *   <li>fields are separated by a comma, or by the delimiter set with {@link #delimiter(byte)} (a
 *       semicolon or a tab);
 *   <li>a field that starts with {@code "} is quoted: it ends at the next {@code "} that is not doubled,
 *       and may hold delimiters, doubled quotes (read as one) and line breaks; a {@code "} inside a field that
 *       does not start with one is an ordinary character;
 *   <li>a byte-order mark ({@code EF BB BF}) at the start of the input is skipped;
 *   <li>{@link #line()} is the physical line a record starts on, counted from 1; a line break inside a
 *       quoted field counts.
 * </ul>
 *
 * <p>Two quoting defects are found here. Characters between a closing quote and the next comma or line end
 * ({@code "c3"x,}) leave the record's extent clear, so the record is returned with
 * {@link #strayField()} set and the caller skips it. A quote never closed runs to the end of the input, so
 * nothing after it can be delimited: {@link #next()} throws a {@link CsvSyntaxException}, as it does for a
 * record longer than the limit.
 *
 * <p>The buffer holds whole records: when a record runs past the bytes read, its start is moved to the
 * front of the buffer, more bytes are read, and the record is scanned again from its start (at most once
 * per refill); the buffer grows only for a record longer than itself, up to the limit. Memory is constant.
 * Doubled quotes are undone in place once the record is complete. Not thread-safe.
 */
final class CsvTokenizer {
  /** The initial buffer size: a read of this many bytes at a time. */
  static final int BUFFER_BYTES = 1 << 17;
  /** The longest record read, line end included: as long as FastCSV's limit on a field (16 Mi chars). */
  static final int MAX_RECORD_BYTES = 16 << 20;

  /** The delimiters {@link #detectDelimiter()} tells apart, in the order its message names them. */
  static final byte[] DELIMITERS = {',', ';', '\t'};
  private static final long LFS = Bytes.repeated((byte) '\n');
  private static final long CRS = Bytes.repeated((byte) '\r');

  private static final int RECORD = 1;
  private static final int MORE = 0;
  private static final int END = -1;

  private final InputStream in;
  /** The byte between fields, and the same in every byte of a word, for {@link #fieldEnd}. */
  private byte delimiter = ',';
  private long delimiters = Bytes.repeated((byte) ',');
  private final int maxRecordBytes;
  private byte[] buf;
  /** Where the next record starts. */
  private int pos;
  /** The number of bytes of the input before {@code buf[0]}. */
  private long base;
  /** The end of the bytes read. */
  private int limit;
  private boolean eof;
  private boolean started;
  /** The line the next record starts on. */
  private long nextLine = 1;

  // The current record: fields [starts[i], ends[i]) of buf.
  private long line;
  private int count;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int[] escaped = new int[4];
  private int escapedCount;
  private int strayField;
  private int strayStart;
  private int strayEnd;
  private int[] detectedCounts = new int[DELIMITERS.length];
  private int detectedEnd;

  CsvTokenizer(InputStream in) {
    this(in, BUFFER_BYTES, MAX_RECORD_BYTES);
  }

  /**
   * A tokenizer for bytes that start inside a file, at a record's start {@code offset} bytes in: no
   * byte-order mark is looked for, {@link #position()} counts from the file's start and lines from 1 at
   * {@code offset}. For reading a file in parts.
   */
  static CsvTokenizer continuing(InputStream in, long offset) {
    CsvTokenizer t = new CsvTokenizer(in);
    t.started = true;
    t.base = offset;
    return t;
  }

  /** For tests: a small buffer exercises the refills, a small limit the long-record defect. */
  CsvTokenizer(InputStream in, int bufferBytes, int maxRecordBytes) {
    this.in = in;
    this.buf = new byte[bufferBytes];
    this.maxRecordBytes = maxRecordBytes;
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of the input
   * @throws CsvSyntaxException at a quote never closed or a record longer than the limit
   * @throws IOException if the input cannot be read
   */
  boolean next() throws IOException {
    if (!started) {
      skipByteOrderMark();
    }
    while (true) {
      int result = scan();
      if (result == RECORD) {
        for (int i = 0; i < escapedCount; i++) {
          unescape(escaped[i]);
        }
        return true;
      }
      if (result == END) {
        return false;
      }
      fill();
    }
  }

  /** Sets the byte between fields (a comma unless set), before the first record is read. */
  void delimiter(byte d) {
    delimiter = d;
    delimiters = Bytes.repeated(d);
  }

  /** Returns the byte between fields. */
  byte delimiter() {
    return delimiter;
  }

  /**
   * Looks at the first record (the header), without reading it, for the delimiters of {@link #DELIMITERS}
   * outside quotes: returns the one found, a comma if none is (a header of one column), or -1 if more than
   * one is, in which case {@link #delimiterCounts()} tells how often each appears.
   *
   * @throws IOException if the input cannot be read
   */
  int detectDelimiter() throws IOException {
    if (!started) {
      skipByteOrderMark();
    }
    int[] counts = new int[DELIMITERS.length];
    while (true) {
      Arrays.fill(counts, 0);
      boolean quoted = false;
      int p = pos;
      for (; p < limit; p++) {
        byte c = buf[p];
        if (c == '"') {
          quoted = !quoted; // a doubled quote turns it off and on again
        } else if (!quoted && (c == '\n' || c == '\r')) {
          break;
        } else if (!quoted) {
          for (int k = 0; k < DELIMITERS.length; k++) {
            if (c == DELIMITERS[k]) {
              counts[k]++;
            }
          }
        }
      }
      if (p < limit || eof || limit - pos >= maxRecordBytes) {
        detectedEnd = p;
        break;
      }
      fill(); // the header goes on past the bytes read
    }
    detectedCounts = counts;
    int found = -1;
    for (int k = 0; k < DELIMITERS.length; k++) {
      if (counts[k] > 0) {
        if (found >= 0) {
          return -1;
        }
        found = k;
      }
    }
    return found < 0 ? ',' : DELIMITERS[found];
  }

  /** Returns how often each of {@link #DELIMITERS} appears in the header, after {@link #detectDelimiter()}. */
  int[] delimiterCounts() {
    return detectedCounts.clone();
  }

  /** Returns the header line {@link #detectDelimiter()} looked at, as text, for a message. */
  String detectedText() {
    return new String(buf, pos, detectedEnd - pos, UTF_8);
  }

  /** Returns the physical line the record starts on, from 1. */
  long line() {
    return line;
  }

  /** Returns the number of fields; 0 for an empty line. */
  int fieldCount() {
    return count;
  }

  /** Returns the buffer holding the record's bytes; valid until the next {@link #next()}. */
  byte[] bytes() {
    return buf;
  }

  /** Returns the start of each field in {@link #bytes()}, valid up to {@link #fieldCount()} and the next record. */
  int[] starts() {
    return starts;
  }

  /** Returns the end (exclusive) of each field in {@link #bytes()}, as {@link #starts()}. */
  int[] ends() {
    return ends;
  }

  /** Returns where field {@code i} starts in {@link #bytes()}. */
  int start(int i) {
    return starts[i];
  }

  /** Returns where field {@code i} ends (exclusive) in {@link #bytes()}. */
  int end(int i) {
    return ends[i];
  }

  /** Returns the length in bytes of field {@code i}. */
  int length(int i) {
    return ends[i] - starts[i];
  }

  /** Returns field {@code i} as text, a malformed UTF-8 sequence read as U+FFFD: for messages. */
  String text(int i) {
    return new String(buf, starts[i], ends[i] - starts[i], UTF_8);
  }

  /** Returns the number of bytes of the input up to the end of the current record. */
  long position() {
    return base + pos;
  }

  /** Returns the physical line the next record starts on (one past the last line read, at the end). */
  long nextLine() {
    return nextLine;
  }

  /** Returns the field with characters after its closing quote, or -1 if the record's quoting is sound. */
  int strayField() {
    return strayField;
  }

  /** Returns the characters after the closing quote of {@link #strayField()}, up to the field's end. */
  String strayText() {
    return new String(buf, strayStart, strayEnd - strayStart, UTF_8);
  }

  private void skipByteOrderMark() throws IOException {
    while (limit - pos < 3 && !eof) {
      fill();
    }
    if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    }
    started = true;
  }

  /**
   * Scans one record from {@code pos}. Returns RECORD (the record is set, {@code pos} and {@code nextLine}
   * moved past it), MORE (the bytes read end inside the record: fill and scan again from the same start)
   * or END (no bytes left).
   */
  private int scan() throws CsvSyntaxException {
    final byte[] b = buf;
    final int lim = limit;
    int p = pos;
    if (p == lim) {
      return eof ? END : MORE;
    }
    long ln = nextLine;
    int n = 0;
    int[] st = starts; // locals: the loop below stores to them for every field
    int[] en = ends;
    final byte d = delimiter;
    escapedCount = 0;
    strayField = -1;
    byte c = b[p];
    if (c == '\n' || c == '\r') { // an empty line: a record of no field
      if (c == '\r' && p + 1 == lim && !eof) {
        return MORE;
      }
      p++;
      if (c == '\r' && p < lim && b[p] == '\n') {
        p++;
      }
      return record(0, p, ln + 1);
    }
    while (true) { // one field per turn; p is at the field's first byte
      if (n == st.length) {
        starts = st = Arrays.copyOf(st, n * 2);
        ends = en = Arrays.copyOf(en, n * 2);
      }
      if (p == lim) { // after a comma at the end of the input: an empty last field
        if (!eof) {
          return MORE;
        }
        st[n] = p;
        en[n] = p;
        return record(n + 1, p, ln);
      }
      if (b[p] == '"') {
        int s = ++p;
        boolean doubled = false;
        while (true) { // inside the quotes
          if (p == lim) {
            if (!eof) {
              return MORE;
            }
            throw unclosedQuote();
          }
          c = b[p];
          if (c == '"') {
            if (p + 1 == lim && !eof) {
              return MORE; // a doubled quote or the closing one: the next byte tells
            }
            if (p + 1 < lim && b[p + 1] == '"') {
              doubled = true;
              p += 2;
              continue;
            }
            break;
          }
          if (c == '\n') {
            ln++;
          } else if (c == '\r') {
            if (p + 1 == lim && !eof) {
              return MORE;
            }
            if (p + 1 == lim || b[p + 1] != '\n') {
              ln++; // a lone CR ends a line; in CRLF the LF counts
            }
          }
          p++;
        }
        st[n] = s;
        en[n] = p;
        if (doubled) {
          markEscaped(n);
        }
        p++; // the closing quote
        if (p < lim) {
          c = b[p];
          if (c != d && c != '\n' && c != '\r') { // characters after the closing quote
            int stray = p;
            while (p < lim && (c = b[p]) != d && c != '\n' && c != '\r') {
              p++;
            }
            if (p == lim && !eof) {
              return MORE;
            }
            if (strayField < 0) {
              strayField = n;
              strayStart = stray;
              strayEnd = p;
            }
          }
        }
      } else {
        int s = p;
        p = fieldEnd(b, p, lim, d, delimiters);
        st[n] = s;
        en[n] = p;
      }
      n++;
      if (p == lim) {
        if (!eof) {
          return MORE;
        }
        return record(n, p, ln); // the last record, without a line end
      }
      c = b[p];
      if (c == d) {
        p++;
        continue;
      }
      // A line end.
      if (c == '\r') {
        if (p + 1 == lim && !eof) {
          return MORE;
        }
        p++;
        if (p < lim && b[p] == '\n') {
          p++;
        }
      } else {
        p++;
      }
      return record(n, p, ln + 1);
    }
  }

  /**
   * Returns where an unquoted field starting at {@code p} ends: the first delimiter {@code d} (repeated in
   * every byte of {@code ds}), LF or CR, or {@code lim}.
   * Reads 8 bytes at a time while it can ({@link Bytes#matches}): the lowest mark of the three is the
   * field's end.
   */
  private static int fieldEnd(byte[] b, int p, int lim, byte d, long ds) {
    while (p + 8 <= lim) {
      long word = Bytes.word(b, p);
      long marks = Bytes.matches(word, ds) | Bytes.matches(word, LFS) | Bytes.matches(word, CRS);
      if (marks != 0) {
        return p + (Long.numberOfTrailingZeros(marks) >>> 3);
      }
      p += 8;
    }
    byte c;
    while (p < lim && (c = b[p]) != d && c != '\n' && c != '\r') {
      p++;
    }
    return p;
  }

  private int record(int fields, int next, long nextLineNumber) {
    line = nextLine;
    count = fields;
    pos = next;
    nextLine = nextLineNumber;
    return RECORD;
  }

  private void markEscaped(int field) {
    if (escapedCount == escaped.length) {
      escaped = Arrays.copyOf(escaped, escapedCount * 2);
    }
    escaped[escapedCount++] = field;
  }

  /** Turns each doubled quote of a quoted field into one, in place. */
  private void unescape(int field) {
    byte[] b = buf;
    int w = starts[field];
    int end = ends[field];
    for (int r = w; r < end; r++) {
      b[w++] = b[r];
      if (b[r] == '"') {
        r++; // the second quote of the pair
      }
    }
    ends[field] = w;
  }

  /** Moves the unfinished record to the front of the buffer, grows it if full, and reads more bytes. */
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      base += pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= maxRecordBytes) {
        throw new CsvSyntaxException(nextLine, "record", new String(buf, 0, Math.min(limit, 80), UTF_8) + "...",
            "is longer than " + maxRecordBytes + " bytes (expected one call per record; the rest of the file cannot"
                + " be delimited, so reading stops here)");
      }
      buf = Arrays.copyOf(buf, (int) Math.min(buf.length * 2L, maxRecordBytes));
    }
    int read = in.read(buf, limit, buf.length - limit);
    if (read < 0) {
      eof = true;
    } else {
      limit += read;
    }
  }

  private CsvSyntaxException unclosedQuote() {
    return new CsvSyntaxException(nextLine, "quoting", "\"",
        "opens a quoted field that is never closed (expected a closing quote before the end of the file;"
            + " the rows after it cannot be delimited, so reading stops here)");
  }

  /** A defect after which no record can be delimited: the read stops. */
  static final class CsvSyntaxException extends IOException {
    private static final long serialVersionUID = 1L;

    final long line;
    final String field;
    final String value;
    final String rule;

    CsvSyntaxException(long line, String field, String value, String rule) {
      super("line " + line + ": " + field + ": \"" + value + "\" " + rule);
      this.line = line;
      this.field = field;
      this.value = value;
      this.rule = rule;
    }
  }
}
