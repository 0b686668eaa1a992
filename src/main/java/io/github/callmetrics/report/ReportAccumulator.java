package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
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
 * accumulator keeps no object per cell. Per call it appends one {@code int} key (queue/channel group,
 * interval, outcome class) and the wait in whole seconds as a {@code char} to primitive blocks (6 bytes a
 * call; waits of 65,535 s or more go to an exact overflow list), and counts arrivals, waiting calls and
 * handle times per cell in interval-major arrays ({@link CellCounts}). {@link #report()} groups the waits by key
 * with a counting sort into a compact store from which every row, roll-up and percentile is computed exactly.
 * Merging hands over the other accumulator's blocks of waits without copying them. See
 * {@code docs/performance.md}.
 *
 * <p>This class is not thread-safe: use one accumulator per thread and merge them (the
 * {@link ReportSpec#collector()} does this).
 */
public final class ReportAccumulator {
  static {
    ReportAccess.Holder.register(ReportAccumulator::addEnded);
  }

  /** Outcome classes with a wait: answered, abandoned, then one per flow-out reason. */
  static final int CLASSES = 6;
  /** Waits of this many seconds or more (18.2 hours) are kept exactly in the overflow list. */
  static final int OVERFLOW_WAIT = Character.MAX_VALUE;
  /** Entries of the longest blocks: 4 MiB of keys and 2 MiB of waits. */
  private static final int BLOCK = 1 << 20;
  private static final Channel[] CHANNELS = Channel.values();
  private static final CallAccess CALLS = CallAccess.Holder.get();
  /** Slots of the queue cache in front of {@link #groupIds}: a power of two. */
  private static final int QUEUE_SLOTS = 256;

  private final ReportSpec spec;
  private final IntervalGrid grid;
  private final Attribution attribution;
  private final int intervals;
  /** A key is {@code group << shift | interval * CLASSES + class}. */
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
  private final int[] @Nullable [] slotIds = new int[QUEUE_SLOTS][];

  /** Arrivals, waiting calls and handle times per cell. */
  private final CellCounts cells;
  /** The cell counts of merged accumulators, with their group ids' maps. */
  private final List<CellsPart> mergedCells = new ArrayList<>();

  /** Full blocks, and blocks handed over by merged accumulators. */
  private final List<Segment> segments = new ArrayList<>();
  private int[] keys = new int[0];
  private char[] waits = new char[0];
  private int used;
  private long entries;

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
        a.append(a.groupOf(queue, channel) << a.shift | (i * CLASSES + outcomeClass), waitSeconds);
        break;
      }
      case PER_EVENT: {
        if (arrivedIn >= 0) {
          a.cells.countArrival(arrivedIn, a.groupOf(queue, channel));
        }
        if (exitedIn >= 0) {
          a.append(a.groupOf(queue, channel) << a.shift | (exitedIn * CLASSES + outcomeClass), waitSeconds);
        }
        if (arrivedIn < 0 || exitedIn < 0) {
          a.outsidePeriod++;
        }
        break;
      }
    }
  }

  // The interval lookups and the group lookup have a small fast path and a separate slow path, so that the
  // JIT can inline add() into the loops that call it (addAll, the collector).

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
    Outcome outcome = call.outcome();
    int c;
    if (outcome == Outcome.ANSWERED) {
      c = 0;
      if (CALLS.hasHandleTime(call)) {
        cells.addHandleTime(interval, g, CALLS.handleSeconds(call), CALLS.handleNanos(call));
      }
    } else if (outcome == Outcome.ABANDONED) {
      c = 1;
    } else if (outcome == Outcome.LEFT_UNANSWERED) {
      c = 2 + call.flowOutReason().orElseThrow().ordinal();
    } else { // waiting: no wait yet
      cells.countWaiting(interval, g);
      return;
    }
    append(g << shift | (interval * CLASSES + c), call.waitSeconds());
  }

  /** The id of the call's group, registered on first sight. */
  @SuppressWarnings("ReferenceEquality") // identity is a cache check only: an equal but distinct name is looked up
  private int group(Call call) {
    String queue = call.queue();
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    int[] ids = slotIds[slot];
    if (ids == null || slotQueues[slot] != queue) {
      return groupOf(queue, call.channel());
    }
    int id = ids[call.channel().ordinal()];
    return id != 0 ? id - 1 : register(queue, call.channel());
  }

  /** The group of a queue not in its slot of the cache, or not by this {@code String}. */
  private int groupOf(String queue, Channel channel) {
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    String cached = slotQueues[slot];
    int[] ids = slotIds[slot];
    if (ids == null || !queue.equals(cached)) {
      ids = ids(queue);
    }
    int id = ids[channel.ordinal()];
    return id != 0 ? id - 1 : register(queue, channel);
  }

  /** The group ids of a queue (registered or not), cached in the queue's slot. */
  private int[] ids(String queue) {
    int[] ids = groupIds.computeIfAbsent(queue, q -> new int[CHANNELS.length]);
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    slotQueues[slot] = queue;
    slotIds[slot] = ids;
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
    return groupCount++;
  }

  private void append(int key, long wait) {
    if (wait >= OVERFLOW_WAIT) {
      appendOverflow(key, wait);
    } else if (used < keys.length) {
      keys[used] = key;
      waits[used++] = (char) wait;
    } else {
      nextBlock();
      keys[used] = key;
      waits[used++] = (char) wait;
    }
  }

  /**
   * Seals the full block and starts the next, twice as long up to {@code BLOCK} entries: small reports stay
   * small, and no block is ever copied into a longer one.
   */
  private void nextBlock() {
    if (used > 0) {
      segments.add(new Segment(keys, waits, used, null));
      entries += used;
      checkEntries(entries);
    }
    int length = Math.min(BLOCK, Math.max(1024, keys.length * 2));
    keys = new int[length];
    waits = new char[length];
    used = 0;
  }

  /** The limit on groups: reached only with more than a gigabyte of counts, so tested at this message. */
  static IllegalStateException tooManyGroups(int intervals, int maxGroups) {
    return new IllegalStateException("report of " + intervals + " intervals cannot hold more than " + maxGroups
        + " queue/channel groups (expected fewer queues, longer intervals or a shorter period)");
  }

  static void checkEntries(long entries) {
    if (entries > Integer.MAX_VALUE - BLOCK) {
      throw new IllegalStateException("report cannot hold more than " + (Integer.MAX_VALUE - BLOCK)
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
   * The collector's merge: as {@link #addAll(ReportAccumulator)}, but takes over the other accumulator's cell
   * counts instead of copying them, since the collector never uses it again; and marks this one as counted
   * in parallel.
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
    List<Segment> handed = other.segments();
    for (Segment s : handed) {
      segments.add(new Segment(s.keys, s.waits, s.length, compose(s.groupMap, map)));
      entries += s.length;
      checkEntries(entries + used);
    }
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

  /** Every block of counted waits, the current one included (as far as it is filled now). */
  List<Segment> segments() {
    List<Segment> all = new ArrayList<>(segments);
    if (used > 0) {
      all.add(new Segment(keys, waits, used, null));
    }
    return all;
  }

  /** Returns how many waits (under 65,535 s) were counted, merged ones included. */
  long waitCount() {
    return entries + used;
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

  /** A block of counted waits: keys and waits, the first {@code length} entries, and its group ids' map. */
  static final class Segment {
    final int[] keys;
    final char[] waits;
    final int length;
    /** The block's group ids → this accumulator's, or null if they are this accumulator's already. */
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
