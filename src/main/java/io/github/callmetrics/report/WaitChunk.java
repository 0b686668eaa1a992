package io.github.callmetrics.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The waits of one chunk of {@value WaitChunk#INTERVALS} intervals, grouped by key: immutable once made. The key of
 * {@code row} (the interval {@code first + row}), column {@code x} and outcome class {@code c} is
 * {@code (row × stride + x) × CLASSES + c}; its waits are {@code waits[offsets[key]]} up to
 * {@code waits[offsets[key + 1]]}, in no particular order. A column is a queue/channel group: the accumulator
 * that grouped the chunk numbers its columns by its own group ids, the store's rebuilt chunks by the groups' rank.
 *
 * <p>{@link #group} is one counting sort over the sources of a chunk (ungrouped entries and grouped chunks); the
 * accumulator uses it to group a chunk once the calls have moved past it (its entries are then still in the
 * processor's cache), the store to combine what is left.
 */
final class WaitChunk {
  /**
   * Intervals per chunk: {@code 1 << BITS}. Small, so that a chunk's entries (a few hours of calls in a quarter-hour
   * grid: some 14,000 for the year's workload, 80 KB) are still in the processor's cache when the accumulator
   * groups them, one chunk after they were counted.
   */
  static final int BITS = 4;
  static final int INTERVALS = 1 << BITS;
  private static final int CLASSES = ReportAccumulator.CLASSES;

  /** The chunk's first interval. */
  final int first;
  /** Its intervals: {@value WaitChunk#INTERVALS}, or fewer in the grid's last chunk. */
  final int rows;
  /** Columns per row. */
  final int stride;
  final int[] offsets;
  final char[] waits;

  private WaitChunk(int first, int rows, int stride, int[] offsets, char[] waits) {
    this.first = first;
    this.rows = rows;
    this.stride = stride;
    this.offsets = offsets;
    this.waits = waits;
  }

  /**
   * The key of a wait not grouped yet: {@code group << 7 | row << 3 | class}, the row being the interval's place in
   * its chunk; grouping it then takes shifts, masks and one multiplication.
   */
  static int entry(int group, int interval, int c) {
    return group << 7 | (interval & (INTERVALS - 1)) << 3 | c;
  }

  /** Returns how many waits the chunk holds. */
  int size() {
    return waits.length;
  }

  /** A grouped chunk as one source of another: its columns are the group ids that {@code groupMap} maps. */
  static final class Part {
    final WaitChunk chunk;
    /** The chunk's columns → the holder's group ids, or null if they are the holder's ids already. */
    final int @Nullable [] groupMap;

    Part(WaitChunk chunk, int @Nullable [] groupMap) {
      this.chunk = chunk;
      this.groupMap = groupMap;
    }
  }

  /**
   * Groups the waits of some sources of one chunk into a new chunk.
   *
   * @param first  the chunk's first interval
   * @param rows  its intervals
   * @param stride  columns per row: more than any column a group is given
   * @param parts  grouped chunks of the same intervals
   * @param entries  ungrouped entries of the chunk ({@link #entry}) with their waits
   * @param columnOfGroup  per group id of the holder, its column; null if the column is the id
   */
  static WaitChunk group(int first, int rows, int stride, List<Part> parts, List<ReportAccumulator.Segment> entries,
      int @Nullable [] columnOfGroup) {
    int[] offsets = new int[rows * stride * CLASSES + 1];
    int[][] partColumns = new int[parts.size()][];
    for (int p = 0; p < partColumns.length; p++) {
      partColumns[p] = columns(parts.get(p).chunk.stride, parts.get(p).groupMap, columnOfGroup);
    }
    int[][] entryBases = new int[entries.size()][];
    for (int s = 0; s < entryBases.length; s++) {
      ReportAccumulator.Segment segment = entries.get(s);
      int[] map = segment.groupMap;
      int[] base = columns(map == null ? stride : map.length, map, columnOfGroup);
      for (int g = 0; g < base.length; g++) {
        base[g] *= CLASSES;
      }
      entryBases[s] = base;
    }
    // An entry's key here is row × rowKeys + column × CLASSES + class.
    int rowKeys = stride * CLASSES;

    // A counting sort: pass 1 counts each key's waits into offsets[key + 1], the prefix sum turns them into each
    // key's first place, pass 2 puts each wait at offsets[key + 1]++, which leaves offsets[key + 1] at the end of
    // the key's slice, that is the start of the next: the offsets are ready without another pass.
    for (int p = 0; p < partColumns.length; p++) {
      WaitChunk from = parts.get(p).chunk;
      int[] column = partColumns[p];
      for (int row = 0; row < rows; row++) {
        for (int x = 0; x < from.stride; x++) {
          int k = (row * from.stride + x) * CLASSES;
          int to = (row * stride + column[x]) * CLASSES + 1;
          for (int c = 0; c < CLASSES; c++) {
            offsets[to + c] += from.offsets[k + c + 1] - from.offsets[k + c];
          }
        }
      }
    }
    for (int s = 0; s < entryBases.length; s++) {
      ReportAccumulator.Segment segment = entries.get(s);
      int[] keys = segment.keys;
      int[] base = entryBases[s];
      for (int j = 0; j < segment.length; j++) {
        int k = keys[j];
        offsets[(k >>> 3 & (INTERVALS - 1)) * rowKeys + base[k >>> 7] + (k & 7) + 1]++;
      }
    }
    int running = 0;
    for (int k = 1; k < offsets.length; k++) {
      int c = offsets[k];
      offsets[k] = running;
      running += c;
    }
    char[] waits = new char[running];
    for (int p = 0; p < partColumns.length; p++) {
      WaitChunk from = parts.get(p).chunk;
      int[] column = partColumns[p];
      for (int row = 0; row < rows; row++) {
        for (int x = 0; x < from.stride; x++) {
          int k = (row * from.stride + x) * CLASSES;
          int to = (row * stride + column[x]) * CLASSES + 1;
          for (int c = 0; c < CLASSES; c++) {
            int place = offsets[to + c];
            for (int j = from.offsets[k + c], end = from.offsets[k + c + 1]; j < end; j++) {
              waits[place++] = from.waits[j]; // a slice holds a wait or two: a loop, not arraycopy's set-up
            }
            offsets[to + c] = place;
          }
        }
      }
    }
    for (int s = 0; s < entryBases.length; s++) {
      ReportAccumulator.Segment segment = entries.get(s);
      int[] keys = segment.keys;
      char[] from = segment.waits;
      int[] base = entryBases[s];
      for (int j = 0; j < segment.length; j++) {
        int k = keys[j];
        waits[offsets[(k >>> 3 & (INTERVALS - 1)) * rowKeys + base[k >>> 7] + (k & 7) + 1]++] = from[j];
      }
    }
    return new WaitChunk(first, rows, stride, offsets, waits);
  }

  /** Per column of a source ({@code count} of them, its group ids through {@code groupMap}): its column here. */
  private static int[] columns(int count, int @Nullable [] groupMap, int @Nullable [] columnOfGroup) {
    int[] columns = new int[count];
    for (int x = 0; x < count; x++) {
      int id = groupMap == null ? x : groupMap[x];
      columns[x] = columnOfGroup == null ? id : columnOfGroup[id];
    }
    return columns;
  }

  /** Returns the bytes of the chunk's arrays. */
  long bytes() {
    return 4L * offsets.length + 2L * waits.length;
  }
}
