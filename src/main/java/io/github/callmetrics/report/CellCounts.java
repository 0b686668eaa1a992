package io.github.callmetrics.report;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The counts of a report accumulator that are sums per cell (queue/channel group × interval), not waits:
 * arrivals, calls still waiting, and the count and sum of handle times.
 *
 * <p>Interval-major: the groups of one interval lie side by side, so calls in time order (the usual case)
 * touch a few hundred bytes, not one cache line and one page per group. The arrays are allocated in chunks of
 * {@value #CHUNK} intervals when a call first counts in them, so an accumulator that saw one month of a year's
 * grid (a part of a parallel stream, for example) holds one month of counts. Within a chunk, the cell of row
 * {@code r} (the interval {@code chunk × CHUNK + r}) and group {@code g} is {@code r × capacity + g}; when
 * there are more groups than the capacity, the chunks are laid out again with twice the capacity.
 *
 * <p>Not thread-safe; owned by one {@link ReportAccumulator}, or handed over to another and then read only.
 */
final class CellCounts {
  static final int CHUNK_BITS = 8;
  /** Intervals per chunk. */
  static final int CHUNK = 1 << CHUNK_BITS;
  private static final int ROW = CHUNK - 1;

  private final int intervals;
  /** Groups per row of every chunk. */
  private int capacity = 8;
  private final int[] @Nullable [] arrivals;
  private final int[] @Nullable [] waiting;
  private final int[] @Nullable [] handleCount;
  private final long[] @Nullable [] handleSeconds;
  /** Sums of the nanosecond parts, normalised only when read (a long holds 9 billion of them). */
  private final long[] @Nullable [] handleNanos;

  CellCounts(int intervals) {
    this.intervals = intervals;
    int chunks = (intervals + ROW) >>> CHUNK_BITS;
    arrivals = new int[chunks][];
    waiting = new int[chunks][];
    handleCount = new int[chunks][];
    handleSeconds = new long[chunks][];
    handleNanos = new long[chunks][];
  }

  /** Makes room for groups {@code 0 … groups − 1}: lays the chunks out again if the capacity is too small. */
  void ensureGroups(int groups) {
    if (groups <= capacity) {
      return;
    }
    int old = capacity;
    int wider = Math.max(groups, old * 2);
    for (int c = 0; c < arrivals.length; c++) {
      arrivals[c] = widen(arrivals[c], old, wider);
      waiting[c] = widen(waiting[c], old, wider);
      handleCount[c] = widen(handleCount[c], old, wider);
      handleSeconds[c] = widen(handleSeconds[c], old, wider);
      handleNanos[c] = widen(handleNanos[c], old, wider);
    }
    capacity = wider;
  }

  private static int @Nullable [] widen(int @Nullable [] chunk, int old, int wider) {
    if (chunk == null) {
      return null;
    }
    int[] to = new int[CHUNK * wider];
    for (int r = 0; r < CHUNK; r++) {
      System.arraycopy(chunk, r * old, to, r * wider, old);
    }
    return to;
  }

  private static long @Nullable [] widen(long @Nullable [] chunk, int old, int wider) {
    if (chunk == null) {
      return null;
    }
    long[] to = new long[CHUNK * wider];
    for (int r = 0; r < CHUNK; r++) {
      System.arraycopy(chunk, r * old, to, r * wider, old);
    }
    return to;
  }

  private int cell(int interval, int group) {
    return (interval & ROW) * capacity + group;
  }

  void countArrival(int interval, int group) {
    int[] chunk = arrivals[interval >>> CHUNK_BITS];
    if (chunk == null) {
      chunk = arrivals[interval >>> CHUNK_BITS] = new int[CHUNK * capacity];
    }
    if (++chunk[cell(interval, group)] < 0) {
      throw tooMany();
    }
  }

  void countWaiting(int interval, int group) {
    int[] chunk = waiting[interval >>> CHUNK_BITS];
    if (chunk == null) {
      chunk = waiting[interval >>> CHUNK_BITS] = new int[CHUNK * capacity];
    }
    if (++chunk[cell(interval, group)] < 0) {
      throw tooMany();
    }
  }

  void addHandleTime(int interval, int group, long seconds, int nanos) {
    int c = interval >>> CHUNK_BITS;
    int[] count = handleCount[c];
    long[] sum = handleSeconds[c];
    if (count == null || sum == null || nanos != 0) {
      addHandleTimeSlowly(interval, group, seconds, nanos);
      return;
    }
    int x = cell(interval, group);
    if (++count[x] < 0) {
      throw tooMany();
    }
    sum[x] = Math.addExact(sum[x], seconds);
  }

  /** The first handle time of a chunk, or one with nanoseconds. */
  private void addHandleTimeSlowly(int interval, int group, long seconds, int nanos) {
    int c = interval >>> CHUNK_BITS;
    int[] count = handleCount[c];
    long[] sum = handleSeconds[c];
    if (count == null || sum == null) {
      count = handleCount[c] = new int[CHUNK * capacity];
      sum = handleSeconds[c] = new long[CHUNK * capacity];
    }
    int x = cell(interval, group);
    if (++count[x] < 0) {
      throw tooMany();
    }
    sum[x] = Math.addExact(sum[x], seconds);
    if (nanos != 0) {
      long[] n = handleNanos[c];
      if (n == null) {
        n = handleNanos[c] = new long[CHUNK * capacity];
      }
      n[x] += nanos; // at most 2^31 nanosecond parts under 10^9 each: no overflow
    }
  }

  /** A copy that later additions to this one do not change. */
  CellCounts copy() {
    CellCounts copy = new CellCounts(intervals);
    copy.capacity = capacity;
    for (int c = 0; c < arrivals.length; c++) {
      copy.arrivals[c] = clone(arrivals[c]);
      copy.waiting[c] = clone(waiting[c]);
      copy.handleCount[c] = clone(handleCount[c]);
      copy.handleSeconds[c] = clone(handleSeconds[c]);
      copy.handleNanos[c] = clone(handleNanos[c]);
    }
    return copy;
  }

  private static int @Nullable [] clone(int @Nullable [] a) {
    return a == null ? null : a.clone();
  }

  private static long @Nullable [] clone(long @Nullable [] a) {
    return a == null ? null : a.clone();
  }

  /** Returns how many chunks the grid has. */
  int chunks() {
    return arrivals.length;
  }

  /** Returns whether any call was counted as waiting. */
  boolean anyWaiting() {
    return Arrays.stream(waiting).anyMatch(c -> c != null);
  }

  /** Returns whether any handle time was counted. */
  boolean anyHandleTime() {
    return Arrays.stream(handleCount).anyMatch(c -> c != null);
  }

  /** Returns whether any handle time had a nanosecond part. */
  boolean anyHandleNanos() {
    return Arrays.stream(handleNanos).anyMatch(c -> c != null);
  }

  /**
   * Adds the counts of the chunks {@code [fromChunk, toChunk)} into the store's interval-major arrays, where
   * the cell of interval {@code i} and group {@code g} is {@code i × groups + column[g]}.
   *
   * @param column  per group of these counts, its column in the store; {@code column.length} groups are read
   */
  void addInto(ReportStore.Cells into, int[] column, int fromChunk, int toChunk) {
    int stride = into.groups;
    for (int c = fromChunk; c < toChunk; c++) {
      int rows = Math.min(CHUNK, intervals - (c << CHUNK_BITS));
      int firstCell = (c << CHUNK_BITS) * stride;
      addInto(into.arrivals, arrivals[c], rows, column, firstCell, stride);
      addInto(into.waiting, waiting[c], rows, column, firstCell, stride);
      addInto(into.handleCount, handleCount[c], rows, column, firstCell, stride);
      addInto(into.handleSeconds, handleSeconds[c], rows, column, firstCell, stride);
      addInto(into.handleNanos, handleNanos[c], rows, column, firstCell, stride);
    }
  }

  private void addInto(int @Nullable [] to, int @Nullable [] chunk, int rows, int[] column, int firstCell,
      int stride) {
    if (chunk == null || to == null) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      int from = r * capacity;
      int cell = firstCell + r * stride;
      for (int g = 0; g < column.length; g++) {
        int v = chunk[from + g];
        if (v != 0) {
          int x = cell + column[g];
          int sum = to[x] + v;
          if (sum < 0) { // both are counts, zero or more: a negative sum overflowed
            throw tooMany();
          }
          to[x] = sum;
        }
      }
    }
  }

  private void addInto(long @Nullable [] to, long @Nullable [] chunk, int rows, int[] column, int firstCell,
      int stride) {
    if (chunk == null || to == null) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      int from = r * capacity;
      int cell = firstCell + r * stride;
      for (int g = 0; g < column.length; g++) {
        long v = chunk[from + g];
        if (v != 0) {
          int x = cell + column[g];
          to[x] = Math.addExact(to[x], v);
        }
      }
    }
  }

  /** The cell counts of an accumulator and of those merged into it, and where their groups go in the store. */
  static final class Sources {
    final List<ReportAccumulator.CellsPart> all;
    /** Per source, per group of the source: the group's rank. */
    final int[][] columns;
    final int groupCount;
    /** Arrivals are counted per cell under per-event attribution only. */
    final boolean perEvent;
    final boolean waiting;
    final boolean handleTimes;
    final boolean handleNanos;

    Sources(ReportAccumulator acc, int[] rank, int groupCount) {
      this.all = acc.cellParts();
      this.perEvent = ReportAccumulator.countsArrivalsApart(acc.spec().attribution());
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

    ReportStore.Cells newCells(int intervals) {
      return new ReportStore.Cells(groupCount, Math.multiplyExact(groupCount, intervals), perEvent, waiting, handleTimes,
          handleNanos);
    }

    /** Adds part {@code p} of {@code parts} (a range of chunks of intervals) of every source into the cells. */
    void addInto(ReportStore.Cells cells, int p, int parts) {
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

  static IllegalStateException tooMany() {
    return new IllegalStateException("more than " + Integer.MAX_VALUE
        + " calls in one interval of one queue and channel (expected fewer; merge reports of parts instead)");
  }
}
