package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import io.github.callmetrics.tally.internal.TallyAccess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The counted calls of a report, in a form from which any row, roll-up or percentile is computed exactly: per
 * chunk of {@value WaitChunk#INTERVALS} intervals a {@link WaitChunk}, every wait of the chunk (packed with its
 * outcome class) grouped by cell, in the slot {@code column × INTERVALS + row} with {@code offsets[base + slot]}
 * pointing at the slot's slice, and a table from each group's rank (report order) to its column in the chunk; an
 * exact overflow list for waits of 4,096 s or more; and per cell (interval × group, interval-major, groups in
 * report order) the waiting calls, handle times and, under per-event attribution, arrivals.
 *
 * <p>A slice holds its waits in no particular order: a cell has a handful of waits, and a row sorts the ones it
 * reads (copied; every union of slices is copied and sorted anyway, and sorted packed waits are in order of class,
 * then wait), so building the store does not sort 30 million waits that may never be read one cell at a time.
 *
 * <p>Interval-major: the chunks follow the intervals, and the cells of one interval lie side by side in the arrays
 * of cell counts. The accumulator groups each chunk once the calls have moved past it, while its entries are still
 * in the processor's cache; a chunk grouped so, with nothing counted in it since, is the store's as it is, and any
 * other chunk (one at the seam of two merged accumulators, the last two or three, or all of them when the calls
 * come in random order) is grouped here from all its sources by one counting sort. Chunks are independent, so
 * several threads build the store, each an equal range of chunks. Immutable once built.
 */
final class ReportStore {
  private static final int CLASSES = OutcomeClass.COUNT;
  private static final TallyAccess TALLY = TallyAccess.Holder.get();
  /** Below this many calls one thread builds the store whatever the parallelism. */
  private static final int PARALLEL_THRESHOLD = 1 << 20;

  final IntervalGrid grid;
  final int intervals;
  /** Groups in report order (queue name, then channel). */
  final ReportAccumulator.Group[] groups;
  /** Per chunk of intervals, its grouped waits; null if it holds none. */
  final @Nullable WaitChunk[] chunks;
  /**
   * Per chunk, per group's rank, the group's column in the chunk or −1 if the chunk holds none of its waits;
   * null when the columns are the ranks.
   */
  final int[] @Nullable [] columns;
  /**
   * Keys of the longer waits, group-major ({@code (group × intervals + interval) × CLASSES + class}: a row
   * finds its own by binary search), ascending, and their waits, ascending within a key.
   */
  final int[] overflowKeys;
  final long[] overflowWaits;
  /** Arrivals, waiting calls and handle times per cell. */
  final Cells cells;
  final long callsOutsidePeriod;

  private ReportStore(IntervalGrid grid, ReportAccumulator.Group[] groups, @Nullable WaitChunk[] chunks,
      int[] @Nullable [] columns, int[] overflowKeys, long[] overflowWaits, Cells cells, long callsOutsidePeriod) {
    this.grid = grid;
    this.intervals = grid.size();
    this.groups = groups;
    this.chunks = chunks;
    this.columns = columns;
    this.overflowKeys = overflowKeys;
    this.overflowWaits = overflowWaits;
    this.cells = cells;
    this.callsOutsidePeriod = callsOutsidePeriod;
  }

  /**
   * Per cell, interval-major ({@code interval × groups + group}): arrivals, waiting calls, and the count, the
   * seconds and the nanosecond parts of handle times. The arrays of waiting calls and handle times are null
   * when nothing was counted in them. Arrivals are kept under per-event attribution only: under attribution by
   * arrival or by exit a whole call counts in one cell, so a cell's arrivals are its waits (short and long) and
   * its waiting calls, which a row reads anyway.
   */
  static final class Cells {
    final int groups;
    final int @Nullable [] arrivals;
    final int @Nullable [] waiting;
    final int @Nullable [] handleCount;
    final long @Nullable [] handleSeconds;
    final long @Nullable [] handleNanos;

    Cells(int groups, int cellCount, boolean arrivals, boolean waiting, boolean handleTimes, boolean handleNanos) {
      this.groups = groups;
      this.arrivals = arrivals ? new int[cellCount] : null;
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

  /** Builds the store with {@code parts} threads, each taking an equal range of the chunks of intervals. */
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
    ReportAccumulator.checkEntries(acc.waitCount());
    int chunkCount = acc.waits.chunkCount();
    int rangeCount = Math.max(1, Math.min(parts, chunkCount));
    CellCounts.Sources sources = new CellCounts.Sources(acc, rank, groupCount);
    WaitChunk[] chunks = new WaitChunk[chunkCount];
    int[][] columns = new int[chunkCount][];
    Cells[] cells = new Cells[1];
    // Each part (thread) takes a range of chunks: a chunk grouped once by the accumulator, and nothing else, is
    // the store's as it is (its columns the accumulator's group ids, mapped to ranks by a column table); any
    // other is grouped from all its sources here, its columns the ranks.
    run(rangeCount, p -> {
      if (p == rangeCount - 1) {
        cells[0] = sources.newCells(intervals);
      }
      List<WaitChunk.Part> grouped = new ArrayList<>();
      List<ChunkedWaits.Segment> entries = new ArrayList<>();
      for (int c = firstChunk(p, rangeCount, chunkCount); c < firstChunk(p + 1, rangeCount, chunkCount); c++) {
        grouped.clear();
        entries.clear();
        acc.waits.sourcesOf(c, grouped, entries);
        if (entries.isEmpty() && grouped.size() == 1) {
          chunks[c] = grouped.get(0).chunk;
          columns[c] = columnOfRank(grouped.get(0), rank);
        } else if (!entries.isEmpty() || !grouped.isEmpty()) {
          chunks[c] = WaitChunk.group(c << WaitChunk.BITS, groupCount, grouped, entries, rank, null);
        }
      }
    });
    run(rangeCount, p -> sources.addInto(cells[0], p, rangeCount));

    // The overflow list: dense group-major keys, sorted by key then wait.
    int[] rawKeys = acc.waits.overflowKeys();
    long[] rawWaits = acc.waits.overflowWaits();
    int n = rawKeys.length;
    int groupKeys = intervals * CLASSES;
    Integer[] byKey = new Integer[n];
    int[] dense = new int[n];
    for (int j = 0; j < n; j++) {
      byKey[j] = j;
      dense[j] = rank[rawKeys[j] >>> acc.waits.shift] * groupKeys + (rawKeys[j] & acc.waits.lowMask);
    }
    Arrays.sort(byKey, Comparator.comparingInt((Integer j) -> dense[j]).thenComparingLong(j -> rawWaits[j]));
    int[] overflowKeys = new int[n];
    long[] overflowWaits = new long[n];
    for (int j = 0; j < n; j++) {
      overflowKeys[j] = dense[byKey[j]];
      overflowWaits[j] = rawWaits[byKey[j]];
    }
    return new ReportStore(grid, groups, chunks, columns, overflowKeys, overflowWaits, cells[0],
        acc.callsOutsidePeriod());
  }

  /** Per rank, the column of a grouped chunk that holds the group, or −1 if the chunk holds none of its waits. */
  private static int[] columnOfRank(WaitChunk.Part part, int[] rank) {
    int[] column = new int[rank.length];
    Arrays.fill(column, -1);
    for (int x = 0; x < part.chunk.stride; x++) {
      column[rank[part.groupMap == null ? x : part.groupMap[x]]] = x;
    }
    return column;
  }

  /**
   * How many threads group the waits: up to {@code parallelism}, and one unless there are {@code parallelFrom}
   * waits (below that, starting threads costs more than they save).
   */
  static int parts(int parallelism, long waits, int parallelFrom) {
    return waits < parallelFrom ? 1 : Math.max(1, parallelism);
  }

  /** The first chunk of part {@code p} of {@code parts} equal ranges of chunks. */
  private static int firstChunk(int p, int parts, int chunks) {
    return (int) ((long) chunks * p / parts);
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
    long arrivals;
    if (cells.arrivals != null) {
      arrivals = sum(cells.arrivals, members, from, to, stride);
    } else { // a whole call counts in one cell: the cells' arrivals are their waits and their waiting calls
      arrivals = waiting;
      for (WaitDistribution d : byClass) {
        arrivals += d.count();
      }
    }
    if (arrivals == 0 && waiting == 0 && handleCount == 0 && Arrays.stream(byClass).allMatch(WaitDistribution::isEmpty)) {
      return TallySnapshot.empty();
    }
    return TALLY.snapshot(arrivals, byClass[OutcomeClass.ANSWERED], byClass[OutcomeClass.ABANDONED],
        Arrays.copyOfRange(byClass, OutcomeClass.FLOW_OUT, CLASSES), waiting,
        Duration.ofSeconds(handleSeconds, handleNanos), handleCount);
  }

  /**
   * The place in its chunk's {@code offsets} of the slot of an interval and a group's rank, or −1 if the chunk holds
   * no waits of the group.
   */
  private int slot(int interval, int rank) {
    int c = interval >>> WaitChunk.BITS;
    WaitChunk chunk = chunks[c];
    if (chunk == null) {
      return -1;
    }
    int[] column = columns[c];
    int x = column == null ? rank : column[rank];
    return x < 0 ? -1 : chunk.base + (x << WaitChunk.BITS) + (interval - chunk.first);
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
    long size = 0;
    for (int i = from; i < to; i++) {
      for (int g : members) {
        int k = slot(i, g);
        if (k >= 0) {
          int[] offsets = requireNonNull(chunks[i >>> WaitChunk.BITS]).offsets;
          size += offsets[k + 1] - offsets[k];
        }
      }
    }
    char[] all = new char[Math.toIntExact(size)];
    int filled = 0;
    for (int i = from; i < to; i++) {
      for (int g : members) {
        int k = slot(i, g);
        if (k >= 0) {
          WaitChunk chunk = requireNonNull(chunks[i >>> WaitChunk.BITS]);
          int a = chunk.offsets[k];
          int n = chunk.offsets[k + 1] - a;
          System.arraycopy(chunk.waits, a, all, filled, n);
          filled += n;
        }
      }
    }
    sort(all); // packed waits: by class, then by wait
    WaitDistribution[] distributions = new WaitDistribution[CLASSES];
    int start = 0;
    for (int c = 0; c < CLASSES; c++) {
      int end = start;
      while (end < all.length && OutcomeClass.charClass(all[end]) == c) {
        end++;
      }
      long[] longWaits = longWaits(members, from, to, c);
      distributions[c] = start == end && longWaits.length == 0 ? WaitDistribution.empty()
          : build(all, start, end, longWaits);
      start = end;
    }
    return distributions;
  }

  /** The wait indices of 8,192 or more (waits of 4,096 s or more) of one class of some groups and intervals, ascending. */
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

  /**
   * A distribution from the sorted packed waits {@code a[from, to)} of one class followed by longer sorted waits.
   */
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
      int w = OutcomeClass.charWait(a[i]);
      total += OutcomeClass.wholeSeconds(w);
      count++;
      if (i == from || a[i] != a[i - 1]) {
        values[++d] = w;
      }
      cumulative[d] = count;
    }
    for (int i = 0; i < longer.length; i++) {
      total = Math.addExact(total, OutcomeClass.wholeSeconds(longer[i]));
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
    long bytes = 4L * overflowKeys.length + 8L * overflowWaits.length;
    // Chunks grouped by an accumulator share its large arrays: each array counts once, whole.
    Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int c = 0; c < chunks.length; c++) {
      WaitChunk chunk = chunks[c];
      if (chunk != null) {
        if (arrays.add(chunk.offsets)) {
          bytes += 4L * chunk.offsets.length;
        }
        if (arrays.add(chunk.waits)) {
          bytes += 2L * chunk.waits.length;
        }
      }
      int[] column = columns[c];
      bytes += column == null ? 0 : 4L * column.length;
    }
    bytes += cells.arrivals == null ? 0 : 4L * cells.arrivals.length;
    bytes += cells.waiting == null ? 0 : 4L * cells.waiting.length;
    bytes += cells.handleCount == null ? 0 : 4L * cells.handleCount.length;
    bytes += cells.handleSeconds == null ? 0 : 8L * cells.handleSeconds.length;
    bytes += cells.handleNanos == null ? 0 : 8L * cells.handleNanos.length;
    return bytes;
  }
}
