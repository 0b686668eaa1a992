package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.internal.OutcomeClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The counted waits of one {@link ReportAccumulator}, per chunk of {@value WaitChunk#INTERVALS} intervals: one
 * {@code int} key ({@link WaitChunk#entry}) and one packed {@code char} ({@link OutcomeClass#packChar}) a wait,
 * appended to the buffer of the interval's chunk; wait indices of {@value WaitChunk#LONG_WAIT} or more (4,096 s) go to an exact
 * overflow list. Once the calls have moved past a chunk, its entries are grouped by cell with a counting sort
 * ({@link WaitChunk#group}) while they are still in the processor's cache. Merging hands over another
 * accumulator's grouped chunks and entries without copying them.
 *
 * <p>Not thread-safe; owned by one accumulator.
 */
final class ChunkedWaits {
  /** Waits in a row in one chunk that show the calls have reached it (see {@link #open(int)}). */
  private static final int RUN = 16;
  /** The first buffer of a chunk's entries: doubled when full, and handed on to the next chunk when grouped. */
  private static final int FIRST_BUFFER = 256;
  /** The longest buffer of a chunk's entries. */
  private static final int MAX_BUFFER = ReportAccumulator.MAX_WAITS;

  /** An overflow list's key is {@code group << shift | interval * OutcomeClass.COUNT + class}. */
  final int shift;
  final int lowMask;
  private final GroupTable groups;

  /**
   * Per chunk, its counted waits: grouped by key, and entries not grouped yet; null until a wait counts in it.
   */
  private final @Nullable ChunkState[] chunks;
  /**
   * The chunk whose entries are appended to {@link #keys} and {@link #waits} (its state's buffer, lent to these
   * fields), or −1.
   */
  private int open = -1;
  private int[] keys = new int[0];
  private char[] waits = new char[0];
  private int used;
  /**
   * The chunks below this one were grouped (those that had entries of their own) when the calls had moved on
   * past them: calls come roughly in time order, so a chunk the calls have moved past is complete, and its
   * entries were appended a moment ago (some 30,000 calls for the year's workload), so they are still in the
   * processor's cache.
   */
  private int groupedBelow;
  /** Where the open chunk's run of waits began: its {@link #used} when it was opened. */
  private int runStart;
  /** Where grouped chunks are kept. */
  private final WaitChunk.Arena arena = new WaitChunk.Arena();
  /** The buffer of the chunk grouped last, for the next chunk to open; null if none is spare. */
  private int @Nullable [] spareKeys;
  private char @Nullable [] spareWaits;

  private int[] overflowKeys = new int[0];
  private long[] overflowWaits = new long[0];
  private int overflowCount;

  /** The waits of a grid of {@code intervals}, by the ids of {@code groups}. */
  ChunkedWaits(int intervals, int shift, GroupTable groups) {
    this.shift = shift;
    this.lowMask = (1 << shift) - 1;
    this.groups = groups;
    this.chunks = new ChunkState[(intervals + WaitChunk.INTERVALS - 1) >>> WaitChunk.BITS];
  }

  /** The bits below a group's id in an overflow key, for a grid of {@code intervals}. */
  static int shiftFor(int intervals) {
    long low = (long) intervals * OutcomeClass.COUNT;
    return 64 - Long.numberOfLeadingZeros(Math.max(1, low - 1));
  }

  /**
   * Counts a wait of a group, interval and outcome class: in the interval's chunk, or in the overflow list.
   */
  void append(int group, int interval, int outcomeClass, long wait) {
    if (wait < WaitChunk.LONG_WAIT && interval >>> WaitChunk.BITS == open && used < keys.length) {
      keys[used] = WaitChunk.entry(group, interval);
      waits[used++] = OutcomeClass.packChar(outcomeClass, wait);
    } else {
      appendSlowly(group, interval, outcomeClass, wait);
    }
  }

  /** A long wait, a wait of another chunk than the open one, or a full buffer. */
  private void appendSlowly(int group, int interval, int outcomeClass, long wait) {
    if (wait >= WaitChunk.LONG_WAIT) {
      appendOverflow(group << shift | (interval * OutcomeClass.COUNT + outcomeClass), wait);
      return;
    }
    int chunk = interval >>> WaitChunk.BITS;
    if (chunk != open) {
      open(chunk);
    }
    if (used == keys.length) {
      grow();
    }
    keys[used] = WaitChunk.entry(group, interval);
    waits[used++] = OutcomeClass.packChar(outcomeClass, wait);
  }

  /**
   * Makes a chunk the open one. When the chunk left had a run of {@value #RUN} waits or more in a row, the calls
   * are there: the chunks two or more behind it are complete (calls come roughly in time order, a call's exit is
   * not before its arrival, and one chunk back leaves room for waits of hours under attribution by exit), and are
   * grouped ({@link #groupedBelow}). A wait far ahead of the others (a long wait under attribution by exit) makes
   * a short run, and moves nothing. A chunk grouped too early is still right: what counts in it later waits in a
   * new buffer, and the report groups both together.
   */
  private void open(int chunk) {
    if (open >= 0) {
      ChunkState s = requireNonNull(chunks[open]);
      s.keys = keys;
      s.waits = waits;
      s.used = used;
      if (used - runStart >= RUN) {
        for (int c = groupedBelow; c < open - 1; c++) {
          ChunkState behind = chunks[c];
          if (behind != null && behind.used > 0) {
            groupOwn(c, behind);
          }
        }
        groupedBelow = Math.max(groupedBelow, open - 1);
      }
    }
    ChunkState s = state(chunk);
    if (s.keys == null) {
      s.keys = spareKeys != null ? spareKeys : new int[FIRST_BUFFER];
      s.waits = spareWaits != null ? spareWaits : new char[FIRST_BUFFER];
      spareKeys = null;
      spareWaits = null;
    }
    keys = s.keys;
    waits = requireNonNull(s.waits);
    used = s.used;
    runStart = used;
    open = chunk;
  }

  private ChunkState state(int chunk) {
    ChunkState s = chunks[chunk];
    if (s == null) {
      s = chunks[chunk] = new ChunkState();
    }
    return s;
  }

  /** Groups a chunk's own entries by key, and keeps its buffer for the next chunk. */
  private void groupOwn(int chunk, ChunkState s) {
    int[] k = requireNonNull(s.keys);
    char[] w = requireNonNull(s.waits);
    s.grouped.add(new WaitChunk.Part(WaitChunk.group(chunk << WaitChunk.BITS, groups.count(), List.of(),
        List.of(new Segment(k, w, s.used, null)), null, arena), null));
    if (spareKeys == null || spareKeys.length < k.length) {
      spareKeys = k;
      spareWaits = w;
    }
    s.keys = null;
    s.waits = null;
    s.used = 0;
  }

  /** Doubles the open chunk's buffer. */
  private void grow() {
    if (keys.length >= MAX_BUFFER) {
      ReportAccumulator.checkEntries(waitCount() + 1); // throws: the wait to append is one too many
    }
    int length = (int) Math.min(MAX_BUFFER, Math.max(FIRST_BUFFER, 2L * keys.length));
    keys = Arrays.copyOf(keys, length);
    waits = Arrays.copyOf(waits, length);
  }

  private void appendOverflow(int key, long wait) {
    if (overflowCount == overflowKeys.length) {
      int length = Math.max(16, overflowCount * 2);
      overflowKeys = Arrays.copyOf(overflowKeys, length);
      overflowWaits = Arrays.copyOf(overflowWaits, length);
    }
    overflowKeys[overflowCount] = key;
    overflowWaits[overflowCount++] = wait;
  }

  /**
   * Adds the waits of another accumulator's, its group ids mapped to ours by {@code map}, as if they had been
   * counted here; its grouped chunks are shared, and so are its entries if {@code share} (it counts no more).
   */
  void addAll(ChunkedWaits other, int[] map, boolean share) {
    for (int c = 0; c < chunks.length; c++) {
      ChunkState chunk = other.chunks[c];
      if (chunk == null) {
        continue;
      }
      // Read before this one changes (other may be this).
      List<WaitChunk.Part> grouped = new ArrayList<>(chunk.grouped);
      List<Segment> handed = new ArrayList<>(chunk.handed);
      Segment own = other.ownEntries(c, chunk);
      ChunkState ours = state(c);
      for (WaitChunk.Part part : grouped) {
        ours.grouped.add(new WaitChunk.Part(part.chunk, compose(part.groupMap, map)));
      }
      for (Segment segment : handed) {
        ours.handed.add(new Segment(segment.keys, segment.waits, segment.length, compose(segment.groupMap, map)));
      }
      if (own != null) {
        // Other keeps appending to its buffers (and reuses them), unless the collector discards it.
        boolean lend = share && other != this;
        int n = own.length;
        ours.handed.add(new Segment(lend ? own.keys : Arrays.copyOf(own.keys, n),
            lend ? own.waits : Arrays.copyOf(own.waits, n), n, map));
      }
    }
    ReportAccumulator.checkEntries(waitCount());
    int n = other.overflowCount;
    int[] ok = Arrays.copyOf(other.overflowKeys, n);
    long[] ow = Arrays.copyOf(other.overflowWaits, n);
    for (int j = 0; j < n; j++) {
      appendOverflow(map[ok[j] >>> shift] << shift | (ok[j] & lowMask), ow[j]);
    }
  }

  /** Returns {@code then[first[i]]} for each {@code i}: {@code then} if {@code first} is null (the identity). */
  static int[] compose(int @Nullable [] first, int[] then) {
    if (first == null) {
      return then;
    }
    int[] composed = new int[first.length];
    for (int i = 0; i < first.length; i++) {
      composed[i] = then[first[i]];
    }
    return composed;
  }

  /** Returns how many waits (of indices under {@value WaitChunk#LONG_WAIT}) were counted, merged ones included. */
  long waitCount() {
    long n = 0;
    for (int c = 0; c < chunks.length; c++) {
      ChunkState s = chunks[c];
      if (s != null) {
        Segment own = ownEntries(c, s);
        n += own == null ? 0 : own.length;
        for (WaitChunk.Part part : s.grouped) {
          n += part.chunk.size();
        }
        for (Segment segment : s.handed) {
          n += segment.length;
        }
      }
    }
    return n;
  }

  /** Returns how many chunks of {@value WaitChunk#INTERVALS} intervals the grid has. */
  int chunkCount() {
    return chunks.length;
  }

  /** Adds the grouped waits of a chunk to {@code grouped} and its other entries (as they are now) to {@code entries}. */
  void sourcesOf(int chunk, List<WaitChunk.Part> grouped, List<Segment> entries) {
    ChunkState s = chunks[chunk];
    if (s == null) {
      return;
    }
    grouped.addAll(s.grouped);
    Segment own = ownEntries(chunk, s);
    if (own != null) {
      entries.add(own);
    }
    entries.addAll(s.handed);
  }

  /**
   * The entries of a chunk counted here and not grouped yet, as they are now (the open chunk's are in this
   * object's fields, not in its state), with their buffers, not copied; null if there are none.
   */
  private @Nullable Segment ownEntries(int chunk, ChunkState s) {
    boolean isOpen = chunk == open;
    int n = isOpen ? used : s.used;
    int[] k = isOpen ? keys : s.keys;
    char[] w = isOpen ? waits : s.waits;
    return n > 0 && k != null && w != null ? new Segment(k, w, n, null) : null;
  }

  int[] overflowKeys() {
    return Arrays.copyOf(overflowKeys, overflowCount);
  }

  long[] overflowWaits() {
    return Arrays.copyOf(overflowWaits, overflowCount);
  }

  /**
   * The counted waits of one chunk of intervals: grouped chunks (this accumulator's own, and merged ones), its
   * own entries not grouped yet (a buffer, lent to the fields while the chunk is open), and entries handed over by
   * merged accumulators.
   */
  static final class ChunkState {
    final List<WaitChunk.Part> grouped = new ArrayList<>(1);
    final List<Segment> handed = new ArrayList<>(0);
    int @Nullable [] keys;
    char @Nullable [] waits;
    int used;
  }

  /**
   * Entries of counted waits of one chunk: keys ({@link WaitChunk#entry}) and waits, the first {@code length} of
   * them, and their group ids' map.
   */
  static final class Segment {
    final int[] keys;
    final char[] waits;
    final int length;
    /** The entries' group ids → the holder's, or null if they are the holder's already. */
    final int @Nullable [] groupMap;

    Segment(int[] keys, char[] waits, int length, int @Nullable [] groupMap) {
      this.keys = keys;
      this.waits = waits;
      this.length = length;
      this.groupMap = groupMap;
    }
  }
}
