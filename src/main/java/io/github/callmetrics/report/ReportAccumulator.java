package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.internal.ReportAccess;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * handle times in per-interval arrays of the group. {@link #report()} sorts the waits by key with a counting
 * sort into a compact store from which every row, roll-up and percentile is computed exactly. Merging hands
 * over the other accumulator's blocks without copying them. See {@code docs/performance.md}.
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
  /** Entries per full block: 4 MiB of keys and 2 MiB of waits. */
  private static final int BLOCK = 1 << 20;
  private static final Channel[] CHANNELS = Channel.values();

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
  private @Nullable String lastQueue;
  private int[] lastIds = new int[0];

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
    Outcome outcome = call.outcome();
    long arrived = call.arrived().getEpochSecond();
    switch (attribution) {
      case ARRIVAL:
      case EXIT: {
        // The whole call counts in one interval: where it arrived, or where it left (a waiting call has not).
        int i = attribution == Attribution.ARRIVAL ? arrivalInterval(arrived)
            : exitInterval(outcome == Outcome.WAITING ? arrived : call.outcomeAt().orElseThrow().getEpochSecond());
        if (i < 0) {
          outsidePeriod++;
          return;
        }
        int g = group(call);
        groups[g].countArrival(i);
        countOutcome(g, i, call, outcome);
        break;
      }
      case PER_EVENT: {
        long exit = outcome == Outcome.WAITING ? arrived : call.outcomeAt().orElseThrow().getEpochSecond();
        int arrivedIn = arrivalInterval(arrived);
        int exitedIn = exitInterval(exit);
        if (arrivedIn >= 0) {
          int g = group(call); // first: registering a group may replace the array
          groups[g].countArrival(arrivedIn);
        }
        if (exitedIn >= 0) {
          countOutcome(group(call), exitedIn, call, outcome);
        }
        if (arrivedIn < 0 || exitedIn < 0) {
          outsidePeriod++;
        }
        break;
      }
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
        int g = a.groupOf(queue, channel);
        a.groups[g].countArrival(i);
        a.append(g << a.shift | (i * CLASSES + outcomeClass), waitSeconds);
        break;
      }
      case PER_EVENT: {
        if (arrivedIn >= 0) {
          int g = a.groupOf(queue, channel); // first: registering a group may replace the array
          a.groups[g].countArrival(arrivedIn);
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

  /** The id of a queue and channel's group, registered on first sight; {@link #group(Call)} without a call. */
  private int groupOf(String queue, Channel channel) {
    int[] ids = queue == lastQueue ? lastIds : ids(queue);
    int id = ids[channel.ordinal()];
    return id != 0 ? id - 1 : register(queue, channel);
  }

  private int arrivalInterval(long second) {
    if (second >= arrivalFrom && second < arrivalTo) {
      return arrivalIndex;
    }
    int i = grid.indexOfEpochSecond(second);
    if (i >= 0) {
      arrivalFrom = grid.interval(i).start().getEpochSecond();
      arrivalTo = grid.interval(i).end().getEpochSecond();
      arrivalIndex = i;
    }
    return i;
  }

  private int exitInterval(long second) {
    if (second >= exitFrom && second < exitTo) {
      return exitIndex;
    }
    int i = grid.indexOfEpochSecond(second);
    if (i >= 0) {
      exitFrom = grid.interval(i).start().getEpochSecond();
      exitTo = grid.interval(i).end().getEpochSecond();
      exitIndex = i;
    }
    return i;
  }

  private void countOutcome(int g, int interval, Call call, Outcome outcome) {
    int c;
    switch (outcome) {
      case ANSWERED:
        c = 0;
        Duration handle = call.handleTime().orElse(null);
        if (handle != null) {
          groups[g].addHandleTime(interval, handle.getSeconds(), handle.getNano());
        }
        break;
      case ABANDONED:
        c = 1;
        break;
      case LEFT_UNANSWERED:
        c = 2 + call.flowOutReason().orElseThrow().ordinal();
        break;
      default: // WAITING: no wait yet
        groups[g].countWaiting(interval);
        return;
    }
    append(g << shift | (interval * CLASSES + c), call.waitSeconds());
  }

  /** The id of the call's group, registered on first sight. */
  private int group(Call call) {
    String queue = call.queue();
    int[] ids = queue == lastQueue ? lastIds : ids(queue);
    int id = ids[call.channel().ordinal()];
    return id != 0 ? id - 1 : register(queue, call.channel());
  }

  private int[] ids(String queue) {
    int[] ids = groupIds.computeIfAbsent(queue, q -> new int[CHANNELS.length]);
    lastQueue = queue;
    lastIds = ids;
    return ids;
  }

  private int idOf(String queue, Channel channel) {
    int id = ids(queue)[channel.ordinal()];
    return id != 0 ? id - 1 : register(queue, channel);
  }

  private int register(String queue, Channel channel) {
    if (groupCount >= maxGroups) {
      throw new IllegalStateException("report of " + intervals + " intervals cannot hold more than " + maxGroups
          + " queue/channel groups (expected fewer queues, longer intervals or a shorter period)");
    }
    if (groupCount == groups.length) {
      groups = Arrays.copyOf(groups, groupCount * 2);
    }
    groups[groupCount] = new Group(queue, channel, intervals);
    ids(queue)[channel.ordinal()] = groupCount + 1;
    return groupCount++;
  }

  private void append(int key, long wait) {
    if (wait >= OVERFLOW_WAIT) {
      appendOverflow(key, wait);
      return;
    }
    if (used == keys.length) {
      nextBlock();
    }
    keys[used] = key;
    waits[used++] = (char) wait;
  }

  /** Grows the first block by doubling (small reports stay small), then seals full blocks and starts new ones. */
  private void nextBlock() {
    if (keys.length < BLOCK) {
      int length = Math.max(1024, keys.length * 2);
      keys = Arrays.copyOf(keys, length);
      waits = Arrays.copyOf(waits, length);
      return;
    }
    segments.add(new Segment(keys, waits, used, null));
    entries += used;
    checkEntries(entries);
    keys = new int[BLOCK];
    waits = new char[BLOCK];
    used = 0;
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
    for (Call call : calls) {
      add(call);
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
    requireNonNull(other, "other");
    if (!other.spec.equals(spec)) {
      throw new IllegalArgumentException("cannot merge accumulators of different reports: " + spec + " and " + other.spec);
    }
    int theirCount = other.groupCount;
    int[] map = new int[theirCount];
    Group[] theirs = Arrays.copyOf(other.groups, theirCount); // other may be this
    for (int g = 0; g < theirCount; g++) {
      map[g] = idOf(theirs[g].queue, theirs[g].channel);
    }
    for (int g = 0; g < theirCount; g++) {
      groups[map[g]].addAll(theirs[g]);
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

  Group[] groups() {
    return Arrays.copyOf(groups, groupCount);
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

  /** Returns the report, its store sorted by up to {@code parallelism} threads of the common pool. */
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

  /**
   * One queue and channel: per interval, its arrivals, waiting calls and handle times. The arrays of
   * waiting calls and handle times are created when first needed.
   */
  static final class Group {
    final String queue;
    final Channel channel;
    final int[] arrivals;
    int @Nullable [] waiting;
    int @Nullable [] handleCount;
    long @Nullable [] handleSeconds;
    /** Sum of the nanosecond parts, normalised only when read (a long holds 9 billion of them). */
    long @Nullable [] handleNanos;

    Group(String queue, Channel channel, int intervals) {
      this.queue = queue;
      this.channel = channel;
      this.arrivals = new int[intervals];
    }

    void countArrival(int i) {
      if (++arrivals[i] < 0) {
        throw tooMany();
      }
    }

    void countWaiting(int i) {
      int[] w = waiting;
      if (w == null) {
        w = waiting = new int[arrivals.length];
      }
      if (++w[i] < 0) {
        throw tooMany();
      }
    }

    void addHandleTime(int i, long seconds, int nanos) {
      int[] count = handleCount;
      long[] secs = handleSeconds;
      if (count == null || secs == null) {
        count = handleCount = new int[arrivals.length];
        secs = handleSeconds = new long[arrivals.length];
      }
      if (++count[i] < 0) {
        throw tooMany();
      }
      secs[i] = Math.addExact(secs[i], seconds);
      if (nanos != 0) {
        long[] n = handleNanos;
        if (n == null) {
          n = handleNanos = new long[arrivals.length];
        }
        n[i] += nanos;
      }
    }

    void addAll(Group other) {
      addInto(arrivals, other.arrivals);
      if (other.waiting != null) {
        for (int i = 0; i < other.waiting.length; i++) {
          if (other.waiting[i] != 0) {
            int[] w = waiting;
            if (w == null) {
              w = waiting = new int[arrivals.length];
            }
            w[i] = Math.addExact(w[i], other.waiting[i]);
          }
        }
      }
      int[] oc = other.handleCount;
      long[] os = other.handleSeconds;
      if (oc != null && os != null) {
        long[] on = other.handleNanos;
        for (int i = 0; i < oc.length; i++) {
          if (oc[i] != 0 || os[i] != 0 || (on != null && on[i] != 0)) {
            addHandleTimes(i, oc[i], os[i], on == null ? 0 : on[i]);
          }
        }
      }
    }

    private void addHandleTimes(int i, int count, long seconds, long nanos) {
      if (handleCount == null || handleSeconds == null) {
        handleCount = new int[arrivals.length];
        handleSeconds = new long[arrivals.length];
      }
      handleCount[i] = Math.addExact(handleCount[i], count);
      handleSeconds[i] = Math.addExact(handleSeconds[i], seconds);
      if (nanos != 0) {
        if (handleNanos == null) {
          handleNanos = new long[arrivals.length];
        }
        handleNanos[i] = Math.addExact(handleNanos[i], nanos);
      }
    }

    private static void addInto(int[] to, int[] from) {
      for (int i = 0; i < from.length; i++) {
        to[i] = Math.addExact(to[i], from[i]);
      }
    }

    /** A copy the accumulator's later additions do not change. */
    Group copy() {
      return new Group(queue, channel, arrivals.clone(), waiting, handleCount, handleSeconds, handleNanos);
    }

    private Group(String queue, Channel channel, int[] arrivals, int @Nullable [] waiting, int @Nullable [] handleCount,
        long @Nullable [] handleSeconds, long @Nullable [] handleNanos) {
      this.queue = queue;
      this.channel = channel;
      this.arrivals = arrivals;
      this.waiting = waiting == null ? null : waiting.clone();
      this.handleCount = handleCount == null ? null : handleCount.clone();
      this.handleSeconds = handleSeconds == null ? null : handleSeconds.clone();
      this.handleNanos = handleNanos == null ? null : handleNanos.clone();
    }

    private static IllegalStateException tooMany() {
      return new IllegalStateException("more than " + Integer.MAX_VALUE + " calls in one interval of one queue");
    }
  }
}
