package io.github.callmetrics.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callmetrics.internal.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import org.jspecify.annotations.Nullable;

/**
 * Strict UTF-8 for the text the reader keeps (ids, queue names): ASCII, the common case, is copied as is;
 * anything else is decoded by a decoder that reports a malformed sequence instead of replacing it, so two
 * different byte sequences never become the same string. Not thread-safe.
 */
final class Utf8 {
  private final CharsetDecoder decoder = UTF_8.newDecoder(); // reports malformed input by default

  /** Returns the text of the bytes, or null if they are not valid UTF-8. */
  @Nullable String decode(byte[] b, int off, int len) {
    return Bytes.isAscii(b, off, len) ? new String(b, off, len, ISO_8859_1) : decodeStrictly(b, off, len);
  }

  private @Nullable String decodeStrictly(byte[] b, int off, int len) {
    try {
      return decoder.reset().decode(ByteBuffer.wrap(b, off, len)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * Returns a byte stream of a character stream in UTF-8, so the tokenizer reads both alike. A lone
   * surrogate is encoded as its own three bytes, which are not valid UTF-8: a strict decode then reports
   * it, as it would in a file. The reader is not closed.
   */
  static InputStream encoding(Reader reader) {
    return new EncodingStream(reader);
  }

  private static final class EncodingStream extends InputStream {
    private final Reader reader;
    private final char[] chars = new char[8192];
    private final byte[] out = new byte[chars.length * 3 + 4];
    private int carried; // 1 if chars[0] is a high surrogate kept from the previous chunk
    private int pos;
    private int limit;

    EncodingStream(Reader reader) {
      this.reader = reader;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (pos == limit) {
        if (!encodeChunk()) {
          return -1;
        }
      }
      int n = Math.min(len, limit - pos);
      System.arraycopy(out, pos, b, off, n);
      pos += n;
      return n;
    }

    /** Encodes the next chunk of characters into {@code out}; false at the end of the stream. */
    private boolean encodeChunk() throws IOException {
      int read = reader.read(chars, carried, chars.length - carried);
      if (read < 0) {
        if (carried == 0) {
          return false;
        }
        read = 0; // a high surrogate at the very end: encoded alone below
      }
      int n = carried + read;
      carried = 0;
      int p = 0;
      for (int i = 0; i < n; i++) {
        char c = chars[i];
        if (c < 0x80) {
          out[p++] = (byte) c;
        } else if (c < 0x800) {
          out[p++] = (byte) (0xC0 | (c >> 6));
          out[p++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 == n && read > 0) {
          chars[0] = c; // its low half may come with the next chunk
          carried = 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1])) {
          int cp = Character.toCodePoint(c, chars[++i]);
          out[p++] = (byte) (0xF0 | (cp >> 18));
          out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          out[p++] = (byte) (0x80 | (cp & 0x3F));
        } else {
          out[p++] = (byte) (0xE0 | (c >> 12));
          out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          out[p++] = (byte) (0x80 | (c & 0x3F));
        }
      }
      pos = 0;
      limit = p;
      return true;
    }
  }
}
