package io.github.callmetrics.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a source that may be gzip-compressed (a rotated {@code queue_log.1.gz}), told by its first two bytes,
 * the gzip magic {@code 1f 8b}, not by its name: a file that is not compressed reads as it is, whatever it is
 * called.
 */
public final class Gzip {
  private Gzip() {}

  /**
   * Returns the bytes of a source, decompressed if it starts with the gzip magic. Errors of the compressed data
   * surface while reading, as a {@link java.util.zip.ZipException} or an {@link java.io.EOFException} (a file cut
   * short).
   *
   * @param in  the source; closing the stream returned closes it
   * @return the source's bytes
   * @throws IOException if the source cannot be read, or its gzip header is not one
   */
  public static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
    b.mark(2);
    int first = b.read();
    int second = b.read();
    b.reset();
    return first == 0x1f && second == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
  }
}
