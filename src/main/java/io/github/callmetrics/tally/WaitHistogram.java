package io.github.callmetrics.tally;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The mutable count of waits per whole second behind a tally. Waits up to {@link #DENSE_LIMIT} seconds
 * (where nearly all waits fall) are counted in a growing array; longer ones in a sorted map, so a stray
 * wait of days costs one map entry, not megabytes. Not thread-safe.
 */
final class WaitHistogram {
  /** Waits below this many seconds (68 minutes) are counted densely. */
  static final int DENSE_LIMIT = 4096;

  private long[] dense = new long[0];
  private @Nullable TreeMap<Long, Long> sparse;
  private long count;
  private long totalSeconds;

  void record(long seconds) {
    record(seconds, 1);
  }

  void record(long seconds, long times) {
    if (seconds < 0) {
      throw new IllegalArgumentException("wait " + seconds + " s is negative (expected zero or more)");
    }
    if (seconds < DENSE_LIMIT) {
      if (seconds >= dense.length) {
        grow((int) seconds);
      }
      dense[(int) seconds] += times;
    } else {
      if (sparse == null) {
        sparse = new TreeMap<>();
      }
      sparse.merge(seconds, times, Long::sum);
    }
    count = Math.addExact(count, times);
    totalSeconds = Math.addExact(totalSeconds, Math.multiplyExact(seconds, times));
  }

  /**
   * Removes one wait recorded before, the inverse of {@code record(seconds)}.
   *
   * @return false, changing nothing, if no wait of that many seconds is recorded
   */
  boolean remove(long seconds) {
    if (seconds >= 0 && seconds < dense.length && dense[(int) seconds] > 0) {
      dense[(int) seconds]--;
    } else if (seconds >= DENSE_LIMIT && sparse != null && sparse.containsKey(seconds)) {
      sparse.computeIfPresent(seconds, (s, n) -> n == 1 ? null : n - 1);
    } else {
      return false;
    }
    count--;
    totalSeconds -= seconds;
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
