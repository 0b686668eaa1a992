package io.github.callmetrics.read.internal;

import java.util.Arrays;

/**
 * A fixed set of longs for lookups from many threads once built: open addressing, at most half full, so a
 * miss (almost every call, since candidates are few) costs one memory access. Immutable.
 */
final class LongSet {
  private static final LongSet EMPTY = new LongSet(new long[0]);
  private final long[] table;
  private final boolean hasZero;
  private final int size;

  private LongSet(long[] values) {
    int slots = Integer.highestOneBit(Math.max(2, values.length * 2) * 2 - 1);
    table = new long[Math.max(2, slots)];
    boolean zero = false;
    int n = 0;
    int mask = table.length - 1;
    for (long v : values) {
      if (v == 0) {
        n += zero ? 0 : 1;
        zero = true;
        continue;
      }
      int i = (int) spread(v) & mask;
      while (table[i] != 0 && table[i] != v) {
        i = (i + 1) & mask;
      }
      if (table[i] == 0) {
        table[i] = v;
        n++;
      }
    }
    hasZero = zero;
    size = n;
  }

  static LongSet of(long[] values) {
    return values.length == 0 ? EMPTY : new LongSet(Arrays.copyOf(values, values.length));
  }

  /** Mixes a hash's high bits into its low bits, which pick the slot. */
  static long spread(long h) {
    return h ^ (h >>> 32) ^ (h >>> 17);
  }

  boolean contains(long v) {
    if (v == 0) {
      return hasZero;
    }
    long[] t = table;
    int mask = t.length - 1;
    for (int i = (int) spread(v) & mask; ; i = (i + 1) & mask) {
      long slot = t[i];
      if (slot == v) {
        return true;
      }
      if (slot == 0) {
        return false;
      }
    }
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }
}
