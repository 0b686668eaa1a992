package io.github.callmetrics.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The names of one read (queue names), found by their UTF-8 bytes: each name becomes a string once and
 * gets a number (0, 1, 2, ... in order of first appearance). A name already seen is found without building
 * a string: its hash, then one comparison of its first 8 bytes as a word (and of any bytes after). Names
 * are kept exactly, byte by byte, and there is no limit on their number. Not thread-safe.
 */
public final class NameTable {
  /** Turns a name's bytes into its text, or refuses them. */
  @FunctionalInterface
  public interface Decoder {
    /**
     * Returns the text of a run of bytes.
     *
     * @param b  holds the bytes
     * @param off  where they start
     * @param len  how many there are
     * @return the text, or null to refuse the bytes (for example, if they are not valid UTF-8)
     */
    @Nullable String decode(byte[] b, int off, int len);
  }

  private final Decoder decoder;
  private byte[][] bytes = new byte[16][];
  private long[] heads = new long[16];
  private String[] names = new String[16];
  private int count;
  /** Open addressing: a name's number plus one, or 0 for an empty slot; at most half full. */
  private int[] table = new int[32];

  /**
   * Creates an empty table.
   *
   * @param decoder  makes each new name's text, once
   */
  public NameTable(Decoder decoder) {
    this.decoder = decoder;
  }

  /**
   * Returns the number of the name whose bytes are given, adding it if new.
   *
   * @param b  holds the name
   * @param off  where it starts
   * @param len  its length in bytes
   * @return the number, or -1 if the name is new and the decoder refused it (it is not added)
   */
  public int number(byte[] b, int off, int len) {
    long head = Bytes.head(b, off, len);
    int hash = Bytes.hash(0, b, off, len);
    int mask = table.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
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

  /**
   * Returns a name's text.
   *
   * @param n  the name's number, from {@link #number}
   * @return the text the decoder made
   */
  public String name(int n) {
    return names[n];
  }

  /** Returns how many names the table holds. */
  public int size() {
    return count;
  }

  private int add(int slot, long head, byte[] b, int off, int len) {
    @Nullable String name = decoder.decode(b, off, len);
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
      int i = Bytes.hash(0, bytes[n], 0, bytes[n].length) & mask;
      while (t[i] != 0) {
        i = (i + 1) & mask;
      }
      t[i] = n + 1;
    }
    table = t;
  }
}
