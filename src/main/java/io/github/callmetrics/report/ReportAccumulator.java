package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.call.internal.CallAccess;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.report.internal.ReportAccess;
import io.github.callmetrics.tally.TallySnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * Counts calls into a report. Takes calls one at a time ({@link #add(Call)}), merges with another
 * accumulator of the same spec ({@link #addAll(ReportAccumulator)}), and hands out the immutable
 * {@link Report}.
 *
 * <p>Calls (under per-event attribution, arrivals or outcomes) that fall outside the grid's period are not
 * counted in any row but are counted in {@link Report#callsOutsidePeriod()}: nothing is dropped silently.
 *
 * <p><b>How it counts.</b> A report of a year has millions of cells (queue × channel × interval), so the
 * accumulator keeps no object per cell. Per call it appends one {@code int} key (queue/channel group and
 * interval) and one {@code char} (the outcome class and the wait in whole seconds) to the buffer of the interval's
 * chunk of 16 intervals (6 bytes a call; waits of 8,192 s or more go to an exact overflow list), and counts waiting
 * calls, handle times and (under per-event attribution) arrivals per cell in interval-major arrays
 * ({@link CellCounts}); under attribution by arrival or exit a cell's arrivals are its calls. Once the calls
 * have moved past a chunk, it groups the chunk's waits by cell with a counting sort (its entries are then still
 * in the processor's cache); {@link #report()} groups what is left the same way, into a compact store from which
 * every row, roll-up and percentile is computed exactly. Calls in any order give the same report; calls roughly
 * in time order give it fastest. Merging hands over the other accumulator's grouped chunks without copying
 * them. See {@code docs/performance.md}.
 *
 * <p>This class is not thread-safe: use one accumulator per thread and merge them (the
 * {@link ReportSpec#collector()} does this).
 */
public final class ReportAccumulator {
  static {
    ReportAccess.Holder.register(ReportAccumulator::addEnded);
  }

  /** Outcome classes with a wait: answered, abandoned, then one per flow-out reason. */
  static final int CLASSES = 2 + FlowOutReason.values().length;
  /** Waits of this many seconds or more (2 h 16 min 32 s) are kept exactly in the overflow list. */
  static final int OVERFLOW_WAIT = WaitChunk.LONG_WAIT;
  /** The most waits a report holds: each roll-up's waits must fit one array. */
  private static final int MAX_WAITS = Integer.MAX_VALUE - (1 << 20);
  /** Waits in a row in one chunk that show the calls have reached it (see {@link #open(int)}). */
  private static final int RUN = 16;
  /** The first buffer of a chunk's entries: doubled when full, and handed on to the next chunk when grouped. */
  private static final int FIRST_BUFFER = 256;
  /** The longest buffer of a chunk's entries. */
  private static final int MAX_BUFFER = MAX_WAITS;
  private static final Channel[] CHANNELS = Channel.values();
  private static final int ANSWERED = Outcome.ANSWERED.ordinal();
  private static final int ABANDONED = Outcome.ABANDONED.ordinal();
  private static final int LEFT_UNANSWERED = Outcome.LEFT_UNANSWERED.ordinal();
  private static final CallAccess CALLS = CallAccess.Holder.get();
  /** Slots of the queue cache in front of {@link #groupIds}: a power of two. */
  private static final int QUEUE_SLOTS = 256;
  /** Bits of a channel ordinal in the queue cache. */
  private static final int CHANNEL_BITS = 32 - Integer.numberOfLeadingZeros(CHANNELS.length - 1);

  private final ReportSpec spec;
  private final IntervalGrid grid;
  private final Attribution attribution;
  private final int intervals;
  /** An overflow list's key is {@code group << shift | interval * CLASSES + class}. */
  final int shift;
  final int lowMask;
  private final int maxGroups;

  /** Queue/channel groups in order of first sight; a group is registered when a call first counts in it. */
  private Group[] groups = new Group[8];
  private int groupCount;
  /** Per queue, per channel ordinal: group id + 1, or 0 if not registered. */
  private final Map<String, int[]> groupIds = new HashMap<>();
  /**
   * A direct-mapped cache of {@link #groupIds} by the queue's hash code: the calls of many queues interleave,
   * and a slot found by the same {@code String} (as readers and generators usually give) needs no hash lookup.
   */
  private final @Nullable String[] slotQueues = new String[QUEUE_SLOTS];
  /**
   * Per slot of the cache, per channel ordinal ({@code slot << CHANNEL_BITS | channel}): the group id + 1 of the
   * slot's queue and the channel, or 0 if not registered; one array, so that a hit reads one {@code int}.
   */
  private final int[] slotGroups = new int[QUEUE_SLOTS << CHANNEL_BITS];

  /** Arrivals, waiting calls and handle times per cell. */
  private final CellCounts cells;
  /** The cell counts of merged accumulators, with their group ids' maps. */
  private final List<CellsPart> mergedCells = new ArrayList<>();

  /**
   * Per chunk of {@value WaitChunk#INTERVALS} intervals, its counted waits: grouped by key, and entries not grouped
   * yet; null until a wait counts in it.
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

  private long outsidePeriod;

  /**
   * Set when the collector merged another accumulator into this one: the stream was parallel, so its report
   * is built with every core, too.
   */
  private boolean parallel;

  /**
   * The last interval found for an arrival and for an exit, as {@code [from, to)} epoch seconds: calls come
   * roughly in time order, so most lookups need no arithmetic at all.
   */
  private long arrivalFrom = 1;
  private long arrivalTo;
  private int arrivalIndex;
  private long exitFrom = 1;
  private long exitTo;
  private int exitIndex;

  ReportAccumulator(ReportSpec spec) {
    this.spec = spec;
    this.grid = spec.grid();
    this.attribution = spec.attribution();
    this.intervals = grid.size();
    long low = (long) intervals * CLASSES;
    this.shift = 64 - Long.numberOfLeadingZeros(Math.max(1, low - 1));
    this.lowMask = (1 << shift) - 1;
    this.maxGroups = shift >= 31 ? 1 : 1 << (31 - shift);
    this.cells = new CellCounts(intervals);
    this.chunks = new ChunkState[(intervals + WaitChunk.INTERVALS - 1) >>> WaitChunk.BITS];
  }

  /** Returns the spec this accumulator counts for. */
  public ReportSpec spec() {
    return spec;
  }

  /**
   * Counts one call in the interval (or, under per-event attribution, intervals) its spec's attribution
   * gives.
   *
   * @param call  the call, not null
   * @throws IllegalStateException if the report would exceed its limits (see {@code docs/performance.md})
   */
  public void add(Call call) {
    requireNonNull(call, "call");
    if (attribution == Attribution.PER_EVENT) {
      addPerEvent(call);
      return;
    }
    // The whole call counts in one interval: where it arrived, or where it left (a waiting call has not).
    // Its arrival is not counted here: a cell's arrivals are its calls, which the store counts anyway.
    int i = attribution == Attribution.ARRIVAL ? arrivalInterval(CALLS.arrivedSecond(call))
        : exitInterval(CALLS.exitSecond(call));
    if (i < 0) {
      outsidePeriod++;
      return;
    }
    countOutcome(group(call), i, call);
  }

  /** Counts the arrival of a call in the interval it arrived in, and its outcome in the one it left in. */
  private void addPerEvent(Call call) {
    int arrivedIn = arrivalInterval(CALLS.arrivedSecond(call));
    int exitedIn = exitInterval(CALLS.exitSecond(call));
    if (arrivedIn >= 0) {
      cells.countArrival(arrivedIn, group(call));
    }
    if (exitedIn >= 0) {
      countOutcome(group(call), exitedIn, call);
    }
    if (arrivedIn < 0 || exitedIn < 0) {
      outsidePeriod++;
    }
  }

  /**
   * Counts one ended call without handle time from its parts and the intervals of its arrival and exit
   * ({@code -1} outside the grid), exactly as {@link #add(Call)} counts the call with these parts: the live
   * monitor's path, with no {@code Call} object per event ({@link ReportAccess}).
   */
  private static void addEnded(ReportAccumulator a, String queue, Channel channel, int arrivedIn, int exitedIn,
      int outcomeClass, long waitSeconds) {
    switch (a.attribution) {
      case ARRIVAL:
      case EXIT: {
        int i = a.attribution == Attribution.ARRIVAL ? arrivedIn : exitedIn;
        if (i < 0) {
          a.outsidePeriod++;
          return;
        }
        a.append(a.groupOf(queue, channel), i, outcomeClass, waitSeconds);
        break;
      }
      case PER_EVENT: {
        if (arrivedIn >= 0) {
          a.cells.countArrival(arrivedIn, a.groupOf(queue, channel));
        }
        if (exitedIn >= 0) {
          a.append(a.groupOf(queue, channel), exitedIn, outcomeClass, waitSeconds);
        }
        if (arrivedIn < 0 || exitedIn < 0) {
          a.outsidePeriod++;
        }
        break;
      }
    }
  }

  // The interval lookups and the group lookup have a small fast path (a call in the cached interval and group)
  // and a separate slow path. C2 (JDK 17) still compiles add() as a method of its own rather than into addAll's
  // loop: a fast path split out of add() for that was measured and made no difference, so add() stays one method.

  private int arrivalInterval(long second) {
    return second >= arrivalFrom && second < arrivalTo ? arrivalIndex : findArrivalInterval(second);
  }

  private int findArrivalInterval(long second) {
    int i = grid.indexOfEpochSecond(second);
    if (i >= 0) {
      arrivalFrom = grid.interval(i).start().getEpochSecond();
      arrivalTo = grid.interval(i).end().getEpochSecond();
      arrivalIndex = i;
    }
    return i;
  }

  private int exitInterval(long second) {
    return second >= exitFrom && second < exitTo ? exitIndex : findExitInterval(second);
  }

  private int findExitInterval(long second) {
    int i = grid.indexOfEpochSecond(second);
    if (i >= 0) {
      exitFrom = grid.interval(i).start().getEpochSecond();
      exitTo = grid.interval(i).end().getEpochSecond();
      exitIndex = i;
    }
    return i;
  }

  private void countOutcome(int g, int interval, Call call) {
    int outcome = CALLS.outcomeOrdinal(call);
    int c;
    if (outcome == ANSWERED) {
      c = 0;
      if (CALLS.hasHandleTime(call)) {
        cells.addHandleTime(interval, g, CALLS.handleSeconds(call), CALLS.handleNanos(call));
      }
    } else if (outcome == ABANDONED) {
      c = 1;
    } else if (outcome == LEFT_UNANSWERED) {
      c = 2 + CALLS.flowOutReasonOrdinal(call);
    } else { // waiting: no wait yet
      cells.countWaiting(interval, g);
      return;
    }
    append(g, interval, c, call.waitSeconds());
  }

  /** The id of the call's group, registered on first sight. */
  @SuppressWarnings("ReferenceEquality") // identity is a cache check only: an equal but distinct name is looked up
  private int group(Call call) {
    String queue = call.queue();
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    if (slotQueues[slot] != queue) {
      return groupOf(queue, call.channel());
    }
    int id = slotGroups[slot << CHANNEL_BITS | CALLS.channelOrdinal(call)];
    return id != 0 ? id - 1 : register(queue, call.channel());
  }

  /** The group of a queue not in its slot of the cache, or not by this {@code String}. */
  private int groupOf(String queue, Channel channel) {
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    if (!queue.equals(slotQueues[slot])) {
      ids(queue);
    }
    int id = slotGroups[slot << CHANNEL_BITS | channel.ordinal()];
    return id != 0 ? id - 1 : register(queue, channel);
  }

  /** The group ids + 1 of a queue (0 if not registered), now cached in the queue's slot. */
  private int[] ids(String queue) {
    int[] ids = groupIds.computeIfAbsent(queue, q -> new int[CHANNELS.length]);
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    slotQueues[slot] = queue;
    System.arraycopy(ids, 0, slotGroups, slot << CHANNEL_BITS, ids.length);
    return ids;
  }

  private int idOf(String queue, Channel channel) {
    int id = ids(queue)[channel.ordinal()];
    return id != 0 ? id - 1 : register(queue, channel);
  }

  private int register(String queue, Channel channel) {
    if (groupCount >= maxGroups) {
      throw tooManyGroups(intervals, maxGroups);
    }
    if (groupCount == groups.length) {
      groups = Arrays.copyOf(groups, groupCount * 2);
    }
    groups[groupCount] = new Group(queue, channel);
    cells.ensureGroups(groupCount + 1);
    ids(queue)[channel.ordinal()] = groupCount + 1;
    slotGroups[(queue.hashCode() & (QUEUE_SLOTS - 1)) << CHANNEL_BITS | channel.ordinal()] = groupCount + 1;
    return groupCount++;
  }

  /**
   * Counts a wait of a group, interval and outcome class: in the interval's chunk, as {@link WaitChunk#entry}, or
   * in the overflow list.
   */
  private void append(int group, int interval, int c, long wait) {
    if (wait < OVERFLOW_WAIT && interval >>> WaitChunk.BITS == open && used < keys.length) {
      keys[used] = WaitChunk.entry(group, interval);
      waits[used++] = WaitChunk.packed(c, wait);
    } else {
      appendSlowly(group, interval, c, wait);
    }
  }

  /** A long wait, a wait of another chunk than the open one, or a full buffer. */
  private void appendSlowly(int group, int interval, int c, long wait) {
    if (wait >= OVERFLOW_WAIT) {
      appendOverflow(group << shift | (interval * CLASSES + c), wait);
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
    waits[used++] = WaitChunk.packed(c, wait);
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
    s.grouped.add(new WaitChunk.Part(WaitChunk.group(chunk << WaitChunk.BITS, groupCount, List.of(),
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
      checkEntries(waitCount() + 1); // throws: the wait to append is one too many
    }
    int length = (int) Math.min(MAX_BUFFER, Math.max(FIRST_BUFFER, 2L * keys.length));
    keys = Arrays.copyOf(keys, length);
    waits = Arrays.copyOf(waits, length);
  }

  /** The limit on groups: reached only with more than a gigabyte of counts, so tested at this message. */
  static IllegalStateException tooManyGroups(int intervals, int maxGroups) {
    return new IllegalStateException("report of " + intervals + " intervals cannot hold more than " + maxGroups
        + " queue/channel groups (expected fewer queues, longer intervals or a shorter period)");
  }

  static void checkEntries(long entries) {
    if (entries > MAX_WAITS) {
      throw new IllegalStateException("report cannot hold more than " + MAX_WAITS
          + " calls (expected a shorter period; merge reports of parts instead)");
    }
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
   * Counts every call of an iterable, as if each had been {@linkplain #add(Call) added}.
   *
   * @param calls  the calls, not null
   */
  public void addAll(Iterable<Call> calls) {
    if (calls instanceof List && calls instanceof RandomAccess) {
      List<Call> list = (List<Call>) calls;
      for (int i = 0, n = list.size(); i < n; i++) {
        add(list.get(i));
      }
    } else {
      for (Call call : calls) {
        add(call);
      }
    }
  }

  /**
   * Adds everything another accumulator counted, as if its calls had been added here. The other accumulator
   * is not changed; its counted waits are shared, not copied.
   *
   * @param other  an accumulator of an equal spec, not null
   * @throws IllegalArgumentException if the other accumulator's spec differs
   */
  public void addAll(ReportAccumulator other) {
    merge(other, true);
  }

  /**
   * The merge of the collector and of {@link ReportSpec#parallelReport}: as {@link #addAll(ReportAccumulator)},
   * but takes over the other accumulator's cell counts instead of copying them, since neither uses it again; and
   * marks this one as counted in parallel.
   */
  ReportAccumulator combine(ReportAccumulator other) {
    merge(other, false);
    parallel = true;
    return this;
  }

  private void merge(ReportAccumulator other, boolean copyCells) {
    requireNonNull(other, "other");
    if (!other.spec.equals(spec)) {
      throw new IllegalArgumentException("cannot merge accumulators of different reports: " + spec + " and " + other.spec
          + " (expected accumulators of equal specs)");
    }
    int theirCount = other.groupCount;
    int[] map = new int[theirCount];
    Group[] theirs = Arrays.copyOf(other.groups, theirCount); // other may be this
    for (int g = 0; g < theirCount; g++) {
      map[g] = idOf(theirs[g].queue, theirs[g].channel);
    }
    List<CellsPart> theirCells = new ArrayList<>(other.mergedCells);
    mergedCells.add(new CellsPart(copyCells || other == this ? other.cells.copy() : other.cells, map));
    for (CellsPart part : theirCells) {
      mergedCells.add(new CellsPart(part.counts, compose(part.groupMap, map)));
    }
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
        boolean share = !copyCells && other != this;
        int n = own.length;
        ours.handed.add(new Segment(share ? own.keys : Arrays.copyOf(own.keys, n),
            share ? own.waits : Arrays.copyOf(own.waits, n), n, map));
      }
    }
    checkEntries(waitCount());
    int n = other.overflowCount;
    int[] ok = Arrays.copyOf(other.overflowKeys, n);
    long[] ow = Arrays.copyOf(other.overflowWaits, n);
    for (int j = 0; j < n; j++) {
      appendOverflow(map[ok[j] >>> shift] << shift | (ok[j] & lowMask), ow[j]);
    }
    outsidePeriod += other.outsidePeriod;
  }

  private static int[] compose(int @Nullable [] first, int[] then) {
    if (first == null) {
      return then;
    }
    int[] composed = new int[first.length];
    for (int i = 0; i < first.length; i++) {
      composed[i] = then[first[i]];
    }
    return composed;
  }

  /** Returns how many waits (under 8,192 s) were counted, merged ones included. */
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
   * accumulator's fields, not in its state), with their buffers, not copied; null if there are none.
   */
  private @Nullable Segment ownEntries(int chunk, ChunkState s) {
    boolean isOpen = chunk == open;
    int n = isOpen ? used : s.used;
    int[] k = isOpen ? keys : s.keys;
    char[] w = isOpen ? waits : s.waits;
    return n > 0 && k != null && w != null ? new Segment(k, w, n, null) : null;
  }

  Group[] groups() {
    return Arrays.copyOf(groups, groupCount);
  }

  /** This accumulator's own cell counts (group ids its own) and those of merged accumulators. */
  List<CellsPart> cellParts() {
    List<CellsPart> all = new ArrayList<>(mergedCells.size() + 1);
    all.add(new CellsPart(cells, null));
    all.addAll(mergedCells);
    return all;
  }

  int[] overflowKeys() {
    return Arrays.copyOf(overflowKeys, overflowCount);
  }

  long[] overflowWaits() {
    return Arrays.copyOf(overflowWaits, overflowCount);
  }

  /**
   * Returns the counts of one queue, channel and interval so far. This scans every counted call: it is meant
   * for live views of small accumulators, not for reading a large report (use {@link #report()}).
   *
   * @param queue  the queue, not null
   * @param channel  the channel, not null
   * @param intervalIndex  the interval's index in the spec's grid
   * @return the counts; empty if nothing was counted there
   * @throws IndexOutOfBoundsException if the index is outside the grid
   */
  public TallySnapshot counts(String queue, Channel channel, int intervalIndex) {
    requireNonNull(queue, "queue");
    requireNonNull(channel, "channel");
    java.util.Objects.checkIndex(intervalIndex, grid.size());
    int[] ids = groupIds.get(queue);
    if (ids == null || ids[channel.ordinal()] == 0) {
      return TallySnapshot.empty();
    }
    ReportStore store = ReportStore.build(this, 1);
    int g = store.rankOf(queue, channel);
    return store.snapshot(new int[] {g}, intervalIndex, intervalIndex + 1);
  }

  /** Returns how many calls (or per-event parts) fell outside the grid's period so far. */
  public long callsOutsidePeriod() {
    return outsidePeriod;
  }

  /**
   * Returns the report of the calls counted so far. Later additions do not change it.
   *
   * @return the report
   * @throws IllegalStateException if the report would exceed its limits (see {@code docs/performance.md})
   */
  public Report report() {
    return report(1);
  }

  /** The collector's finisher: with every core if the stream was parallel (see {@link #combine}). */
  Report finish() {
    return report(parallel ? Runtime.getRuntime().availableProcessors() : 1);
  }

  /** Returns the report, its store built by up to {@code parallelism} threads of the common pool. */
  Report report(int parallelism) {
    return Report.of(spec, ReportStore.build(this, parallelism));
  }

  /**
   * The counted waits of one chunk of intervals: grouped chunks (this accumulator's own, and merged ones), its
   * own entries not grouped yet (a buffer, lent to the accumulator's fields while the chunk is open), and entries
   * handed over by merged accumulators.
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
    /** The entries' group ids → this accumulator's, or null if they are this accumulator's already. */
    final int @Nullable [] groupMap;

    Segment(int[] keys, char[] waits, int length, int @Nullable [] groupMap) {
      this.keys = keys;
      this.waits = waits;
      this.length = length;
      this.groupMap = groupMap;
    }
  }

  /** Cell counts and the map of their group ids to this accumulator's, or null if they are its own already. */
  static final class CellsPart {
    final CellCounts counts;
    final int @Nullable [] groupMap;

    CellsPart(CellCounts counts, int @Nullable [] groupMap) {
      this.counts = counts;
      this.groupMap = groupMap;
    }
  }

  /** One queue and channel. */
  static final class Group {
    final String queue;
    final Channel channel;

    Group(String queue, Channel channel) {
      this.queue = queue;
      this.channel = channel;
    }
  }
}
