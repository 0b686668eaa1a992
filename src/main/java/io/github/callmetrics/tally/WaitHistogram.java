package io.github.callmetrics.tally;

import io.github.callmetrics.call.internal.OutcomeClass;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The mutable count of waits per wait index behind a tally ({@link OutcomeClass#waitIndex}: per whole second, and
 * whether the wait had a fraction of a second). Indices below {@link #DENSE_LIMIT} (waits under 68 minutes, where
 * nearly all waits fall) are counted in a growing array; longer ones in a sorted map, so a stray wait of days costs
 * one map entry, not megabytes. The total is of the waits' whole seconds, truncated. Not thread-safe.
 */
final class WaitHistogram {
  /** Wait indices below this (waits under 4,096 s, 68 minutes) are counted densely. */
  static final int DENSE_LIMIT = 8192;

  private long[] dense = new long[0];
  private @Nullable TreeMap<Long, Long> sparse;
  private long count;
  private long totalSeconds;

  /** Counts one wait of an index, zero or more. */
  void record(long index) {
    record(index, 1);
  }

  void record(long index, long times) {
    if (index < DENSE_LIMIT) {
      if (index >= dense.length) {
        grow((int) index);
      }
      dense[(int) index] += times;
    } else {
      if (sparse == null) {
        sparse = new TreeMap<>();
      }
      sparse.merge(index, times, Long::sum);
    }
    count = Math.addExact(count, times);
    totalSeconds = Math.addExact(totalSeconds, Math.multiplyExact(OutcomeClass.wholeSeconds(index), times));
  }

  /**
   * Removes one wait recorded before, the inverse of {@code record(index)}.
   *
   * @return false, changing nothing, if no wait of that index is recorded
   */
  boolean remove(long index) {
    if (index >= 0 && index < dense.length && dense[(int) index] > 0) {
      dense[(int) index]--;
    } else if (index >= DENSE_LIMIT && sparse != null && sparse.containsKey(index)) {
      sparse.computeIfPresent(index, (s, n) -> n == 1 ? null : n - 1);
    } else {
      return false;
    }
    count--;
    totalSeconds -= OutcomeClass.wholeSeconds(index);
    return true;
  }

  private void grow(int index) {
    int length = Math.max(64, dense.length);
    while (length <= index) {
      length *= 2;
    }
    dense = java.util.Arrays.copyOf(dense, Math.min(length, DENSE_LIMIT));
  }

  /** Adds every wait of a distribution, as if each had been recorded here. */
  void addAll(WaitDistribution d) {
    d.forEachBucket(this::record);
  }

  /** Returns an immutable copy. */
  WaitDistribution toDistribution() {
    if (count == 0) {
      return WaitDistribution.empty();
    }
    int buckets = 0;
    for (long c : dense) {
      if (c != 0) {
        buckets++;
      }
    }
    Map<Long, Long> tail = sparse == null ? Map.of() : sparse;
    buckets += tail.size();
    long[] values = new long[buckets];
    long[] counts = new long[buckets];
    int i = 0;
    for (int s = 0; s < dense.length; s++) {
      if (dense[s] != 0) {
        values[i] = s;
        counts[i++] = dense[s];
      }
    }
    for (Map.Entry<Long, Long> e : tail.entrySet()) {
      values[i] = e.getKey();
      counts[i++] = e.getValue();
    }
    return WaitDistribution.ofBuckets(values, counts, totalSeconds);
  }
}
