package io.github.callmetrics.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Helpers for runs of bytes that the readers use as keys (the UTF-8 of ids and names), read 8 bytes at a
 * time where they can: a run's first word, its hash, whether it is ASCII.
 */
public final class Bytes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Bytes() {}

  /**
   * Returns 8 bytes as a little-endian word, at any offset.
   *
   * @param b  holds the bytes
   * @param off  where the word starts; {@code off + 8} must not exceed {@code b.length}
   * @return the word: byte {@code off} in the low 8 bits
   */
  public static long word(byte[] b, int off) {
    return (long) LONGS.get(b, off);
  }

  /**
   * Returns the first 8 bytes of a run as a little-endian word, zero-padded if the run is shorter: two runs
   * of the same length are equal in their first 8 bytes exactly when their heads are equal.
   *
   * @param b  holds the run
   * @param off  where the run starts
   * @param len  the run's length
   * @return the head
   */
  public static long head(byte[] b, int off, int len) {
    if (len >= 8) {
      return word(b, off);
    }
    long w = 0;
    for (int i = off + len - 1; i >= off; i--) {
      w = (w << 8) | (b[i] & 0xFF);
    }
    return w;
  }

  /**
   * Returns the hash of a run of bytes in a group (a small number; the same run in two groups hashes
   * differently): the run read 8 bytes at a time (little-endian words, the last one overlapping the one
   * before when the length is not a multiple of 8), each word multiplied into the state, finished with
   * MurmurHash3's 64-bit mix. Every bit of the result depends on every byte.
   *
   * @param group  the group, zero or more
   * @param b  holds the run
   * @param off  where the run starts
   * @param len  the run's length
   * @return the hash
   */
  public static int hash(int group, byte[] b, int off, int len) {
    long h = 0x9E37_79B9_7F4A_7C15L * (group + 1) + len;
    int end = off + len;
    if (len >= 8) {
      int p = off;
      for (; p + 8 < end; p += 8) {
        h = (h ^ word(b, p)) * 0xBF58_476D_1CE4_E5B9L;
        h ^= h >>> 29;
      }
      h = (h ^ word(b, end - 8)) * 0xBF58_476D_1CE4_E5B9L;
    } else {
      h = (h ^ head(b, off, len)) * 0xBF58_476D_1CE4_E5B9L;
    }
    h ^= h >>> 33;
    h *= 0xFF51_AFD7_ED55_8CCDL;
    h ^= h >>> 33;
    h *= 0xC4CE_B9FE_1A85_EC53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /**
   * Returns a word with every byte set to {@code b}: the pattern {@link #matches} compares a word with.
   *
   * @param b  the byte
   * @return the word
   */
  public static long repeated(byte b) {
    return 0x0101_0101_0101_0101L * (b & 0xFF);
  }

  /**
   * Marks the bytes of a word equal to a byte: the high bit of each such byte set, every other bit clear,
   * exactly for every byte (no borrow runs from one byte into the next), so a caller may take the marks
   * lowest first ({@code Long.numberOfTrailingZeros(marks) >>> 3} is the first match's index).
   *
   * @param word  8 bytes, little-endian ({@link #word})
   * @param pattern  the byte sought in every byte ({@link #repeated})
   * @return the marks; 0 if no byte matches
   */
  public static long matches(long word, long pattern) {
    long v = word ^ pattern; // a matching byte is now zero
    return ~(((v & 0x7F7F_7F7F_7F7F_7F7FL) + 0x7F7F_7F7F_7F7F_7F7FL) | v | 0x7F7F_7F7F_7F7F_7F7FL);
  }

  /**
   * Checks if every byte of a run is ASCII (below 0x80), 8 bytes at a time while it can.
   *
   * @param b  holds the run
   * @param off  where the run starts
   * @param len  the run's length
   * @return true if the run is ASCII (an empty run is)
   */
  public static boolean isAscii(byte[] b, int off, int len) {
    int end = off + len;
    int i = off;
    long high = 0;
    for (; i + 8 <= end; i += 8) {
      high |= word(b, i);
    }
    for (; i < end; i++) {
      high |= b[i];
    }
    return (high & 0x8080_8080_8080_8080L) == 0;
  }
}
