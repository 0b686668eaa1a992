package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.call.internal.CallAccess;
import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.report.internal.ReportAccess;
import io.github.callmetrics.tally.TallySnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * interval) and one {@code char} (the outcome class and the wait index, {@link OutcomeClass#waitIndex}) to the buffer of the interval's
 * chunk of 16 intervals (6 bytes a call; waits of 4,096 s or more go to an exact overflow list), and counts waiting
 * calls, handle times and (under per-event attribution) arrivals per cell in interval-major arrays
 * ({@link CellCounts}); under attribution by arrival or exit a cell's arrivals are its calls. Once the calls
 * have moved past a chunk, it groups the chunk's waits by cell with a counting sort (its entries are then still
 * in the processor's cache); {@link #report()} groups what is left the same way, into a compact store from which
 * every row, roll-up and percentile is computed exactly. Calls in any order give the same report; calls roughly
 * in time order give it fastest. Merging hands over the other accumulator's grouped chunks without copying
 * them. See <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/performance.md">docs/performance.md</a>.
 *
 * <p>This class is not thread-safe: use one accumulator per thread and merge them (the
 * {@link ReportSpec#collector()} does this).
 */
public final class ReportAccumulator {
  static {
    ReportAccess.Holder.register(ReportAccumulator::addEnded);
  }

  /** The most waits a report holds: each roll-up's waits must fit one array. */
  static final int MAX_WAITS = Integer.MAX_VALUE - (1 << 20);
  private static final CallAccess CALLS = CallAccess.Holder.get();
  private static final int ANSWERED = Outcome.ANSWERED.ordinal();
  private static final int ABANDONED = Outcome.ABANDONED.ordinal();
  private static final int LEFT_UNANSWERED = Outcome.LEFT_UNANSWERED.ordinal();
  /**
   * Stand-ins for the intervals of a call's arrival and of its exit, to ask the attribution which of the two it
   * places the parts of a call by ({@link Attribution#arrivalIn} and {@link Attribution#outcomeIn} return one of
   * their arguments).
   */
  private static final int ARRIVED = 0;
  private static final int EXITED = 1;
  /** The interval of an event the attribution does not read: never returned by it, so never counted. */
  private static final int NOT_READ = Integer.MIN_VALUE;

  private final ReportSpec spec;
  private final IntervalGrid grid;
  private final Attribution attribution;
  /** Whether arrivals are counted per cell ({@link #countsArrivalsApart}). */
  private final boolean arrivalsApart;
  /**
   * Whether the attribution places a part of a call by its arrival, and by its exit: an interval is looked up only
   * for an event it reads (one in the year report's inner loop, under attribution by arrival or by exit).
   */
  private final boolean readsArrival;
  private final boolean readsExit;

  /** Arrivals, waiting calls and handle times per cell. */
  private final CellCounts cells;
  /** The cell counts of merged accumulators, with their group ids' maps. */
  private final List<CellsPart> mergedCells = new ArrayList<>();
  private final GroupTable groups;
  /** The counted waits, by chunk of intervals. */
  final ChunkedWaits waits;

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
    this.arrivalsApart = countsArrivalsApart(attribution);
    this.readsArrival = attribution.arrivalIn(ARRIVED, EXITED) == ARRIVED
        || attribution.outcomeIn(ARRIVED, EXITED) == ARRIVED;
    this.readsExit = attribution.arrivalIn(ARRIVED, EXITED) == EXITED
        || attribution.outcomeIn(ARRIVED, EXITED) == EXITED;
    int intervals = grid.size();
    int shift = ChunkedWaits.shiftFor(intervals);
    this.cells = new CellCounts(intervals);
    this.groups = new GroupTable(intervals, shift >= 31 ? 1 : 1 << (31 - shift), cells);
    this.waits = new ChunkedWaits(intervals, shift, groups);
  }

  /**
   * Checks if arrivals are counted per cell under an attribution: if it may place a call's arrival and its outcome
   * in different intervals (per-event attribution). Otherwise a call counts whole in one cell, whose arrivals are
   * then its calls.
   */
  static boolean countsArrivalsApart(Attribution attribution) {
    return attribution.arrivalIn(ARRIVED, EXITED) != attribution.outcomeIn(ARRIVED, EXITED);
  }

  /** {@return the spec this accumulator counts for} */
  public ReportSpec spec() {
    return spec;
  }

  /**
   * Counts one call in the interval (or, under per-event attribution, intervals) its spec's attribution
   * gives.
   *
   * @param call  the call, not null
   * @throws IllegalStateException if the report would exceed its limits (see
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/performance.md">docs/performance.md</a>)
   */
  public void add(Call call) {
    requireNonNull(call, "call");
    // A waiting call has not left: its exit second is its arrival's.
    int arrivedIn = readsArrival ? arrivalInterval(CALLS.arrivedSecond(call)) : NOT_READ;
    int exitedIn = readsExit ? exitInterval(CALLS.exitSecond(call)) : NOT_READ;
    int arrivalIn = attribution.arrivalIn(arrivedIn, exitedIn);
    int outcomeIn = attribution.outcomeIn(arrivedIn, exitedIn);
    if (inPeriod(arrivalIn, outcomeIn)) {
      int g = groups.of(call);
      countArrival(arrivalIn, g);
      if (outcomeIn >= 0) {
        countOutcome(g, outcomeIn, call);
      }
    }
  }

  /**
   * Counts one ended call without handle time from its parts and the intervals of its arrival and exit
   * ({@code -1} outside the grid), exactly as {@link #add(Call)} counts the call with these parts: the live
   * monitor's path, with no {@code Call} object per event ({@link ReportAccess}).
   */
  private static void addEnded(ReportAccumulator a, String queue, Channel channel, int arrivedIn, int exitedIn,
      int outcomeClass, long waitIndex) {
    int arrivalIn = a.attribution.arrivalIn(arrivedIn, exitedIn);
    int outcomeIn = a.attribution.outcomeIn(arrivedIn, exitedIn);
    if (a.inPeriod(arrivalIn, outcomeIn)) {
      int g = a.groups.of(queue, channel);
      a.countArrival(arrivalIn, g);
      if (outcomeIn >= 0) {
        a.waits.append(g, outcomeIn, outcomeClass, waitIndex);
      }
    }
  }

  /**
   * Counts a call (once) in {@link #callsOutsidePeriod()} if its arrival or its outcome counts outside the period,
   * and returns whether either counts inside it: a call wholly outside registers no group, so adds no row.
   */
  private boolean inPeriod(int arrivalIn, int outcomeIn) {
    if ((arrivalIn | outcomeIn) >= 0) {
      return true;
    }
    outsidePeriod++;
    return arrivalIn >= 0 || outcomeIn >= 0;
  }

  /** Counts an arrival in its cell, if arrivals are counted apart and it is inside the period. */
  private void countArrival(int arrivalIn, int g) {
    if (arrivalsApart && arrivalIn >= 0) {
      cells.countArrival(arrivalIn, g);
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
      c = OutcomeClass.ANSWERED;
      if (CALLS.hasHandleTime(call)) {
        cells.addHandleTime(interval, g, CALLS.handleSeconds(call), CALLS.handleNanos(call));
      }
    } else if (outcome == ABANDONED) {
      c = OutcomeClass.ABANDONED;
    } else if (outcome == LEFT_UNANSWERED) {
      c = OutcomeClass.flowOut(CALLS.flowOutReasonOrdinal(call));
    } else { // waiting: no wait yet
      cells.countWaiting(interval, g);
      return;
    }
    waits.append(g, interval, c, CALLS.waitIndex(call));
  }

  /** The limit on groups: reached only with more than a gigabyte of counts, so tested at this message. */
  static IllegalStateException tooManyGroups(int intervals, int maxGroups) {
    return GroupTable.tooManyGroups(intervals, maxGroups);
  }

  static void checkEntries(long entries) {
    if (entries > MAX_WAITS) {
      throw new IllegalStateException("report cannot hold more than " + MAX_WAITS
          + " calls (expected a shorter period; merge reports of parts instead)");
    }
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
    Group[] theirs = other.groups.groups(); // a copy: other may be this
    int[] map = new int[theirs.length];
    for (int g = 0; g < theirs.length; g++) {
      map[g] = groups.of(theirs[g].queue, theirs[g].channel);
    }
    List<CellsPart> theirCells = new ArrayList<>(other.mergedCells);
    mergedCells.add(new CellsPart(copyCells || other == this ? other.cells.copy() : other.cells, map));
    for (CellsPart part : theirCells) {
      mergedCells.add(new CellsPart(part.counts, ChunkedWaits.compose(part.groupMap, map)));
    }
    waits.addAll(other.waits, map, !copyCells);
    outsidePeriod += other.outsidePeriod;
  }

  /** Returns how many waits (under 4,096 s) were counted, merged ones included. */
  long waitCount() {
    return waits.waitCount();
  }

  Group[] groups() {
    return groups.groups();
  }

  /** This accumulator's own cell counts (group ids its own) and those of merged accumulators. */
  List<CellsPart> cellParts() {
    List<CellsPart> all = new ArrayList<>(mergedCells.size() + 1);
    all.add(new CellsPart(cells, null));
    all.addAll(mergedCells);
    return all;
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
    if (!groups.contains(queue, channel)) {
      return TallySnapshot.empty();
    }
    ReportStore store = ReportStore.build(this, 1);
    int g = store.rankOf(queue, channel);
    return store.snapshot(new int[] {g}, intervalIndex, intervalIndex + 1);
  }

  /** {@return how many calls (or per-event parts) fell outside the grid's period so far} */
  public long callsOutsidePeriod() {
    return outsidePeriod;
  }

  /**
   * Returns the report of the calls counted so far. Later additions do not change it.
   *
   * @return the report
   * @throws IllegalStateException if the report would exceed its limits (see
   * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/performance.md">docs/performance.md</a>)
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
