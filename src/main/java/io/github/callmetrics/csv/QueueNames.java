package io.github.callmetrics.csv;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The queue names of one read, found by their UTF-8 bytes: each name becomes a string once and gets a
 * number (0, 1, 2, ... in order of first appearance) that keys the duplicate-id check. A row's queue is
 * found without building a string: a hash of its first 8 bytes (and any after), then one comparison of
 * words. Not thread-safe.
 */
final class QueueNames {
  private final Utf8 utf8;

  private byte[][] bytes = new byte[16][];
  private long[] heads = new long[16];
  private String[] names = new String[16];
  private int count;
  /** Open addressing: a queue's number plus one, or 0 for an empty slot; at most half full. */
  private int[] table = new int[32];

  QueueNames(Utf8 utf8) {
    this.utf8 = utf8;
  }

  /**
   * Returns the number of the queue named by bytes, adding it if new.
   *
   * @return the number, or -1 if the bytes are not valid UTF-8
   */
  int number(byte[] b, int off, int len) {
    long head = RowParser.head(b, off, len);
    int mask = table.length - 1;
    for (int i = hash(head, b, off, len) & mask; ; i = (i + 1) & mask) {
      int entry = table[i];
      if (entry == 0) {
        return add(i, head, b, off, len);
      }
      int n = entry - 1;
      // Most names are 8 bytes or shorter: one comparison of words, and the bytes after the eighth if any.
      if (heads[n] == head && bytes[n].length == len
          && (len <= 8 || Arrays.equals(bytes[n], 8, len, b, off + 8, off + len))) {
        return n;
      }
    }
  }

  /** Returns the name of queue number {@code n}. */
  String name(int n) {
    return names[n];
  }

  private int add(int slot, long head, byte[] b, int off, int len) {
    @Nullable String name = utf8.decode(b, off, len);
    if (name == null) {
      return -1;
    }
    if (count == bytes.length) {
      bytes = Arrays.copyOf(bytes, count * 2);
      names = Arrays.copyOf(names, count * 2);
      heads = Arrays.copyOf(heads, count * 2);
    }
    bytes[count] = Arrays.copyOfRange(b, off, off + len);
    heads[count] = head;
    names[count] = name;
    table[slot] = ++count;
    if (count * 2 > table.length) {
      rehash();
    }
    return count - 1;
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int n = 0; n < count; n++) {
      int i = hash(heads[n], bytes[n], 0, bytes[n].length) & mask;
      while (t[i] != 0) {
        i = (i + 1) & mask;
      }
      t[i] = n + 1;
    }
    table = t;
  }

  private static int hash(long head, byte[] b, int off, int len) {
    long h = (head + len) * 0x9E37_79B9_7F4A_7C15L;
    for (int i = off + 8; i < off + len; i++) {
      h = (h + b[i]) * 0x9E37_79B9_7F4A_7C15L;
    }
    return (int) (h ^ (h >>> 32) ^ (h >>> 17));
  }
}
