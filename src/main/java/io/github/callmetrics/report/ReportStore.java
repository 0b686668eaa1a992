package io.github.callmetrics.report;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import io.github.callmetrics.tally.internal.TallyAccess;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The counted calls of a report, in a form from which any row, roll-up or percentile is computed exactly:
 * every wait sorted by key ({@code (group × intervals + interval) × CLASSES + class}, groups in report
 * order), {@code offsets[key]} pointing at the key's slice of the sorted waits, an exact overflow list for
 * waits of 65,535 s or more, and per group the per-interval arrivals, waiting calls and handle times.
 *
 * <p>Built by a counting sort: one pass counts the waits per key, a prefix sum turns counts into offsets,
 * a second pass scatters the waits, then each (small) slice is sorted. With more than one thread each
 * thread owns a contiguous range of keys (whole groups). Immutable once built.
 */
final class ReportStore {
  private static final int CLASSES = ReportAccumulator.CLASSES;
  private static final TallyAccess TALLY = TallyAccess.Holder.get();
  /** Below this many calls one thread builds the store whatever the parallelism. */
  private static final int PARALLEL_THRESHOLD = 1 << 20;

  final IntervalGrid grid;
  final int intervals;
  /** Groups in report order (queue name, then channel). */
  final ReportAccumulator.Group[] groups;
  /** {@code offsets[key]} to {@code offsets[key + 1]}: the key's waits in {@link #waits}. */
  final int[] offsets;
  /** Waits under 65,535 s, sorted by key, ascending within a key. */
  final char[] waits;
  /** Keys of the longer waits, ascending, and their waits, ascending within a key. */
  final int[] overflowKeys;
  final long[] overflowWaits;
  final long callsOutsidePeriod;

  private ReportStore(IntervalGrid grid, ReportAccumulator.Group[] groups, int[] offsets, char[] waits,
      int[] overflowKeys, long[] overflowWaits, long callsOutsidePeriod) {
    this.grid = grid;
    this.intervals = grid.size();
    this.groups = groups;
    this.offsets = offsets;
    this.waits = waits;
    this.overflowKeys = overflowKeys;
    this.overflowWaits = overflowWaits;
    this.callsOutsidePeriod = callsOutsidePeriod;
  }

  /** Builds the store of an accumulator's counts, with up to {@code parallelism} threads. */
  static ReportStore build(ReportAccumulator acc, int parallelism) {
    return build(acc, parallelism, PARALLEL_THRESHOLD);
  }

  /** Builds the store, with up to {@code parallelism} threads if there are at least {@code parallelFrom} waits. */
  static ReportStore build(ReportAccumulator acc, int parallelism, int parallelFrom) {
    IntervalGrid grid = acc.spec().grid();
    int intervals = grid.size();
    ReportAccumulator.Group[] local = acc.groups();
    int groupCount = local.length;
    Integer[] order = new Integer[groupCount];
    for (int g = 0; g < groupCount; g++) {
      order[g] = g;
    }
    Arrays.sort(order, Comparator.comparing((Integer g) -> local[g].queue).thenComparing(g -> local[g].channel));
    int[] rank = new int[groupCount];
    ReportAccumulator.Group[] groups = new ReportAccumulator.Group[groupCount];
    for (int r = 0; r < groupCount; r++) {
      rank[order[r]] = r;
      groups[r] = local[order[r]].copy();
    }
    long keySpace = (long) groupCount * intervals * CLASSES;
    if (keySpace >= Integer.MAX_VALUE) {
      throw new IllegalStateException("report of " + groupCount + " queue/channel groups × " + intervals
          + " intervals is too large (expected fewer than " + (Integer.MAX_VALUE / CLASSES) + " cells)");
    }
    int keyCount = (int) keySpace;
    int groupKeys = intervals * CLASSES;

    List<ReportAccumulator.Segment> segments = acc.segments();
    int[][] bases = new int[segments.size()][];
    long total = 0;
    for (int s = 0; s < bases.length; s++) {
      ReportAccumulator.Segment segment = segments.get(s);
      int[] base = new int[groupCount];
      for (int g = 0; g < base.length; g++) {
        int owner = segment.groupMap == null ? g : g < segment.groupMap.length ? segment.groupMap[g] : -1;
        base[g] = owner < 0 ? 0 : rank[owner] * groupKeys;
      }
      bases[s] = base;
      total += segment.length;
    }
    ReportAccumulator.checkEntries(total);
    int[] offsets = new int[keyCount + 1];
    char[] sorted = new char[(int) total];

    int parts = total < parallelFrom ? 1 : Math.max(1, Math.min(parallelism, groupCount));
    int[] lo = new int[parts + 1];
    for (int p = 0; p <= parts; p++) {
      lo[p] = (int) ((long) groupCount * p / parts) * groupKeys;
    }
    int shift = acc.shift;
    int mask = acc.lowMask;
    long[] partCounts = new long[parts];
    run(parts, p -> partCounts[p] = count(segments, bases, shift, mask, offsets, lo[p], lo[p + 1], parts == 1));
    int[] partStart = new int[parts + 1];
    for (int p = 0; p < parts; p++) {
      partStart[p + 1] = (int) (partStart[p] + partCounts[p]);
    }
    run(parts, p -> scatterAndSort(segments, bases, shift, mask, offsets, sorted, lo[p], lo[p + 1], partStart[p],
        partStart[p + 1], parts == 1));
    offsets[keyCount] = (int) total;

    // The overflow list: dense keys, sorted by key then wait.
    int[] rawKeys = acc.overflowKeys();
    long[] rawWaits = acc.overflowWaits();
    int n = rawKeys.length;
    Integer[] byKey = new Integer[n];
    int[] dense = new int[n];
    for (int j = 0; j < n; j++) {
      byKey[j] = j;
      dense[j] = rank[rawKeys[j] >>> shift] * groupKeys + (rawKeys[j] & mask);
    }
    Arrays.sort(byKey, Comparator.comparingInt((Integer j) -> dense[j]).thenComparingLong(j -> rawWaits[j]));
    int[] overflowKeys = new int[n];
    long[] overflowWaits = new long[n];
    for (int j = 0; j < n; j++) {
      overflowKeys[j] = dense[byKey[j]];
      overflowWaits[j] = rawWaits[byKey[j]];
    }
    return new ReportStore(grid, groups, offsets, sorted, overflowKeys, overflowWaits, acc.callsOutsidePeriod());
  }

  private interface Part {
    void run(int part);
  }

  private static void run(int parts, Part part) {
    if (parts == 1) {
      part.run(0);
    } else {
      IntStream.range(0, parts).parallel().forEach(part::run);
    }
  }

  /** Pass 1: counts the waits of each key in {@code [from, to)} into {@code offsets}; returns their total. */
  private static long count(List<ReportAccumulator.Segment> segments, int[][] bases, int shift, int mask,
      int[] offsets, int from, int to, boolean all) {
    long total = 0;
    for (int s = 0; s < bases.length; s++) {
      ReportAccumulator.Segment segment = segments.get(s);
      int[] keys = segment.keys;
      int[] base = bases[s];
      int length = segment.length;
      if (all) { // one thread: every key is ours, no range test
        for (int j = 0; j < length; j++) {
          int k = keys[j];
          offsets[base[k >>> shift] + (k & mask)]++;
        }
        total += length;
      } else {
        for (int j = 0; j < length; j++) {
          int k = keys[j];
          int d = base[k >>> shift] + (k & mask);
          if (d >= from && d < to) {
            offsets[d]++;
            total++;
          }
        }
      }
    }
    return total;
  }

  /**
   * Pass 2 over the keys {@code [from, to)} whose waits go to {@code sorted[start, end)}: turns counts into
   * offsets, scatters the waits, restores the offsets and sorts each key's slice.
   */
  private static void scatterAndSort(List<ReportAccumulator.Segment> segments, int[][] bases, int shift, int mask,
      int[] offsets, char[] sorted, int from, int to, int start, int end, boolean all) {
    int running = start;
    for (int k = from; k < to; k++) {
      int c = offsets[k];
      offsets[k] = running;
      running += c;
    }
    for (int s = 0; s < bases.length; s++) {
      ReportAccumulator.Segment segment = segments.get(s);
      int[] keys = segment.keys;
      char[] waits = segment.waits;
      int[] base = bases[s];
      int length = segment.length;
      for (int j = 0; j < length; j++) {
        int k = keys[j];
        int d = base[k >>> shift] + (k & mask);
        if (all || (d >= from && d < to)) {
          sorted[offsets[d]++] = waits[j];
        }
      }
    }
    // offsets[k] is now the end of k's slice: shift by one so it is the start again.
    if (to > from) {
      System.arraycopy(offsets, from, offsets, from + 1, to - from - 1);
      offsets[from] = start;
    }
    for (int k = from; k < to; k++) {
      int a = offsets[k];
      int b = k + 1 < to ? offsets[k + 1] : end;
      if (b - a > 1) {
        sortSlice(sorted, a, b);
      }
    }
  }

  /** Sorts a slice; most slices hold a handful of waits, so insertion sort saves the library sort's set-up. */
  private static void sortSlice(char[] a, int from, int to) {
    if (to - from > 24) {
      Arrays.sort(a, from, to);
      return;
    }
    for (int i = from + 1; i < to; i++) {
      char v = a[i];
      int j = i - 1;
      while (j >= from && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }

  /** Returns the rank of a group, or −1. */
  int rankOf(String queue, Channel channel) {
    for (int r = 0; r < groups.length; r++) {
      if (groups[r].queue.equals(queue) && groups[r].channel == channel) {
        return r;
      }
    }
    return -1;
  }

  /** Returns the counts of some groups (by rank) over the intervals {@code [from, to)}. */
  TallySnapshot snapshot(int[] members, int from, int to) {
    long arrivals = 0;
    long waiting = 0;
    long handleCount = 0;
    long handleSeconds = 0;
    long handleNanos = 0;
    for (int g : members) {
      ReportAccumulator.Group group = groups[g];
      arrivals += sum(group.arrivals, from, to);
      if (group.waiting != null) {
        waiting += sum(group.waiting, from, to);
      }
      if (group.handleCount != null && group.handleSeconds != null) {
        handleCount += sum(group.handleCount, from, to);
        handleSeconds = Math.addExact(handleSeconds, sum(group.handleSeconds, from, to));
        if (group.handleNanos != null) {
          handleNanos = Math.addExact(handleNanos, sum(group.handleNanos, from, to));
        }
      }
    }
    if (arrivals == 0 && waiting == 0 && handleCount == 0 && isEmpty(members, from, to)) {
      return TallySnapshot.empty();
    }
    WaitDistribution[] flowOuts = new WaitDistribution[CLASSES - 2];
    for (int c = 2; c < CLASSES; c++) {
      flowOuts[c - 2] = distribution(members, from, to, c);
    }
    return TALLY.snapshot(arrivals, distribution(members, from, to, 0), distribution(members, from, to, 1), flowOuts,
        waiting, Duration.ofSeconds(handleSeconds, handleNanos), handleCount);
  }

  private boolean isEmpty(int[] members, int from, int to) {
    for (int g : members) {
      int base = g * intervals * CLASSES;
      if (offsets[base + to * CLASSES] != offsets[base + from * CLASSES]
          || overflowCount(base + from * CLASSES, base + to * CLASSES) != 0) {
        return false;
      }
    }
    return true;
  }

  private int overflowCount(int fromKey, int toKey) {
    return lowerBound(overflowKeys, toKey) - lowerBound(overflowKeys, fromKey);
  }

  private static int lowerBound(int[] a, int key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static long sum(int[] a, int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += a[i];
    }
    return s;
  }

  private static long sum(long[] a, int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s = Math.addExact(s, a[i]);
    }
    return s;
  }

  /** Returns the waits of one outcome class of some groups over the intervals {@code [from, to)}. */
  WaitDistribution distribution(int[] members, int from, int to, int c) {
    long n = 0;
    int slices = 0;
    int lastSlice = -1;
    for (int g : members) {
      int base = g * intervals * CLASSES + c;
      for (int i = from; i < to; i++) {
        int k = base + i * CLASSES;
        int size = offsets[k + 1] - offsets[k];
        if (size > 0) {
          n += size;
          slices++;
          lastSlice = k;
        }
      }
    }
    long[] longWaits = longWaits(members, from, to, c);
    if (n == 0 && longWaits.length == 0) {
      return WaitDistribution.empty();
    }
    char[] all;
    int length;
    if (slices == 1) { // one slice is sorted already
      all = waits;
      int a = offsets[lastSlice];
      return build(all, a, offsets[lastSlice + 1], longWaits);
    }
    all = new char[Math.toIntExact(n)];
    length = 0;
    for (int g : members) {
      int base = g * intervals * CLASSES + c;
      for (int i = from; i < to; i++) {
        int k = base + i * CLASSES;
        int a = offsets[k];
        int size = offsets[k + 1] - a;
        System.arraycopy(waits, a, all, length, size);
        length += size;
      }
    }
    Arrays.sort(all); // counting sort for large arrays of char
    return build(all, 0, length, longWaits);
  }

  /** The waits of 65,535 s or more of one class of some groups and intervals, ascending. */
  private long[] longWaits(int[] members, int from, int to, int c) {
    if (overflowKeys.length == 0) {
      return new long[0];
    }
    long[] found = new long[0];
    int n = 0;
    for (int g : members) {
      int base = g * intervals * CLASSES;
      int end = lowerBound(overflowKeys, base + to * CLASSES);
      for (int j = lowerBound(overflowKeys, base + from * CLASSES); j < end; j++) {
        if (overflowKeys[j] % CLASSES == c) {
          if (n == found.length) {
            found = Arrays.copyOf(found, Math.max(8, n * 2));
          }
          found[n++] = overflowWaits[j];
        }
      }
    }
    long[] result = Arrays.copyOf(found, n);
    Arrays.sort(result);
    return result;
  }

  /** A distribution from sorted waits {@code a[from, to)} followed by longer sorted waits. */
  private static WaitDistribution build(char[] a, int from, int to, long[] longer) {
    int distinct = 0;
    for (int i = from; i < to; i++) {
      if (i == from || a[i] != a[i - 1]) {
        distinct++;
      }
    }
    for (int i = 0; i < longer.length; i++) {
      if (i == 0 || longer[i] != longer[i - 1]) {
        distinct++;
      }
    }
    long[] values = new long[distinct];
    long[] cumulative = new long[distinct];
    long total = 0;
    int d = -1;
    long count = 0;
    for (int i = from; i < to; i++) {
      char w = a[i];
      total += w;
      count++;
      if (i == from || w != a[i - 1]) {
        values[++d] = w;
      }
      cumulative[d] = count;
    }
    for (int i = 0; i < longer.length; i++) {
      total = Math.addExact(total, longer[i]);
      count++;
      if (i == 0 || longer[i] != longer[i - 1]) {
        values[++d] = longer[i];
      }
      cumulative[d] = count;
    }
    return TALLY.distribution(values, cumulative, total);
  }

  /** Returns the bytes of the store's arrays (counts and distributions), for the performance docs. */
  long bytes() {
    long bytes = 4L * offsets.length + 2L * waits.length + 4L * overflowKeys.length + 8L * overflowWaits.length;
    for (ReportAccumulator.Group g : groups) {
      bytes += 4L * g.arrivals.length;
      bytes += g.waiting == null ? 0 : 4L * g.waiting.length;
      bytes += g.handleCount == null ? 0 : 4L * g.handleCount.length;
      bytes += g.handleSeconds == null ? 0 : 8L * g.handleSeconds.length;
      bytes += g.handleNanos == null ? 0 : 8L * g.handleNanos.length;
    }
    return bytes;
  }
}
