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
 * a second pass scatters the waits. With more than one thread, each thread owns an equal range of intervals,
 * that is of keys, and counts, sums and scatters the waits of its range only; blocks of waits outside its range
 * (calls come roughly in time order) it skips. Immutable once built.
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
    return buildInParts(acc, parts(parallelism, acc.waitCount(), PARALLEL_THRESHOLD));
  }

  /** Builds the store with {@code parts} threads, each grouping the waits of its range of intervals. */
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
    int rangeCount = Math.max(1, Math.min(parts, intervals));
    Block[] blocks = blocks(segments, rank, groupCount);
    CellSources sources = new CellSources(acc, rank, groupCount);
    int intervalStride = (groupCount - 1) * CLASSES;
    int keysPerInterval = groupCount * CLASSES;
    int shift = acc.shift;
    int mask = acc.lowMask;

    // The counting sort (see count), each part (thread) over its own range of intervals, so of keys: first the
    // large arrays, each allocated (and zeroed) by one part, and the intervals each block holds.
    int[][] shared = new int[1][];
    char[][] sorted = new char[1][];
    Cells[] cells = new Cells[1];
    run(rangeCount, p -> {
      if (p == 0) {
        shared[0] = new int[keyCount + 1];
      }
      if (p == rangeCount - 1) {
        sorted[0] = new char[waitCount];
        cells[0] = sources.newCells(intervals);
      }
      if (rangeCount > 1) {
        for (int b = p; b < blocks.length; b += rangeCount) {
          blocks[b].findRange(mask);
        }
      }
    });
    int[] offsets = shared[0];
    // Pass 1: each part counts the keys of its range, and how many there are.
    long[] counted = new long[rangeCount];
    run(rangeCount, p -> {
      int lowFrom = firstInterval(p, rangeCount, intervals) * CLASSES;
      int lowTo = firstInterval(p + 1, rangeCount, intervals) * CLASSES;
      long n = 0;
      for (Block block : blocks) {
        if (rangeCount == 1 || block.within(lowFrom, lowTo)) {
          count(block, shift, mask, intervalStride, offsets);
          n += block.length;
        } else if (block.overlaps(lowFrom, lowTo)) {
          n += count(block, shift, mask, intervalStride, offsets, lowFrom, lowTo);
        }
      }
      counted[p] = n;
    });
    // The prefix sum of each range from the waits of the ranges before it, then pass 2 and the cells.
    run(rangeCount, p -> {
      int running = 0;
      for (int q = 0; q < p; q++) {
        running += (int) counted[q];
      }
      int from = firstInterval(p, rangeCount, intervals);
      int to = firstInterval(p + 1, rangeCount, intervals);
      prefixSum(offsets, from * keysPerInterval, to * keysPerInterval, running);
      int lowFrom = from * CLASSES;
      int lowTo = to * CLASSES;
      for (Block block : blocks) {
        if (rangeCount == 1 || block.within(lowFrom, lowTo)) {
          scatter(block, shift, mask, intervalStride, offsets, sorted[0]);
        } else if (block.overlaps(lowFrom, lowTo)) {
          scatter(block, shift, mask, intervalStride, offsets, sorted[0], lowFrom, lowTo);
        }
      }
      sources.addInto(cells[0], p, rangeCount);
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
      countArrivals(cells[0], offsets, overflowKeys, intervals, rangeCount);
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
   * How many threads group the waits: up to {@code parallelism}, and one unless there are {@code parallelFrom}
   * waits (below that, starting threads costs more than they save).
   */
  static int parts(int parallelism, long waits, int parallelFrom) {
    return waits < parallelFrom ? 1 : Math.max(1, parallelism);
  }

  /** The first interval of part {@code p} of {@code parts} equal ranges of intervals. */
  private static int firstInterval(int p, int parts, int intervals) {
    return (int) ((long) intervals * p / parts);
  }

  /**
   * One block of counted waits, with per group of the block {@code rank × CLASSES} (the part of the dense key its
   * group gives) and, when the store is built by several threads, the lowest and highest {@code interval ×
   * CLASSES + class} of its keys: calls come roughly in time order, so most blocks lie in one thread's range
   * of intervals, and the other threads skip them.
   */
  private static final class Block {
    final int[] keys;
    final char[] waits;
    final int length;
    final int[] groupBase;
    int lowest;
    int highest = Integer.MAX_VALUE;

    Block(ReportAccumulator.Segment segment, int[] groupBase) {
      this.keys = segment.keys;
      this.waits = segment.waits;
      this.length = segment.length;
      this.groupBase = groupBase;
    }

    void findRange(int mask) {
      int min = Integer.MAX_VALUE;
      int max = Integer.MIN_VALUE;
      for (int j = 0; j < length; j++) {
        int low = keys[j] & mask;
        min = Math.min(min, low);
        max = Math.max(max, low);
      }
      lowest = min;
      highest = max;
    }

    /** Checks if every key of the block lies in {@code [from, to)} (of {@code interval × CLASSES + class}). */
    boolean within(int from, int to) {
      return lowest >= from && highest < to;
    }

    /** Checks if some key of the block may lie in {@code [from, to)}. */
    boolean overlaps(int from, int to) {
      return highest >= from && lowest < to;
    }
  }

  /** The blocks of counted waits. */
  private static Block[] blocks(List<ReportAccumulator.Segment> segments, int[] rank, int groupCount) {
    List<Block> blocks = new ArrayList<>(segments.size());
    for (ReportAccumulator.Segment segment : segments) {
      if (segment.length == 0) {
        continue;
      }
      int[] map = segment.groupMap;
      int mapped = map == null ? groupCount : map.length;
      int[] base = new int[mapped];
      for (int g = 0; g < mapped; g++) {
        base[g] = rank[map == null ? g : map[g]] * CLASSES;
      }
      blocks.add(new Block(segment, base));
    }
    return blocks.toArray(new Block[0]);
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

  // The counting sort groups the waits of the blocks into the store's array by dense key and leaves
  // offsets[key] at the start of each key's slice. Pass 1 counts each key into offsets[key + 1]; the prefix sum
  // turns offsets[key + 1] into the key's first place; pass 2 puts each wait at offsets[key + 1]++, after which
  // offsets[key + 1] is the end of the key's slice, that is the start of the next one: the offsets are ready
  // without another pass. With several threads each owns a range of intervals, that is of keys: it counts,
  // sums and scatters only the keys of its range, in the shared arrays, so no count is kept twice and a slice
  // holds its waits in the order one thread would put them.

  /**
   * Pass 1: counts each dense key of a block into {@code counts[key + 1]}. With {@code low = interval × CLASSES +
   * class} (the low bits of the accumulator's key), the dense key is {@code low + interval × intervalStride +
   * rank × CLASSES}, {@code intervalStride} being {@code (groups − 1) × CLASSES}.
   */
  private static void count(Block block, int shift, int mask, int intervalStride, int[] counts) {
    int[] keys = block.keys;
    int[] base = block.groupBase;
    for (int j = 0; j < block.length; j++) {
      int k = keys[j];
      int low = k & mask;
      counts[low + low / CLASSES * intervalStride + base[k >>> shift] + 1]++;
    }
  }

  /** Pass 1 for the keys of a block whose {@code low} lies in {@code [from, to)}; returns how many there were. */
  private static long count(Block block, int shift, int mask, int intervalStride, int[] counts, int from, int to) {
    int[] keys = block.keys;
    int[] base = block.groupBase;
    long n = 0;
    for (int j = 0; j < block.length; j++) {
      int k = keys[j];
      int low = k & mask;
      if (low >= from && low < to) {
        counts[low + low / CLASSES * intervalStride + base[k >>> shift] + 1]++;
        n++;
      }
    }
    return n;
  }

  /** The prefix sum of the keys {@code [from, to)}: each key's count becomes its first place, from {@code running}. */
  private static void prefixSum(int[] offsets, int from, int to, int running) {
    for (int k = from + 1; k <= to; k++) {
      int c = offsets[k];
      offsets[k] = running;
      running += c;
    }
  }

  /** Pass 2: puts each wait of a block at its key's next place. */
  private static void scatter(Block block, int shift, int mask, int intervalStride, int[] places, char[] sorted) {
    int[] keys = block.keys;
    char[] waits = block.waits;
    int[] base = block.groupBase;
    for (int j = 0; j < block.length; j++) {
      int k = keys[j];
      int low = k & mask;
      sorted[places[low + low / CLASSES * intervalStride + base[k >>> shift] + 1]++] = waits[j];
    }
  }

  /** Pass 2 for the keys of a block whose {@code low} lies in {@code [from, to)}. */
  private static void scatter(Block block, int shift, int mask, int intervalStride, int[] places, char[] sorted,
      int from, int to) {
    int[] keys = block.keys;
    char[] waits = block.waits;
    int[] base = block.groupBase;
    for (int j = 0; j < block.length; j++) {
      int k = keys[j];
      int low = k & mask;
      if (low >= from && low < to) {
        sorted[places[low + low / CLASSES * intervalStride + base[k >>> shift] + 1]++] = waits[j];
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
    long arrivals = sum(cells.arrivals, members, from, to, stride);
    long waiting = cells.waiting == null ? 0 : sum(cells.waiting, members, from, to, stride);
    long handleCount = 0;
    long handleSeconds = 0;
    long handleNanos = 0;
    if (cells.handleCount != null && cells.handleSeconds != null) {
      handleCount = sum(cells.handleCount, members, from, to, stride);
      handleSeconds = sum(cells.handleSeconds, members, from, to, stride);
      if (cells.handleNanos != null) {
        handleNanos = sum(cells.handleNanos, members, from, to, stride);
      }
    }
    WaitDistribution[] byClass = distributions(members, from, to);
    if (arrivals == 0 && waiting == 0 && handleCount == 0 && Arrays.stream(byClass).allMatch(WaitDistribution::isEmpty)) {
      return TallySnapshot.empty();
    }
    return TALLY.snapshot(arrivals, byClass[0], byClass[1], Arrays.copyOfRange(byClass, 2, CLASSES), waiting,
        Duration.ofSeconds(handleSeconds, handleNanos), handleCount);
  }

  /** The first key of a cell: its class 0. */
  private int key(int interval, int group) {
    return (interval * groups.length + group) * CLASSES;
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

  // Rows, roll-ups and totals read the store interval by interval, their groups inside: the cells of one
  // interval lie side by side (interval-major), so a total of the year reads the arrays once, in order.

  /** The sum over the rows {@code [from, to)} of an interval-major array, of the columns {@code members}. */
  private static long sum(int[] a, int[] members, int from, int to, int stride) {
    long s = 0;
    for (int i = from; i < to; i++) {
      int row = i * stride;
      for (int g : members) {
        s += a[row + g];
      }
    }
    return s;
  }

  private static long sum(long[] a, int[] members, int from, int to, int stride) {
    long s = 0;
    for (int i = from; i < to; i++) {
      int row = i * stride;
      for (int g : members) {
        s = Math.addExact(s, a[row + g]);
      }
    }
    return s;
  }

  /** Returns the waits of each outcome class of some groups over the intervals {@code [from, to)}. */
  private WaitDistribution[] distributions(int[] members, int from, int to) {
    long[] sizes = new long[CLASSES];
    for (int i = from; i < to; i++) {
      for (int g : members) {
        int k = key(i, g);
        if (offsets[k + CLASSES] != offsets[k]) {
          for (int c = 0; c < CLASSES; c++) {
            sizes[c] += offsets[k + c + 1] - offsets[k + c];
          }
        }
      }
    }
    char[][] byClass = new char[CLASSES][];
    for (int c = 0; c < CLASSES; c++) {
      byClass[c] = new char[Math.toIntExact(sizes[c])];
    }
    int[] filled = new int[CLASSES];
    for (int i = from; i < to; i++) {
      for (int g : members) {
        int k = key(i, g);
        if (offsets[k + CLASSES] != offsets[k]) {
          for (int c = 0; c < CLASSES; c++) {
            int a = offsets[k + c];
            int size = offsets[k + c + 1] - a;
            System.arraycopy(waits, a, byClass[c], filled[c], size);
            filled[c] += size;
          }
        }
      }
    }
    WaitDistribution[] distributions = new WaitDistribution[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      long[] longWaits = longWaits(members, from, to, c);
      if (byClass[c].length == 0 && longWaits.length == 0) {
        distributions[c] = WaitDistribution.empty();
      } else {
        sort(byClass[c]);
        distributions[c] = build(byClass[c], longWaits);
      }
    }
    return distributions;
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
