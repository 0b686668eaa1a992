package io.github.callmetrics.report;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import io.github.callmetrics.tally.internal.TallyAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The counted calls of a report, in a form from which any row, roll-up or percentile is computed exactly:
 * every wait grouped by key ({@code (interval × groups + group) × CLASSES + class}, groups in report order),
 * {@code offsets[key]} pointing at the key's slice of the waits, an exact overflow list for waits of 65,535 s
 * or more, and per cell (interval × group) the arrivals, waiting calls and handle times.
 *
 * <p>A slice holds its waits in no particular order: a cell has a handful of waits, and a row sorts the ones it
 * reads (copied; every union of slices is copied and sorted anyway), so building the store does not sort 30
 * million waits that may never be read one cell at a time.
 *
 * <p>Interval-major: the keys of one interval lie side by side, so grouping calls that come roughly in time
 * order touches a few kilobytes of {@code offsets} and of the waits at a time, not one place per group
 * ({@code docs/performance.md}). Rows are views and read the keys they need wherever they lie.
 *
 * <p>Built by a counting sort: one pass counts the waits per key, a prefix sum turns counts into offsets,
 * a second pass scatters the waits. With more than one thread, each thread counts and scatters its own share of
 * the counted waits with its own counts per key: the prefix sum (by key range, in parallel) runs over all
 * threads' counts, so each thread writes its own places of each slice. Immutable once built.
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
  /**
   * {@code offsets[key]} to {@code offsets[key + 1]}: the key's waits in {@link #waits}; the key is
   * {@code (interval × groups.length + group) × CLASSES + class}.
   */
  final int[] offsets;
  /** Waits under 65,535 s, grouped by key, in no particular order within a key. */
  final char[] waits;
  /**
   * Keys of the longer waits, group-major ({@code (group × intervals + interval) × CLASSES + class}: a row
   * finds its own by binary search), ascending, and their waits, ascending within a key.
   */
  final int[] overflowKeys;
  final long[] overflowWaits;
  /** Arrivals, waiting calls and handle times per cell. */
  final Cells cells;
  final long callsOutsidePeriod;

  private ReportStore(IntervalGrid grid, ReportAccumulator.Group[] groups, int[] offsets, char[] waits,
      int[] overflowKeys, long[] overflowWaits, Cells cells, long callsOutsidePeriod) {
    this.grid = grid;
    this.intervals = grid.size();
    this.groups = groups;
    this.offsets = offsets;
    this.waits = waits;
    this.overflowKeys = overflowKeys;
    this.overflowWaits = overflowWaits;
    this.cells = cells;
    this.callsOutsidePeriod = callsOutsidePeriod;
  }

  /**
   * Per cell, interval-major ({@code interval × groups + group}): arrivals, waiting calls, and the count, the
   * seconds and the nanosecond parts of handle times. The arrays of waiting calls and handle times are null
   * when nothing was counted in them.
   */
  static final class Cells {
    final int groups;
    final int[] arrivals;
    final int @Nullable [] waiting;
    final int @Nullable [] handleCount;
    final long @Nullable [] handleSeconds;
    final long @Nullable [] handleNanos;

    Cells(int groups, int cellCount, boolean waiting, boolean handleTimes, boolean handleNanos) {
      this.groups = groups;
      this.arrivals = new int[cellCount];
      this.waiting = waiting ? new int[cellCount] : null;
      this.handleCount = handleTimes ? new int[cellCount] : null;
      this.handleSeconds = handleTimes ? new long[cellCount] : null;
      this.handleNanos = handleNanos ? new long[cellCount] : null;
    }
  }

  /** Builds the store of an accumulator's counts, with up to {@code parallelism} threads. */
  static ReportStore build(ReportAccumulator acc, int parallelism) {
    long keys = (long) acc.groups().length * acc.spec().grid().size() * CLASSES;
    return buildInParts(acc, parts(parallelism, acc.waitCount(), keys, PARALLEL_THRESHOLD));
  }

  /** Builds the store with {@code parts} threads, each grouping its share of the waits. */
  static ReportStore buildInParts(ReportAccumulator acc, int parts) {
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
      groups[r] = local[order[r]];
    }
    long keySpace = (long) groupCount * intervals * CLASSES;
    if (keySpace >= Integer.MAX_VALUE) {
      throw new IllegalStateException("report of " + groupCount + " queue/channel groups × " + intervals
          + " intervals is too large (expected fewer than " + (Integer.MAX_VALUE / CLASSES) + " cells)");
    }
    int keyCount = (int) keySpace;

    List<ReportAccumulator.Segment> segments = acc.segments();
    long total = 0;
    for (ReportAccumulator.Segment segment : segments) {
      total += segment.length;
    }
    ReportAccumulator.checkEntries(total);
    int waitCount = (int) total;
    List<List<Run>> runs = runs(segments, rank, groupCount, waitCount, parts);
    CellSources sources = new CellSources(acc, rank, groupCount);
    int intervalStride = (groupCount - 1) * CLASSES;

    // The counting sort (see count): pass 1, each part with its own counts per key. Each part also
    // allocates some of the large arrays, so that their zeroing is shared as well.
    int[][] places = new int[parts][];
    char[][] sorted = new char[1][];
    Cells[] cells = new Cells[1];
    run(parts, p -> {
      if (p == parts - 1) {
        places[p] = new int[keyCount + 1]; // the offsets
        cells[0] = sources.newCells(intervals);
      } else {
        places[p] = new int[keyCount];
      }
      if (p == 0) {
        sorted[0] = new char[waitCount];
      }
      count(runs.get(p), acc.shift, acc.lowMask, intervalStride, places[p], p == parts - 1 ? 1 : 0);
    });
    int[] offsets = places[parts - 1];
    prefixSum(places, offsets, parts);
    // Pass 2, and the cells by interval range.
    run(parts, p -> {
      scatter(runs.get(p), acc.shift, acc.lowMask, intervalStride, places[p], p == parts - 1 ? 1 : 0, sorted[0]);
      sources.addInto(cells[0], p, parts);
    });

    // The overflow list: dense group-major keys, sorted by key then wait.
    int[] rawKeys = acc.overflowKeys();
    long[] rawWaits = acc.overflowWaits();
    int n = rawKeys.length;
    int groupKeys = intervals * CLASSES;
    Integer[] byKey = new Integer[n];
    int[] dense = new int[n];
    for (int j = 0; j < n; j++) {
      byKey[j] = j;
      dense[j] = rank[rawKeys[j] >>> acc.shift] * groupKeys + (rawKeys[j] & acc.lowMask);
    }
    Arrays.sort(byKey, Comparator.comparingInt((Integer j) -> dense[j]).thenComparingLong(j -> rawWaits[j]));
    int[] overflowKeys = new int[n];
    long[] overflowWaits = new long[n];
    for (int j = 0; j < n; j++) {
      overflowKeys[j] = dense[byKey[j]];
      overflowWaits[j] = rawWaits[byKey[j]];
    }
    if (acc.spec().attribution() != Attribution.PER_EVENT) {
      countArrivals(cells[0], offsets, overflowKeys, intervals, parts);
    }
    return new ReportStore(grid, groups, offsets, sorted[0], overflowKeys, overflowWaits, cells[0],
        acc.callsOutsidePeriod());
  }

  /**
   * Under attribution by arrival or by exit a whole call counts in one cell, so the accumulator does not count
   * arrivals: a cell's arrivals are its waits, its long waits and its waiting calls.
   */
  private static void countArrivals(Cells cells, int[] offsets, int[] overflowKeys, int intervals, int parts) {
    int groups = cells.groups;
    int[] waiting = cells.waiting;
    run(parts, p -> {
      int from = (int) ((long) intervals * p / parts);
      int to = (int) ((long) intervals * (p + 1) / parts);
      for (int x = from * groups; x < to * groups; x++) {
        long calls = (long) offsets[(x + 1) * CLASSES] - offsets[x * CLASSES] + (waiting == null ? 0 : waiting[x]);
        cells.arrivals[x] = checkedCount(calls);
      }
    });
    int groupKeys = intervals * CLASSES;
    for (int key : overflowKeys) {
      int x = key % groupKeys / CLASSES * groups + key / groupKeys;
      cells.arrivals[x] = checkedCount(cells.arrivals[x] + 1L);
    }
  }

  private static int checkedCount(long count) {
    if (count > Integer.MAX_VALUE) {
      throw CellCounts.tooMany();
    }
    return (int) count;
  }

  /**
   * How many threads group the waits: up to {@code parallelism}, one unless there are {@code parallelFrom} waits,
   * and so few that the extra threads' counts per key (4 bytes a key each) take no more memory than the waits
   * themselves (6 bytes each): with many more keys than waits, the prefix sum over every thread's counts would
   * cost more than the threads save.
   */
  static int parts(int parallelism, long waits, long keys, int parallelFrom) {
    if (waits < parallelFrom || parallelism <= 1) {
      return 1;
    }
    long byMemory = 1 + 6 * waits / (4 * Math.max(1, keys));
    return (int) Math.max(1, Math.min(parallelism, byMemory));
  }

  /**
   * A run of one block's counted waits, {@code [from, to)}, and per group of the block
   * {@code rank × CLASSES}, the part of the dense key its group gives.
   */
  private static final class Run {
    final ReportAccumulator.Segment segment;
    final int[] groupBase;
    final int from;
    final int to;

    Run(ReportAccumulator.Segment segment, int[] groupBase, int from, int to) {
      this.segment = segment;
      this.groupBase = groupBase;
      this.from = from;
      this.to = to;
    }
  }

  /** Splits the counted waits of all blocks into {@code parts} shares of (nearly) equal size, in order. */
  private static List<List<Run>> runs(List<ReportAccumulator.Segment> segments, int[] rank, int groupCount,
      int total, int parts) {
    List<List<Run>> runs = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      runs.add(new ArrayList<>());
    }
    long seen = 0;
    int p = 0;
    for (ReportAccumulator.Segment segment : segments) {
      int[] map = segment.groupMap;
      int mapped = map == null ? groupCount : map.length;
      int[] base = new int[mapped];
      for (int g = 0; g < mapped; g++) {
        base[g] = rank[map == null ? g : map[g]] * CLASSES;
      }
      int at = 0;
      while (at < segment.length) {
        while (seen >= (long) total * (p + 1) / parts) { // part p is full
          p++;
        }
        int take = (int) Math.min(segment.length - at, (long) total * (p + 1) / parts - seen);
        runs.get(p).add(new Run(segment, base, at, at + take));
        at += take;
        seen += take;
      }
    }
    return runs;
  }

  /** The cell counts of an accumulator and of those merged into it, and where their groups go in the store. */
  private static final class CellSources {
    final List<ReportAccumulator.CellsPart> all;
    /** Per source, per group of the source: the group's rank. */
    final int[][] columns;
    final int groupCount;
    final boolean waiting;
    final boolean handleTimes;
    final boolean handleNanos;

    CellSources(ReportAccumulator acc, int[] rank, int groupCount) {
      this.all = acc.cellParts();
      this.groupCount = groupCount;
      boolean w = false;
      boolean h = false;
      boolean n = false;
      columns = new int[all.size()][];
      for (int x = 0; x < columns.length; x++) {
        ReportAccumulator.CellsPart part = all.get(x);
        w |= part.counts.anyWaiting();
        h |= part.counts.anyHandleTime();
        n |= part.counts.anyHandleNanos();
        int[] map = part.groupMap;
        int[] column = new int[map == null ? groupCount : map.length];
        for (int g = 0; g < column.length; g++) {
          column[g] = rank[map == null ? g : map[g]];
        }
        columns[x] = column;
      }
      waiting = w;
      handleTimes = h;
      handleNanos = n;
    }

    Cells newCells(int intervals) {
      return new Cells(groupCount, Math.multiplyExact(groupCount, intervals), waiting, handleTimes, handleNanos);
    }

    /** Adds part {@code p} of {@code parts} (a range of chunks of intervals) of every source into the cells. */
    void addInto(Cells cells, int p, int parts) {
      if (all.isEmpty()) {
        return;
      }
      int chunks = all.get(0).counts.chunks();
      int from = (int) ((long) chunks * p / parts);
      int to = (int) ((long) chunks * (p + 1) / parts);
      for (int x = 0; x < columns.length; x++) {
        all.get(x).counts.addInto(cells, columns[x], from, to);
      }
    }
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

  // The counting sort groups the waits of the runs into the store's array by dense key and leaves
  // offsets[key] at the start of each key's slice. Each part (thread) counts its runs' keys into its own
  // counts (pass 1): the last part into offsets[key + 1], the others into arrays of their own. The prefix sum
  // over keys, and within a key over parts, turns the counts into each part's first place in each slice. Each
  // part then puts its waits at its next places (pass 2), after which offsets[key + 1] is the end of the key's
  // slice, that is the start of the next one: the offsets are ready without another pass.

  /**
   * Pass 1: counts each dense key of the runs into {@code counts[key + bump]}. With {@code low = interval ×
   * CLASSES + class} (the low bits of the accumulator's key), the dense key is {@code low + interval ×
   * intervalStride + rank × CLASSES}, {@code intervalStride} being {@code (groups − 1) × CLASSES}.
   */
  private static void count(List<Run> runs, int shift, int mask, int intervalStride, int[] counts, int bump) {
    for (Run run : runs) {
      int[] keys = run.segment.keys;
      int[] base = run.groupBase;
      for (int j = run.from; j < run.to; j++) {
        int k = keys[j];
        int low = k & mask;
        counts[low + low / CLASSES * intervalStride + base[k >>> shift] + bump]++;
      }
    }
  }

  /**
   * The prefix sum over keys, and within a key over parts: each part's count becomes its first place in the
   * key's slice. With more than one part, by key range in parallel: each range's total first, then each range
   * from the sum of the ranges before it.
   */
  private static void prefixSum(int[][] places, int[] offsets, int parts) {
    int keyCount = offsets.length - 1;
    if (parts == 1) {
      int running = 0;
      for (int k = 1; k <= keyCount; k++) {
        int c = offsets[k];
        offsets[k] = running;
        running += c;
      }
      return;
    }
    long[] rangeTotals = new long[parts];
    run(parts, t -> {
      int from = (int) ((long) keyCount * t / parts);
      int to = (int) ((long) keyCount * (t + 1) / parts);
      long sum = sum(offsets, from + 1, to + 1);
      for (int p = 0; p < parts - 1; p++) {
        sum += sum(places[p], from, to);
      }
      rangeTotals[t] = sum;
    });
    run(parts, t -> {
      long running = 0;
      for (int r = 0; r < t; r++) {
        running += rangeTotals[r];
      }
      prefixSum(places, offsets, (int) ((long) keyCount * t / parts), (int) ((long) keyCount * (t + 1) / parts),
          (int) running);
    });
  }

  /** Keys per block of the prefix sum over several parts' counts: the block's counts stay in the L1 cache. */
  private static final int PREFIX_BLOCK = 1024;

  /**
   * The prefix sum of the keys {@code [from, to)} over several parts, from {@code running} on, in blocks of
   * keys: each block's totals first, then each part's places, one array at a time (tight loops, not one
   * loop over parts per key).
   */
  private static void prefixSum(int[][] places, int[] offsets, int from, int to, int running) {
    int[] next = new int[PREFIX_BLOCK];
    int last = places.length - 1;
    for (int b = from; b < to; b += PREFIX_BLOCK) {
      int n = Math.min(PREFIX_BLOCK, to - b);
      System.arraycopy(offsets, b + 1, next, 0, n); // the last part's counts
      for (int p = 0; p < last; p++) {
        int[] counts = places[p];
        for (int k = 0; k < n; k++) {
          next[k] += counts[b + k];
        }
      }
      for (int k = 0; k < n; k++) { // totals → the key's first place
        int c = next[k];
        next[k] = running;
        running += c;
      }
      for (int p = 0; p < last; p++) {
        int[] counts = places[p];
        for (int k = 0; k < n; k++) {
          int c = counts[b + k];
          counts[b + k] = next[k];
          next[k] += c;
        }
      }
      System.arraycopy(next, 0, offsets, b + 1, n);
    }
  }

  /** Pass 2: puts each wait of the runs at its part's next place in its key's slice. */
  private static void scatter(List<Run> runs, int shift, int mask, int intervalStride, int[] places, int bump,
      char[] sorted) {
    for (Run run : runs) {
      int[] keys = run.segment.keys;
      char[] waits = run.segment.waits;
      int[] base = run.groupBase;
      for (int j = run.from; j < run.to; j++) {
        int k = keys[j];
        int low = k & mask;
        sorted[places[low + low / CLASSES * intervalStride + base[k >>> shift] + bump]++] = waits[j];
      }
    }
  }

  /** Sorts waits; a cell holds a handful of them, so insertion sort saves the library sort's set-up. */
  private static void sort(char[] a) {
    if (a.length > 24) {
      Arrays.sort(a); // a counting sort for large arrays of char
      return;
    }
    for (int i = 1; i < a.length; i++) {
      char v = a[i];
      int j = i - 1;
      while (j >= 0 && a[j] > v) {
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
    int stride = cells.groups;
    long arrivals = 0;
    long waiting = 0;
    long handleCount = 0;
    long handleSeconds = 0;
    long handleNanos = 0;
    for (int g : members) {
      arrivals += sum(cells.arrivals, g, from, to, stride);
      if (cells.waiting != null) {
        waiting += sum(cells.waiting, g, from, to, stride);
      }
      if (cells.handleCount != null && cells.handleSeconds != null) {
        handleCount += sum(cells.handleCount, g, from, to, stride);
        handleSeconds = Math.addExact(handleSeconds, sum(cells.handleSeconds, g, from, to, stride));
        if (cells.handleNanos != null) {
          handleNanos = Math.addExact(handleNanos, sum(cells.handleNanos, g, from, to, stride));
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

  /** The first key of a cell: its class 0. */
  private int key(int interval, int group) {
    return (interval * groups.length + group) * CLASSES;
  }

  private boolean isEmpty(int[] members, int from, int to) {
    for (int g : members) {
      for (int i = from; i < to; i++) {
        int k = key(i, g);
        if (offsets[k + CLASSES] != offsets[k]) {
          return false;
        }
      }
      int base = g * intervals * CLASSES;
      if (overflowCount(base + from * CLASSES, base + to * CLASSES) != 0) {
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

  /** The sum of column {@code g} over the rows {@code [from, to)} of an interval-major array. */
  private static long sum(int[] a, int g, int from, int to, int stride) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += a[i * stride + g];
    }
    return s;
  }

  private static long sum(long[] a, int g, int from, int to, int stride) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s = Math.addExact(s, a[i * stride + g]);
    }
    return s;
  }

  private static long sum(int[] a, int from, int to) {
    long s = 0;
    for (int i = from; i < to; i++) {
      s += a[i];
    }
    return s;
  }

  /** Returns the waits of one outcome class of some groups over the intervals {@code [from, to)}. */
  WaitDistribution distribution(int[] members, int from, int to, int c) {
    long n = 0;
    for (int g : members) {
      for (int i = from; i < to; i++) {
        int k = key(i, g) + c;
        n += offsets[k + 1] - offsets[k];
      }
    }
    long[] longWaits = longWaits(members, from, to, c);
    if (n == 0 && longWaits.length == 0) {
      return WaitDistribution.empty();
    }
    char[] all = new char[Math.toIntExact(n)];
    int length = 0;
    for (int g : members) {
      for (int i = from; i < to; i++) {
        int k = key(i, g) + c;
        int a = offsets[k];
        int size = offsets[k + 1] - a;
        System.arraycopy(waits, a, all, length, size);
        length += size;
      }
    }
    sort(all);
    return build(all, longWaits);
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

  /** A distribution from sorted waits {@code a} followed by longer sorted waits. */
  private static WaitDistribution build(char[] a, long[] longer) {
    int distinct = 0;
    for (int i = 0; i < a.length; i++) {
      if (i == 0 || a[i] != a[i - 1]) {
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
    for (int i = 0; i < a.length; i++) {
      char w = a[i];
      total += w;
      count++;
      if (i == 0 || w != a[i - 1]) {
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
    bytes += 4L * cells.arrivals.length;
    bytes += cells.waiting == null ? 0 : 4L * cells.waiting.length;
    bytes += cells.handleCount == null ? 0 : 4L * cells.handleCount.length;
    bytes += cells.handleSeconds == null ? 0 : 8L * cells.handleSeconds.length;
    bytes += cells.handleNanos == null ? 0 : 8L * cells.handleNanos.length;
    return bytes;
  }
}
