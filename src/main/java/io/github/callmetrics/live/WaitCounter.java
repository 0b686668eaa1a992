package io.github.callmetrics.live;

import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.tally.internal.TallyAccess;
import io.github.callmetrics.tally.WaitDistribution;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The waits of one outcome in one live span, per wait index ({@link OutcomeClass#waitIndex}:
 * per whole second and whether the wait had a fraction of one), for the monitor's event path: recording and
 * removing a wait is an array increment, with no object per wait; the distribution is built on demand in
 * time proportional to the distinct waits, not to the longest one.
 *
 * <p>Indices below {@link #DENSE_LIMIT} are counted in an array that grows to the longest wait seen,
 * with one bit per index set while that index has a count, so building a distribution visits 64 indices per
 * bitmap word and then only the indices that occur; it is kept until the next change. Longer waits (over 68
 * minutes, rare on a wallboard) are counted exactly in a sorted map. Not thread-safe: guarded by the queue's
 * lock.
 */
final class WaitCounter {
  /** Wait indices below this (waits under 4,096 s, 68 minutes) are counted densely. */
  static final int DENSE_LIMIT = 8192;
  private static final TallyAccess TALLY = TallyAccess.Holder.get();

  private int[] counts = new int[0];
  /** Bit {@code s} is set while {@code counts[s] > 0}. */
  private long[] nonZero = new long[0];
  private @Nullable TreeMap<Long, Long> sparse;
  private long count;
  private long totalSeconds;
  /** The distribution of the waits counted now, once built; null after a change. */
  private @Nullable WaitDistribution built;

  /**
   * Counts one wait.
   *
   * @param index  the wait's index, zero or more
   */
  void record(long index) {
    if (index < DENSE_LIMIT) {
      int s = (int) index;
      if (s >= counts.length) {
        grow(s);
      }
      if (counts[s]++ == 0) {
        nonZero[s >>> 6] |= 1L << s;
      } else if (counts[s] < 0) {
        counts[s]--;
        throw new IllegalStateException("more than " + Integer.MAX_VALUE + " waits of index " + s
            + " in one live span");
      }
    } else {
      if (sparse == null) {
        sparse = new TreeMap<>();
      }
      sparse.merge(index, 1L, Long::sum);
    }
    count++;
    totalSeconds = Math.addExact(totalSeconds, OutcomeClass.wholeSeconds(index));
    built = null;
  }

  /**
   * Removes one wait counted before, the inverse of {@link #record}.
   *
   * @throws IllegalStateException if no wait of that index is counted
   */
  void remove(long index) {
    if (index >= 0 && index < counts.length && counts[(int) index] > 0) {
      int s = (int) index;
      if (--counts[s] == 0) {
        nonZero[s >>> 6] &= ~(1L << s);
      }
    } else if (index >= DENSE_LIMIT && sparse != null && sparse.containsKey(index)) {
      sparse.computeIfPresent(index, (w, n) -> n == 1 ? null : n - 1);
    } else {
      throw new IllegalStateException("no wait of index " + index + " to remove (it was never recorded)");
    }
    count--;
    totalSeconds -= OutcomeClass.wholeSeconds(index);
    built = null;
  }

  /** Forgets every wait, keeping the arrays for reuse; visits only the indices that occur. */
  void clear() {
    for (int w = 0; w < nonZero.length; w++) {
      long bits = nonZero[w];
      while (bits != 0) {
        counts[(w << 6) + Long.numberOfTrailingZeros(bits)] = 0;
        bits &= bits - 1;
      }
      nonZero[w] = 0;
    }
    sparse = null;
    count = 0;
    totalSeconds = 0;
    built = null;
  }

  /** Grows the counts past a wait by doubling, from one bitmap word of 64 indices. */
  private void grow(int index) {
    int length = Math.max(64, counts.length);
    while (length <= index) {
      length *= 2;
    }
    length = Math.min(length, DENSE_LIMIT);
    counts = Arrays.copyOf(counts, length);
    nonZero = Arrays.copyOf(nonZero, length >>> 6);
  }

  /** Returns how many waits are counted. */
  long count() {
    return count;
  }

  /** Returns the immutable distribution of the waits counted now, built once per change. */
  WaitDistribution toDistribution() {
    WaitDistribution d = built;
    if (d == null) {
      d = build();
      built = d;
    }
    return d;
  }

  private WaitDistribution build() {
    if (count == 0) {
      return WaitDistribution.empty();
    }
    Map<Long, Long> tail = sparse == null ? Map.of() : sparse;
    int distinct = tail.size();
    for (long bits : nonZero) {
      distinct += Long.bitCount(bits);
    }
    long[] values = new long[distinct];
    long[] cumulative = new long[distinct];
    int i = 0;
    long running = 0;
    for (int w = 0; w < nonZero.length; w++) {
      long bits = nonZero[w];
      while (bits != 0) {
        int s = (w << 6) + Long.numberOfTrailingZeros(bits);
        running += counts[s];
        values[i] = s;
        cumulative[i++] = running;
        bits &= bits - 1;
      }
    }
    for (Map.Entry<Long, Long> e : tail.entrySet()) {
      running += e.getValue();
      values[i] = e.getKey();
      cumulative[i++] = running;
    }
    return TALLY.distribution(values, cumulative, totalSeconds);
  }
}
