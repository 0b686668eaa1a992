package io.github.callmetrics.report;

import io.github.callmetrics.call.internal.OutcomeClass;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The waits of one chunk of {@value WaitChunk#INTERVALS} intervals, grouped by cell: immutable once made. The slot of
 * column {@code x} and {@code row} (the interval {@code first + row}) is {@code x × INTERVALS + row}; its waits are
 * {@code waits[offsets[base + slot]]} up to {@code waits[offsets[base + slot + 1]]}, in no particular order. The
 * arrays may be shared with other chunks ({@link Arena}). A column is a queue/channel group: the accumulator that
 * grouped the chunk numbers its columns by its own group ids, the store's rebuilt chunks by the groups' rank.
 *
 * <p>A wait is kept as one {@code char}: its outcome class in the top bits and its wait index
 * ({@link OutcomeClass#waitIndex}), below {@value #LONG_WAIT}, in the others ({@link OutcomeClass#packChar}). A cell's waits sorted as
 * numbers are therefore sorted by class, then by wait, and one slot per cell suffices (a slot per class and cell
 * made the counting sort's prefix sum six times as long as it is now).
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
  /** Wait indices of this value or more (waits of 4,096 s, 1 h 8 min 16 s, or more) do not fit a packed wait. */
  static final int LONG_WAIT = OutcomeClass.CHAR_LONG_WAIT;

  /** The chunk's first interval. */
  final int first;
  /** Columns. */
  final int stride;
  /** The places of each slot's waits in {@link #waits}, from {@link #base} on. */
  final int[] offsets;
  /** Where the chunk's slot 0 lies in {@link #offsets}. */
  final int base;
  /** Packed waits ({@link OutcomeClass#packChar}). */
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

    private void reserve(int slots, int count) {
      if (offsets.length - offsetsUsed < slots) {
        offsets = new int[Math.max(slots, blockBytes / 4)];
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
   * The key of a wait not grouped yet: {@code group << BITS | row}, the row being the interval's place in its
   * chunk; its slot is then its group's first slot plus the row (a table lookup, a shift and a mask).
   */
  static int entry(int group, int interval) {
    return group << BITS | (interval & (INTERVALS - 1));
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
   * @param stride  columns: more than any column a group is given
   * @param parts  grouped chunks of the same intervals
   * @param entries  ungrouped entries of the chunk ({@link #entry}) with their packed waits
   * @param columnOfGroup  per group id of the holder, its column; null if the column is the id
   * @param arena  where to put the new chunk's arrays; null for arrays of its own
   */
  static WaitChunk group(int first, int stride, List<Part> parts, List<ChunkedWaits.Segment> entries,
      int @Nullable [] columnOfGroup, @Nullable Arena arena) {
    int slots = stride << BITS;
    long total = 0;
    for (Part part : parts) {
      total += part.chunk.size;
    }
    for (ChunkedWaits.Segment segment : entries) {
      total += segment.length;
    }
    int count = Math.toIntExact(total);
    int[] offsets;
    int base;
    char[] waits;
    int running;
    if (arena == null) {
      offsets = new int[slots + 1];
      base = 0;
      waits = new char[count];
      running = 0;
    } else {
      arena.reserve(slots + 1, count);
      offsets = arena.offsets;
      base = arena.offsetsUsed;
      waits = arena.waits;
      running = arena.waitsUsed;
      arena.offsetsUsed += slots + 1;
      arena.waitsUsed += count;
    }
    // A counting sort, its counts in offsets (fresh, so zero): pass 1 counts each slot's waits into
    // offsets[base + slot + 1], the prefix sum turns them into each slot's first place, pass 2 puts each wait at
    // offsets[base + slot + 1]++, which leaves it at the end of the slot's waits, that is the start of the next
    // slot's: the offsets are ready without another pass.
    int countsAt = base + 1;
    int[][] partSlots = new int[parts.size()][];
    for (int p = 0; p < partSlots.length; p++) {
      partSlots[p] = columnSlots(parts.get(p).chunk.stride, parts.get(p).groupMap, columnOfGroup);
    }
    int[][] entrySlots = new int[entries.size()][];
    for (int s = 0; s < entrySlots.length; s++) {
      int[] map = entries.get(s).groupMap;
      entrySlots[s] = columnSlots(map == null ? stride : map.length, map, columnOfGroup);
    }
    for (int p = 0; p < partSlots.length; p++) {
      WaitChunk from = parts.get(p).chunk;
      for (int x = 0; x < from.stride; x++) {
        int k = from.base + (x << BITS);
        int to = countsAt + partSlots[p][x];
        for (int row = 0; row < INTERVALS; row++) {
          offsets[to + row] += from.offsets[k + row + 1] - from.offsets[k + row];
        }
      }
    }
    for (int s = 0; s < entrySlots.length; s++) {
      ChunkedWaits.Segment segment = entries.get(s);
      int[] keys = segment.keys;
      int[] slotOf = entrySlots[s];
      for (int j = 0; j < segment.length; j++) {
        int k = keys[j];
        offsets[countsAt + slotOf[k >>> BITS] + (k & (INTERVALS - 1))]++;
      }
    }
    prefixSum(offsets, base, slots, running);
    for (int p = 0; p < partSlots.length; p++) {
      WaitChunk from = parts.get(p).chunk;
      for (int x = 0; x < from.stride; x++) {
        int k = from.base + (x << BITS);
        int to = countsAt + partSlots[p][x];
        for (int row = 0; row < INTERVALS; row++) {
          int place = offsets[to + row];
          for (int j = from.offsets[k + row], end = from.offsets[k + row + 1]; j < end; j++) {
            waits[place++] = from.waits[j]; // a slot holds a wait or ten: a loop, not arraycopy's set-up
          }
          offsets[to + row] = place;
        }
      }
    }
    for (int s = 0; s < entrySlots.length; s++) {
      ChunkedWaits.Segment segment = entries.get(s);
      int[] keys = segment.keys;
      char[] from = segment.waits;
      int[] slotOf = entrySlots[s];
      for (int j = 0; j < segment.length; j++) {
        int k = keys[j];
        waits[offsets[countsAt + slotOf[k >>> BITS] + (k & (INTERVALS - 1))]++] = from[j];
      }
    }
    return new WaitChunk(first, stride, offsets, base, waits, count);
  }

  /**
   * Turns the counts of {@code slots} slots at {@code offsets[base + 1 …]} into each slot's first place, shifted by
   * one ({@code offsets[base + slot + 1]}), with {@code offsets[base]} the first slot's, from {@code running} on.
   */
  private static void prefixSum(int[] offsets, int base, int slots, int running) {
    offsets[base] = running;
    for (int k = base + 1, end = base + slots; k <= end; k++) {
      int c = offsets[k];
      offsets[k] = running;
      running += c;
    }
  }

  /**
   * Per column of a source ({@code count} of them, its group ids through {@code groupMap}): the first slot of its
   * column here.
   */
  private static int[] columnSlots(int count, int @Nullable [] groupMap, int @Nullable [] columnOfGroup) {
    int[] slots = new int[count];
    for (int x = 0; x < count; x++) {
      int id = groupMap == null ? x : groupMap[x];
      slots[x] = (columnOfGroup == null ? id : columnOfGroup[id]) << BITS;
    }
    return slots;
  }
}
