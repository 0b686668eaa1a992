package io.github.callmetrics.report;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The waits of one chunk of {@value WaitChunk#INTERVALS} intervals, grouped by key: immutable once made. The key of
 * {@code row} (the interval {@code first + row}), column {@code x} and outcome class {@code c} is
 * {@code (row × stride + x) × CLASSES + c}; its waits are {@code waits[offsets[base + key]]} up to
 * {@code waits[offsets[base + key + 1]]}, in no particular order. The arrays may be shared with other chunks
 * ({@link Arena}). A column is a queue/channel group: the accumulator
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
  /** Columns per row. */
  final int stride;
  /** The places of each key's waits in {@link #waits}, from {@link #base} on. */
  final int[] offsets;
  /** Where the chunk's key 0 lies in {@link #offsets}. */
  final int base;
  final char[] waits;
  /** How many waits the chunk holds. */
  private final int size;

  private WaitChunk(int first, int stride, int[] offsets, int base, char[] waits, int size) {
    this.first = first;
    this.stride = stride;
    this.offsets = offsets;
    this.base = base;
    this.waits = waits;
    this.size = size;
  }

  /**
   * Large arrays that the chunks an accumulator groups are packed into, one after another. A year's grouped
   * waits then lie in a few dozen arrays of 4 MiB, which the garbage collector allocates apart and never copies,
   * instead of thousands of small ones that each young collection during the count would copy (and promote).
   */
  static final class Arena {
    /** The longest block: 4 MiB of offsets, or of waits. */
    private static final int BLOCK_BYTES = 4 << 20;
    private int[] offsets = new int[0];
    private int offsetsUsed;
    private char[] waits = new char[0];
    private int waitsUsed;
    /**
     * The next block's bytes, doubled at each block: small accumulators (a live monitor keeps one per queue, for a
     * day) stay small.
     */
    private int blockBytes = 4 << 10;

    private void reserve(int keySlots, int count) {
      if (offsets.length - offsetsUsed < keySlots) {
        offsets = new int[Math.max(keySlots, blockBytes / 4)];
        offsetsUsed = 0;
        blockBytes = Math.min(BLOCK_BYTES, blockBytes * 2);
      }
      if (waits.length - waitsUsed < count) {
        waits = new char[Math.max(count, blockBytes / 2)];
        waitsUsed = 0;
        blockBytes = Math.min(BLOCK_BYTES, blockBytes * 2);
      }
    }
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
    return size;
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
   * @param rows  its intervals: {@value #INTERVALS}, or fewer in the grid's last chunk
   * @param stride  columns per row: more than any column a group is given
   * @param parts  grouped chunks of the same intervals
   * @param entries  ungrouped entries of the chunk ({@link #entry}) with their waits
   * @param columnOfGroup  per group id of the holder, its column; null if the column is the id
   * @param arena  where to put the new chunk's arrays; null for arrays of its own
   */
  static WaitChunk group(int first, int rows, int stride, List<Part> parts, List<ReportAccumulator.Segment> entries,
      int @Nullable [] columnOfGroup, @Nullable Arena arena) {
    int keySlots = rows * stride * CLASSES + 1;
    long total = 0;
    for (Part part : parts) {
      total += part.chunk.size;
    }
    for (ReportAccumulator.Segment segment : entries) {
      total += segment.length;
    }
    int count = Math.toIntExact(total);
    int[] offsets;
    int base;
    char[] waits;
    int running;
    if (arena == null) {
      offsets = new int[keySlots];
      base = 0;
      waits = new char[count];
      running = 0;
    } else {
      arena.reserve(keySlots, count);
      offsets = arena.offsets;
      base = arena.offsetsUsed;
      waits = arena.waits;
      running = arena.waitsUsed;
      arena.offsetsUsed += keySlots;
      arena.waitsUsed += count;
    }
    int[][] partColumns = new int[parts.size()][];
    for (int p = 0; p < partColumns.length; p++) {
      partColumns[p] = columns(parts.get(p).chunk.stride, parts.get(p).groupMap, columnOfGroup);
    }
    int[][] entryColumnKeys = new int[entries.size()][];
    for (int s = 0; s < entryColumnKeys.length; s++) {
      ReportAccumulator.Segment segment = entries.get(s);
      int[] map = segment.groupMap;
      int[] columnKeys = columns(map == null ? stride : map.length, map, columnOfGroup);
      for (int g = 0; g < columnKeys.length; g++) {
        columnKeys[g] *= CLASSES;
      }
      entryColumnKeys[s] = columnKeys;
    }
    // An entry's key here is row × rowKeys + column × CLASSES + class; its count goes to offsets[base + key + 1].
    int rowKeys = stride * CLASSES;
    int countsAt = base + 1;

    // A counting sort (offsets[base + key] written o[key] here): pass 1 counts each key's waits into o[key + 1],
    // the prefix sum turns them into each key's first place, pass 2 puts each wait at o[key + 1]++, which leaves
    // o[key + 1] at the end of the key's slice, that is the start of the next: the offsets are ready without
    // another pass.
    for (int p = 0; p < partColumns.length; p++) {
      WaitChunk from = parts.get(p).chunk;
      int[] column = partColumns[p];
      for (int row = 0; row < rows; row++) {
        for (int x = 0; x < from.stride; x++) {
          int k = from.base + (row * from.stride + x) * CLASSES;
          int to = base + (row * stride + column[x]) * CLASSES + 1;
          for (int c = 0; c < CLASSES; c++) {
            offsets[to + c] += from.offsets[k + c + 1] - from.offsets[k + c];
          }
        }
      }
    }
    for (int s = 0; s < entryColumnKeys.length; s++) {
      ReportAccumulator.Segment segment = entries.get(s);
      int[] keys = segment.keys;
      int[] columnKey = entryColumnKeys[s];
      for (int j = 0; j < segment.length; j++) {
        int k = keys[j];
        offsets[(k >>> 3 & (INTERVALS - 1)) * rowKeys + columnKey[k >>> 7] + (k & 7) + countsAt]++;
      }
    }
    offsets[base] = running;
    for (int k = base + 1; k < base + keySlots; k++) {
      int c = offsets[k];
      offsets[k] = running;
      running += c;
    }
    for (int p = 0; p < partColumns.length; p++) {
      WaitChunk from = parts.get(p).chunk;
      int[] column = partColumns[p];
      for (int row = 0; row < rows; row++) {
        for (int x = 0; x < from.stride; x++) {
          int k = from.base + (row * from.stride + x) * CLASSES;
          int to = base + (row * stride + column[x]) * CLASSES + 1;
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
    for (int s = 0; s < entryColumnKeys.length; s++) {
      ReportAccumulator.Segment segment = entries.get(s);
      int[] keys = segment.keys;
      char[] from = segment.waits;
      int[] columnKey = entryColumnKeys[s];
      for (int j = 0; j < segment.length; j++) {
        int k = keys[j];
        waits[offsets[(k >>> 3 & (INTERVALS - 1)) * rowKeys + columnKey[k >>> 7] + (k & 7) + countsAt]++] = from[j];
      }
    }
    return new WaitChunk(first, stride, offsets, base, waits, count);
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
}
