package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.report.internal.ReportAccess;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.live.CallEvent.Kind;
import io.github.callmetrics.live.RejectedEvent.Reason;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportAccumulator;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The live service level of many queues and channels, fed with {@linkplain CallEvent call events} as they
 * happen, from any number of threads, and read as immutable {@linkplain LiveSnapshot snapshots}.
 *
 * <pre>{@code
 * ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(today, zone, IntervalLength.MINUTES_15))
 *     .definitions(Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(20)))
 *     .build();
 * LiveMonitor monitor = LiveMonitor.builder(spec).window(Duration.ofMinutes(30)).build();
 * monitor.entered("sales", "c1", Channel.VOICE, arrived);
 * monitor.answered("sales", "c1", answered);
 * LiveSnapshot now = monitor.snapshot("sales", Channel.VOICE);
 * Report sameAsBatch = monitor.report();
 * }</pre>
 *
 * <p><b>Agreement with batch.</b> When a call ends, the monitor counts it (arrival and channel from its
 * {@link Kind#ENTERED} event) in a {@link ReportAccumulator} of the spec it was built with, exactly as
 * {@link ReportAccumulator#add(Call)} counts the {@link Call}. {@link #report()} is therefore exactly
 * {@code spec.report(calls)} of the calls seen, those still waiting counted as {@link Call#waiting}, under
 * every attribution.
 *
 * <p><b>Time.</b> The monitor's {@linkplain #now() now} is the latest event instant seen (or the latest
 * instant given to {@link #advanceTo}), so a replayed day is deterministic; with a {@linkplain
 * Builder#clock(Clock) clock} it is the later of the clock and that instant. An event whose instant is more
 * than the {@linkplain Builder#lateTolerance late tolerance} before now is late: it is kept in
 * {@link #lateEvents()}, counted in its queue's snapshots, and not merged into any figure. Events within the
 * tolerance are placed by their own instant, whatever order they arrive in.
 *
 * <p><b>Rejections.</b> An outcome event for a call not waiting in that queue, a second entry of a waiting
 * call, an outcome before the call's arrival, and (with a clock) an event more than the tolerance after the
 * clock are not counted; they are kept in {@link #rejectedEvents()} with the reason. Both lists keep the most
 * recent {@linkplain Builder#retainedRejections retained} events; their counts cover all.
 *
 * <p><b>Cost.</b> An event that is counted allocates nothing: waiting calls are kept in an open-addressing
 * table of primitive arrays, and an ended call is counted as primitive counters into the report, the
 * interval it is shown in and the window. A snapshot builds each span's counts once per change and reuses
 * the figures of a span that nothing changed since the last snapshot. See {@code docs/live.md}.
 *
 * <p><b>Thread-safety.</b> This class is thread-safe. Each queue's state is guarded by its own lock: events of
 * different queues never contend, and a snapshot of a queue is taken under its lock, so its counts add up.
 * {@link #report()} and {@link #snapshots()} lock one queue at a time: each queue's part is consistent, but
 * events of other queues may land between two queues' parts.
 */
public final class LiveMonitor {
  private static final Channel[] CHANNELS = Channel.values();
  private static final Duration MAX_WINDOW = Duration.ofDays(1);
  private static final ReportAccess REPORT = ReportAccess.Holder.get();
  private static final Comparator<QueueState> BY_NAME = Comparator.comparing(q -> q.queue);

  private final ReportSpec spec;
  private final IntervalGrid grid;
  private final Attribution attribution;
  /** The epoch second the grid's period starts at. */
  private final long gridStart;
  private final ImmutableList<ServiceLevelDefinition> definitions;
  private final ThresholdBoundary[] boundaries;
  private final long[] thresholds;
  private final @Nullable Clock clock;
  private final Duration lateTolerance;
  private final long windowSeconds;
  private final long horizonSeconds;
  private final AtomicReference<Instant> latest;
  private final ConcurrentHashMap<String, QueueState> queues = new ConcurrentHashMap<>();
  /** The queues in name order; rebuilt when a queue has been added since (queues are never removed). */
  private volatile QueueState[] sorted = new QueueState[0];
  private final RejectionLog late;
  private final RejectionLog rejected;
  private final CopyOnWriteArrayList<BiConsumer<String, Channel>> listeners = new CopyOnWriteArrayList<>();

  private LiveMonitor(Builder b) {
    spec = b.spec;
    grid = spec.grid();
    attribution = spec.attribution();
    gridStart = grid.period().start().getEpochSecond();
    definitions = ImmutableList.copyOf(spec.definitions());
    boundaries = new ThresholdBoundary[definitions.size()];
    thresholds = new long[definitions.size()];
    for (int d = 0; d < definitions.size(); d++) {
      boundaries[d] = definitions.get(d).boundary();
      thresholds[d] = definitions.get(d).thresholdSeconds();
    }
    clock = b.clock;
    lateTolerance = b.lateTolerance;
    windowSeconds = b.window.getSeconds();
    horizonSeconds = b.breachHorizon.getSeconds();
    latest = new AtomicReference<>(grid.period().start());
    late = new RejectionLog(b.retainedRejections);
    rejected = new RejectionLog(b.retainedRejections);
    List<Channel> named = spec.channels().isEmpty() ? List.of(Channel.VOICE) : List.copyOf(spec.channels());
    for (String queue : spec.queues()) {
      QueueState state = state(queue);
      for (Channel channel : named) {
        state.channels.add(channel);
      }
    }
  }

  /**
   * Obtains a builder for a monitor of a report spec: its grid, attribution and definitions. Defaults: event
   * time (no clock), late tolerance 5 s, window 30 minutes, breach horizon 30 s, 10,000 retained rejections.
   *
   * @param spec  the report spec, not null
   * @return a new builder
   */
  public static Builder builder(ReportSpec spec) {
    return new Builder(requireNonNull(spec, "spec"));
  }

  /** Returns the report spec the monitor counts for. */
  public ReportSpec spec() {
    return spec;
  }

  /** Returns the length of the sliding window, whole seconds. */
  public Duration window() {
    return Duration.ofSeconds(windowSeconds);
  }

  /** Returns the late tolerance. */
  public Duration lateTolerance() {
    return lateTolerance;
  }

  /**
   * Returns the monitor's now: the latest event instant seen or {@linkplain #advanceTo given} (the start of
   * the grid's period before any), or with a clock the later of that and the clock. Never goes back.
   */
  public Instant now() {
    Instant seen = latestSeen();
    if (clock == null) {
      return seen;
    }
    Instant c = clock.instant();
    return c.isAfter(seen) ? c : seen;
  }

  /**
   * Moves the monitor's now forward to an instant, as if an event had happened then; an earlier instant
   * changes nothing. Lets a wallboard fed in event time show waits growing between events.
   *
   * @param instant  the instant, not null
   */
  public void advanceTo(Instant instant) {
    requireNonNull(instant, "instant");
    Instant current = latestSeen();
    while (instant.isAfter(current)) {
      if (latest.compareAndSet(current, instant)) {
        return;
      }
      current = latestSeen();
    }
  }

  /** The latest instant seen; set in the constructor and only ever replaced by a later instant. */
  private Instant latestSeen() {
    return requireNonNull(latest.get(), "latest");
  }

  /**
   * Applies one event.
   *
   * @param event  the event, not null
   * @return true if it was counted; false if it was late or rejected (then it is in {@link #lateEvents()} or
   *     {@link #rejectedEvents()})
   */
  public boolean accept(CallEvent event) {
    requireNonNull(event, "event");
    return apply(event.kind(), event.queue(), event.callId(), event.channelOrNull(), event.at(),
        event.flowOutReasonOrNull(), event);
  }

  /**
   * Applies the event of a call entering a queue; equivalent to {@code accept(CallEvent.entered(...))}.
   *
   * @return true if it was counted, false if it was late or rejected
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public boolean entered(String queue, String callId, Channel channel, Instant at) {
    return apply(Kind.ENTERED, queue, callId, requireNonNull(channel, "channel"), at, null, null);
  }

  /**
   * Applies the event of a call being answered; equivalent to {@code accept(CallEvent.answered(...))}.
   *
   * @return true if it was counted, false if it was late or rejected
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public boolean answered(String queue, String callId, Instant at) {
    return apply(Kind.ANSWERED, queue, callId, null, at, null, null);
  }

  /**
   * Applies the event of a caller hanging up; equivalent to {@code accept(CallEvent.abandoned(...))}.
   *
   * @return true if it was counted, false if it was late or rejected
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public boolean abandoned(String queue, String callId, Instant at) {
    return apply(Kind.ABANDONED, queue, callId, null, at, null, null);
  }

  /**
   * Applies the event of a call leaving unanswered; equivalent to {@code accept(CallEvent.leftUnanswered(...))}.
   *
   * @return true if it was counted, false if it was late or rejected
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public boolean leftUnanswered(String queue, String callId, Instant at, FlowOutReason reason) {
    return apply(Kind.LEFT_UNANSWERED, queue, callId, null, at, requireNonNull(reason, "reason"), null);
  }

  private boolean apply(Kind kind, String queue, String callId, @Nullable Channel channel, Instant at,
      @Nullable FlowOutReason reason, @Nullable CallEvent given) {
    CallEvent.checkNames(queue, callId);
    requireNonNull(at, "at");
    Instant now = now();
    if (beyondTolerance(at, now)) {
      rejectLate(given != null ? given : CallEvent.of(kind, queue, callId, at, channel, reason), now);
      return false;
    }
    if (clock != null) {
      Instant c = clock.instant();
      if (beyondTolerance(c, at)) {
        rejectFromTheFuture(given != null ? given : CallEvent.of(kind, queue, callId, at, channel, reason), c);
        return false;
      }
    }
    advanceTo(at);
    // A lower bound of now once advanced to the event: what the state may treat as gone by (see Cells).
    long nowSecond = Math.max(now.getEpochSecond(), at.getEpochSecond());
    QueueState state = state(queue);
    @Nullable RejectedEvent rejection;
    boolean newChannel = false;
    state.lock.lock();
    try {
      if (kind == Kind.ENTERED) {
        Channel entering = requireNonNull(channel, "channel");
        newChannel = state.channels.add(entering);
        rejection = state.enter(callId, entering, at, given);
      } else {
        rejection = state.end(kind, callId, at, reason, given, nowSecond);
      }
    } finally {
      state.lock.unlock();
    }
    if (newChannel) {
      for (BiConsumer<String, Channel> listener : listeners) {
        listener.accept(queue, channel);
      }
    }
    if (rejection != null) {
      rejected.add(rejection);
      return false;
    }
    return true;
  }

  /** Keeps a late event; out of {@link #apply} so the event path stays small for the compiler. */
  private void rejectLate(CallEvent event, Instant now) {
    state(event.queue()).countLate();
    late.add(new RejectedEvent(event, Reason.LATE, describe(event) + " is late: it is more than "
        + lateTolerance + " before the monitor's now " + now + " (expected at or after " + now.minus(lateTolerance)
        + "); not counted"));
  }

  private void rejectFromTheFuture(CallEvent event, Instant clockInstant) {
    state(event.queue()).countRejected();
    rejected.add(new RejectedEvent(event, Reason.FROM_THE_FUTURE, describe(event) + " is more than "
        + lateTolerance + " after the clock's " + clockInstant + " (expected at or before "
        + clockInstant.plus(lateTolerance) + "); not counted"));
  }

  /** Checks if {@code earlier} is more than the late tolerance before {@code later}, in exact arithmetic. */
  private boolean beyondTolerance(Instant earlier, Instant later) {
    long seconds = later.getEpochSecond() - earlier.getEpochSecond(); // Instants span ±3.2e16 s: no overflow
    int nanos = later.getNano() - earlier.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000;
    }
    long toleranceSeconds = lateTolerance.getSeconds();
    return seconds > toleranceSeconds || (seconds == toleranceSeconds && nanos > lateTolerance.getNano());
  }

  private static String describe(CallEvent event) {
    return event.kind().name().toLowerCase(java.util.Locale.ROOT) + " event of call " + event.callId()
        + " in queue " + event.queue() + " at " + event.at();
  }

  private QueueState state(String queue) {
    QueueState state = queues.get(queue);
    return state != null ? state : queues.computeIfAbsent(queue, QueueState::new);
  }

  /** Returns the queues' states in name order. */
  private QueueState[] sortedStates() {
    QueueState[] states = sorted;
    if (states.length != queues.size()) {
      states = queues.values().toArray(new QueueState[0]);
      Arrays.sort(states, BY_NAME);
      sorted = states;
    }
    return states;
  }

  /**
   * Takes a snapshot of one queue and channel at the monitor's now. A queue or channel never seen gives a
   * snapshot of nothing.
   *
   * @param queue  the queue, not null
   * @param channel  the channel, not null
   * @return the snapshot
   */
  public LiveSnapshot snapshot(String queue, Channel channel) {
    requireNonNull(queue, "queue");
    requireNonNull(channel, "channel");
    QueueState state = queues.get(queue);
    if (state == null) {
      state = new QueueState(queue);
    }
    state.lock.lock();
    try {
      return state.snapshot(channel, now());
    } finally {
      state.lock.unlock();
    }
  }

  /**
   * Takes a snapshot of every queue and channel seen (and those the spec names), ordered by queue and
   * channel, all at one instant. Each snapshot is taken under its queue's lock.
   *
   * @return the snapshots
   */
  public List<LiveSnapshot> snapshots() {
    Instant now = now();
    List<LiveSnapshot> result = new ArrayList<>();
    for (QueueState state : sortedStates()) {
      state.lock.lock();
      try {
        for (Channel channel : state.channels) {
          result.add(state.snapshot(channel, now));
        }
      } finally {
        state.lock.unlock();
      }
    }
    return result;
  }

  /**
   * Returns the report of every call seen so far, ended or still waiting (as {@link Call#waiting}): equal to
   * {@code spec().report(calls)} of the same calls.
   *
   * @return the report
   */
  public Report report() {
    ReportAccumulator all = spec.newAccumulator();
    for (QueueState state : sortedStates()) {
      state.lock.lock();
      try {
        all.addAll(state.ended);
        WaitingTable waiting = state.waiting;
        for (int slot = 0; slot < waiting.capacity(); slot++) {
          String id = waiting.id(slot);
          if (id != null) {
            all.add(Call.waiting(id, state.queue,
                Instant.ofEpochSecond(waiting.arrivedSecond(slot), waiting.arrivedNano(slot)))
                .withChannel(waiting.channel(slot)));
          }
        }
      } finally {
        state.lock.unlock();
      }
    }
    return all.report();
  }

  /** Returns the queues seen (and those the spec names), in order. */
  public List<String> queues() {
    return ImmutableList.sortedCopyOf(queues.keySet());
  }

  /**
   * Registers a listener told of every queue and channel: at once for those already seen, then for each new
   * one when its first call enters. The listener runs on the thread that fed the event, outside any lock; it
   * must be quick and thread-safe.
   *
   * @param listener  the listener, not null
   */
  public void onNewQueueChannel(BiConsumer<String, Channel> listener) {
    requireNonNull(listener, "listener");
    listeners.add(listener);
    for (QueueState state : sortedStates()) {
      List<Channel> seen;
      state.lock.lock();
      try {
        seen = List.copyOf(state.channels);
      } finally {
        state.lock.unlock();
      }
      for (Channel channel : seen) {
        listener.accept(state.queue, channel);
      }
    }
  }

  /** Returns the most recent late events, oldest first (at most the retained number). */
  public List<RejectedEvent> lateEvents() {
    return late.events();
  }

  /** Returns how many events were late, in all. */
  public long lateEventCount() {
    return late.count();
  }

  /** Returns the most recent events rejected for another reason than lateness, oldest first. */
  public List<RejectedEvent> rejectedEvents() {
    return rejected.events();
  }

  /** Returns how many events were rejected for another reason than lateness, in all. */
  public long rejectedEventCount() {
    return rejected.count();
  }

  @Override
  public String toString() {
    return "LiveMonitor{" + spec + ", window " + window() + ", late tolerance " + lateTolerance + ", "
        + queues.size() + " queue(s)}";
  }

  /** Returns the whole seconds from one instant to a later one, given as parts, truncated as every wait. */
  private static long wholeSeconds(long fromSecond, int fromNano, long toSecond, int toNano) {
    return toSecond - fromSecond - (toNano < fromNano ? 1 : 0);
  }

  /** The outcome class an event ends a call with ({@link ReportAccess}). */
  private static int outcomeClass(Kind kind, @Nullable FlowOutReason reason) {
    switch (kind) {
      case ANSWERED:
        return ReportAccess.ANSWERED;
      case ABANDONED:
        return ReportAccess.ABANDONED;
      default:
        return ReportAccess.FLOW_OUT + requireNonNull(reason, "reason").ordinal();
    }
  }

  /**
   * The last two intervals of the grid found, each as {@code [from, to)} epoch seconds: events come roughly in
   * time order, and calls ending early in an interval arrived in it or in the one before, so nearly every
   * lookup is a few comparisons, and a new interval costs one lookup in the grid. Guarded by the queue's lock.
   */
  private final class IntervalLookup {
    private long from = 1;
    private long to;
    private int index;
    private long otherFrom = 1;
    private long otherTo;
    private int otherIndex;

    int indexOf(long epochSecond) {
      if (epochSecond >= from && epochSecond < to) {
        return index;
      }
      if (epochSecond >= otherFrom && epochSecond < otherTo) {
        return otherIndex;
      }
      int i = grid.indexOfEpochSecond(epochSecond);
      if (i >= 0) {
        MeasurementInterval interval = grid.interval(i);
        otherFrom = from;
        otherTo = to;
        otherIndex = index;
        from = interval.start().getEpochSecond();
        to = interval.end().getEpochSecond();
        index = i;
      }
      return i;
    }
  }

  /**
   * The counts of one channel's intervals that a snapshot can still show, in two cells: the current and the
   * previous interval. Now never goes back, so an interval before the previous one is never read again; an
   * event that would change it changes the report only. A cell is claimed by interval {@code i} in slot
   * {@code i & 1}: its former interval is then two or more before {@code i}, gone by; and if the slot already
   * holds a later interval, {@code i} itself is gone by. Each cell keeps the figures last built from it while
   * its counts have not changed.
   */
  private static final class Cells {
    private final Cell[] cells = {new Cell(), new Cell()};

    /**
     * Returns the counts of an interval, claiming a cell for it, or null if the interval can no longer be
     * shown: before {@code floor} (the previous interval at a now not later than the real one), before the
     * grid, or older than the interval in its slot.
     */
    @Nullable Cell cell(int index, int floor) {
      if (index < 0 || index < floor) {
        return null;
      }
      Cell cell = cells[index & 1];
      if (cell.index != index) {
        if (cell.index > index) {
          return null;
        }
        cell.index = index;
        cell.tally.clear();
        cell.figures = null;
      }
      return cell;
    }
  }

  /** The ended calls counted in one interval of one channel, and the figures last built from them. */
  private static final class Cell {
    int index = Integer.MIN_VALUE;
    final LiveTally tally = new LiveTally();
    @Nullable LiveFigures figures;
    long figuresVersion;
  }

  /**
   * The calls of one channel that ended within the window, each as its outcome's epoch second and
   * {@code wait << 3 | outcomeClass}, in a ring buffer of pairs sorted by second, and the counts of them all.
   * Events come in time order up to the late tolerance, so a call is appended at the tail or moved in past
   * the few calls that ended in the seconds after it; expiring takes calls off the head. One contiguous array
   * per window: no object per call or per second.
   */
  private final class Window {
    /** Pairs {@code (second, entry)} from {@code head}, {@code size} of them, ascending by second, wrapping. */
    private long[] ring = new long[2 * 16];
    private int head;
    private int size;
    final LiveTally tally = new LiveTally();
    /** Every second up to this one is expired (its calls removed from the tally). */
    private long expiredThrough = Long.MIN_VALUE;
    @Nullable LiveFigures figures;
    long figuresVersion;

    void add(long second, int outcomeClass, long waitSeconds, long nowSecond) {
      expire(nowSecond);
      if (second <= expiredThrough) {
        return; // already out of the window: possible only with a tolerance longer than the window
      }
      int capacity = ring.length >>> 1;
      if (size == capacity) {
        grow();
        capacity = ring.length >>> 1;
      }
      int mask = capacity - 1;
      int at = (head + size) & mask;
      // Move up the calls that ended after this one (none when events come in order).
      for (int moved = 0; moved < size; moved++) {
        int before = (at - 1) & mask;
        if (ring[2 * before] <= second) {
          break;
        }
        ring[2 * at] = ring[2 * before];
        ring[2 * at + 1] = ring[2 * before + 1];
        at = before;
      }
      ring[2 * at] = second;
      ring[2 * at + 1] = waitSeconds << 3 | outcomeClass; // a wait within an Instant's range fits in 59 bits
      size++;
      tally.add(outcomeClass, waitSeconds);
    }

    void expire(long nowSecond) {
      long through = nowSecond - windowSeconds; // the window is (now - W, now] in whole seconds
      if (through <= expiredThrough) {
        return;
      }
      int mask = (ring.length >>> 1) - 1;
      while (size > 0 && ring[2 * head] <= through) {
        long entry = ring[2 * head + 1];
        tally.remove((int) (entry & 7), entry >>> 3);
        head = (head + 1) & mask;
        size--;
      }
      expiredThrough = through;
    }

    private void grow() {
      int capacity = ring.length >>> 1;
      long[] larger = new long[4 * capacity];
      for (int i = 0; i < size; i++) {
        int from = (head + i) & (capacity - 1);
        larger[2 * i] = ring[2 * from];
        larger[2 * i + 1] = ring[2 * from + 1];
      }
      ring = larger;
      head = 0;
    }
  }

  /** One channel of one queue: its interval cells and its window. */
  private final class ChannelState {
    final Cells cells = new Cells();
    final Window window = new Window();
  }

  /** One queue's state, guarded by its lock. */
  private final class QueueState {
    final String queue;
    final ReentrantLock lock = new ReentrantLock();
    final ReportAccumulator ended = spec.newAccumulator();
    final WaitingTable waiting = new WaitingTable();
    final EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
    private final @Nullable ChannelState[] byChannel = new ChannelState[CHANNELS.length];
    /** Arrivals and exits each keep their own last interval: a long wait puts them in different ones. */
    private final IntervalLookup arrivals = new IntervalLookup();
    private final IntervalLookup exits = new IntervalLookup();
    long lateCount;
    long rejectedCount;

    QueueState(String queue) {
      this.queue = queue;
    }

    void countLate() {
      lock.lock();
      try {
        lateCount++;
      } finally {
        lock.unlock();
      }
    }

    void countRejected() {
      lock.lock();
      try {
        rejectedCount++;
      } finally {
        lock.unlock();
      }
    }

    ChannelState channel(Channel channel) {
      ChannelState state = byChannel[channel.ordinal()];
      if (state == null) {
        state = new ChannelState();
        byChannel[channel.ordinal()] = state;
      }
      return state;
    }

    @Nullable RejectedEvent enter(String callId, Channel channel, Instant at, @Nullable CallEvent given) {
      int slot = waiting.find(callId);
      if (slot < 0) {
        waiting.add(callId, at.getEpochSecond(), at.getNano(), channel);
        return null;
      }
      return duplicate(given != null ? given : CallEvent.entered(queue, callId, channel, at), slot);
    }

    // The rejections, out of enter and end so the event path stays small for the compiler.

    private RejectedEvent duplicate(CallEvent event, int slot) {
      rejectedCount++;
      return new RejectedEvent(event, Reason.DUPLICATE_CALL, describe(event) + " is a second entry: the call is"
          + " already waiting since " + arrived(slot) + " (expected an outcome before it enters again); not counted");
    }

    private RejectedEvent unknownCall(CallEvent event) {
      rejectedCount++;
      return new RejectedEvent(event, Reason.UNKNOWN_CALL, describe(event) + " is for a call not waiting in "
          + queue + " (expected its entered event first); not counted");
    }

    private RejectedEvent beforeArrival(CallEvent event, int slot) {
      rejectedCount++;
      return new RejectedEvent(event, Reason.BEFORE_ARRIVAL, describe(event) + " is before the call's arrival "
          + arrived(slot) + " (expected an outcome at or after it); not counted");
    }

    private Instant arrived(int slot) {
      return Instant.ofEpochSecond(waiting.arrivedSecond(slot), waiting.arrivedNano(slot));
    }

    @Nullable RejectedEvent end(Kind kind, String callId, Instant at, @Nullable FlowOutReason reason,
        @Nullable CallEvent given, long nowSecond) {
      int slot = waiting.find(callId);
      if (slot < 0) {
        return unknownCall(given != null ? given : CallEvent.of(kind, queue, callId, at, null, reason));
      }
      int outcomeClass = outcomeClass(kind, reason);
      long arrivedSecond = waiting.arrivedSecond(slot);
      int arrivedNano = waiting.arrivedNano(slot);
      long second = at.getEpochSecond();
      int nano = at.getNano();
      if (second < arrivedSecond || (second == arrivedSecond && nano < arrivedNano)) {
        return beforeArrival(given != null ? given : CallEvent.of(kind, queue, callId, at, null, reason), slot);
      }
      Channel channel = waiting.channel(slot);
      waiting.remove(slot);
      long waitSeconds = wholeSeconds(arrivedSecond, arrivedNano, second, nano);
      int arrivedIn = arrivals.indexOf(arrivedSecond);
      int exitedIn = exits.indexOf(second);
      REPORT.addEnded(ended, queue, channel, arrivedIn, exitedIn, outcomeClass, waitSeconds);
      ChannelState state = channel(channel);
      countInIntervals(state.cells, arrivedIn, exitedIn, outcomeClass, waitSeconds, nowSecond);
      state.window.add(second, outcomeClass, waitSeconds, nowSecond);
      return null;
    }

    /**
     * Counts an ended call into the cells of the intervals the spec's attribution places parts of it in, as
     * {@code spec.countPart} does, skipping intervals no snapshot can show any more.
     */
    private void countInIntervals(Cells cells, int arrivedIn, int exitedIn, int outcomeClass, long waitSeconds,
        long nowSecond) {
      int nowIndex = exits.indexOf(nowSecond);
      int floor = nowIndex >= 0 ? nowIndex - 1 : nowSecond < gridStart ? 0 : grid.size() - 1;
      switch (attribution) {
        case ARRIVAL: {
          Cell cell = cells.cell(arrivedIn, floor);
          if (cell != null) {
            cell.tally.add(outcomeClass, waitSeconds);
          }
          break;
        }
        case EXIT: {
          Cell cell = cells.cell(exitedIn, floor);
          if (cell != null) {
            cell.tally.add(outcomeClass, waitSeconds);
          }
          break;
        }
        case PER_EVENT: {
          Cell arrival = cells.cell(arrivedIn, floor);
          if (arrival != null) {
            arrival.tally.countArrival();
          }
          Cell exit = cells.cell(exitedIn, floor);
          if (exit != null) {
            exit.tally.countOutcome(outcomeClass, waitSeconds);
          }
          break;
        }
      }
    }

    LiveSnapshot snapshot(Channel channel, Instant now) {
      ChannelState state = channel(channel);
      long nowSecond = now.getEpochSecond();
      int nowNano = now.getNano();
      int current = exits.indexOf(nowSecond);
      int previous = current >= 0 ? current - 1 : nowSecond < gridStart ? -1 : grid.size() - 1;

      // The waiting calls of this channel: their waits now, where they arrived, the oldest, the watches.
      int count = 0;
      for (int slot = 0; slot < waiting.capacity(); slot++) {
        if (waiting.id(slot) != null && waiting.channel(slot) == channel) {
          count++;
        }
      }
      long[] waits = new long[count];
      int[] arrivedIn = new int[count];
      long[] over = new long[thresholds.length];
      long[] breaking = new long[thresholds.length];
      int oldest = -1;
      int k = 0;
      for (int slot = 0; k < count; slot++) {
        String id = waiting.id(slot);
        if (id == null || waiting.channel(slot) != channel) {
          continue;
        }
        long second = waiting.arrivedSecond(slot);
        int nano = waiting.arrivedNano(slot);
        long wait = Math.max(0, wholeSeconds(second, nano, nowSecond, nowNano));
        waits[k] = wait;
        arrivedIn[k++] = arrivals.indexOf(second);
        if (oldest < 0 || isBefore(slot, oldest)) {
          oldest = slot;
        }
        long atHorizon = wait > Long.MAX_VALUE - horizonSeconds ? Long.MAX_VALUE : wait + horizonSeconds;
        for (int d = 0; d < thresholds.length; d++) {
          if (!boundaries[d].isWithin(wait, thresholds[d])) {
            over[d]++;
          } else if (!boundaries[d].isWithin(atHorizon, thresholds[d])) {
            breaking[d]++;
          }
        }
      }
      LiveFigures.Waiting waitingHere = count == 0 ? LiveFigures.Waiting.NONE
          : new LiveFigures.Waiting(waits, arrivedIn);

      Optional<LiveFigures> currentFigures = current >= 0
          ? Optional.of(intervalFigures(state.cells, current, current, waitingHere)) : Optional.empty();
      Optional<LiveFigures> previousFigures = previous >= 0
          ? Optional.of(intervalFigures(state.cells, previous, current, waitingHere)) : Optional.empty();
      state.window.expire(nowSecond);
      LiveFigures windowFigures = windowFigures(state.window, nowSecond, current, waitingHere);

      List<ThresholdWatch> watches = new ArrayList<>(definitions.size());
      for (int d = 0; d < definitions.size(); d++) {
        watches.add(new ThresholdWatch(definitions.get(d), over[d], breaking[d]));
      }
      Optional<WaitingCall> oldestCall = oldest < 0 ? Optional.empty() : Optional.of(new WaitingCall(
          requireNonNull(waiting.id(oldest)), channel, arrived(oldest), Duration.ofSeconds(Math.max(0,
              wholeSeconds(waiting.arrivedSecond(oldest), waiting.arrivedNano(oldest), nowSecond, nowNano)))));
      return new LiveSnapshot(queue, channel, now, currentFigures, previousFigures, windowFigures, count,
          oldestCall, watches, Duration.ofSeconds(horizonSeconds), lateCount, rejectedCount);
    }

    /** Checks if the call in one slot arrived before the one in another (ties: the smaller id first). */
    private boolean isBefore(int slot, int other) {
      long a = waiting.arrivedSecond(slot);
      long b = waiting.arrivedSecond(other);
      if (a != b) {
        return a < b;
      }
      int an = waiting.arrivedNano(slot);
      int bn = waiting.arrivedNano(other);
      if (an != bn) {
        return an < bn;
      }
      return requireNonNull(waiting.id(slot)).compareTo(requireNonNull(waiting.id(other))) < 0;
    }

    /**
     * The figures of one interval: the cell's last ones if neither its counts changed nor a waiting call
     * bears on it (one that arrived in it, or, outside arrival attribution, any in the current interval,
     * where a call past its threshold is placed as answered now).
     */
    private LiveFigures intervalFigures(Cells cells, int index, int current, LiveFigures.Waiting waitingHere) {
      Cell cell = cells.cell(index, Integer.MIN_VALUE); // a shown interval is never older than its slot's
      if (cell == null) {
        return new LiveFigures(grid.interval(index), spec, index, current, TallySnapshot.empty(), waitingHere);
      }
      boolean waitingBears = attribution != Attribution.ARRIVAL && index == current && waitingHere.size() > 0;
      for (int i = 0; i < waitingHere.size() && !waitingBears; i++) {
        waitingBears = waitingHere.arrivedIn[i] == index;
      }
      if (waitingBears) {
        return new LiveFigures(grid.interval(index), spec, index, current, cell.tally.snapshot(), waitingHere);
      }
      LiveFigures figures = cell.figures;
      if (figures == null || cell.figuresVersion != cell.tally.version()) {
        figures = new LiveFigures(grid.interval(index), spec, index, current, cell.tally.snapshot(),
            LiveFigures.Waiting.NONE);
        cell.figures = figures;
        cell.figuresVersion = cell.tally.version();
      }
      return figures;
    }

    /**
     * The figures of the window: with nobody waiting and no call added or expired since the last ones, the
     * same figures over the window's new span.
     */
    private LiveFigures windowFigures(Window window, long nowSecond, int current, LiveFigures.Waiting waitingHere) {
      MeasurementInterval span = MeasurementInterval.of(
          Instant.ofEpochSecond(nowSecond - windowSeconds + 1), Instant.ofEpochSecond(nowSecond + 1));
      if (waitingHere.size() > 0) {
        return new LiveFigures(span, spec, -1, current, window.tally.snapshot(), waitingHere);
      }
      LiveFigures figures = window.figures;
      if (figures == null || window.figuresVersion != window.tally.version()) {
        figures = new LiveFigures(span, spec, -1, current, window.tally.snapshot(), LiveFigures.Waiting.NONE);
        window.figures = figures;
        window.figuresVersion = window.tally.version();
      } else if (!figures.span().equals(span)) {
        figures = figures.over(span);
        window.figures = figures;
      }
      return figures;
    }
  }

  /** The most recent rejected events of one kind, and how many there were in all. */
  private static final class RejectionLog {
    private final int retained;
    private final ArrayDeque<RejectedEvent> events = new ArrayDeque<>();
    private long count;

    RejectionLog(int retained) {
      this.retained = retained;
    }

    synchronized void add(RejectedEvent event) {
      count++;
      if (retained == 0) {
        return;
      }
      if (events.size() == retained) {
        events.pollFirst();
      }
      events.addLast(event);
    }

    synchronized List<RejectedEvent> events() {
      return ImmutableList.copyOf(events);
    }

    synchronized long count() {
      return count;
    }
  }

  /** Builds a {@link LiveMonitor}. Not thread-safe. */
  public static final class Builder {
    private final ReportSpec spec;
    private @Nullable Clock clock;
    private Duration lateTolerance = Duration.ofSeconds(5);
    private Duration window = Duration.ofMinutes(30);
    private Duration breachHorizon = Duration.ofSeconds(30);
    private int retainedRejections = 10_000;

    private Builder(ReportSpec spec) {
      this.spec = spec;
    }

    /**
     * Sets a clock: the monitor's now becomes the later of the clock and the latest event, so waits grow
     * between events; events more than the late tolerance after the clock are rejected. Without a clock
     * (the default) the monitor runs in event time.
     *
     * @param clock  the clock, not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how far before now an event may be and still be placed by its own instant.
     *
     * @param tolerance  zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder lateTolerance(Duration tolerance) {
      if (requireNonNull(tolerance, "tolerance").isNegative()) {
        throw new IllegalArgumentException("late tolerance " + tolerance + " is negative (expected zero or more)");
      }
      this.lateTolerance = tolerance;
      return this;
    }

    /**
     * Sets the length of the sliding window, for example 15, 30 or 60 minutes.
     *
     * @param window  a positive whole number of seconds, at most a day
     * @return this builder
     * @throws IllegalArgumentException if not positive, not whole seconds or longer than a day
     */
    public Builder window(Duration window) {
      requireNonNull(window, "window");
      // The window is a ring of one slot per second: a day is 86,400 slots per queue and channel.
      if (window.isNegative() || window.isZero() || window.toNanosPart() != 0 || window.compareTo(MAX_WINDOW) > 0) {
        throw new IllegalArgumentException("window " + window + " is not valid (expected a positive whole number of"
            + " seconds up to PT24H, for example PT30M)");
      }
      this.window = window;
      return this;
    }

    /**
     * Sets the horizon {@code N} of "calls that will break the threshold in the next N seconds".
     *
     * @param horizon  zero or more whole seconds
     * @return this builder
     * @throws IllegalArgumentException if negative or not whole seconds
     */
    public Builder breachHorizon(Duration horizon) {
      requireNonNull(horizon, "horizon");
      if (horizon.isNegative() || horizon.toNanosPart() != 0) {
        throw new IllegalArgumentException("breach horizon " + horizon + " is not valid (expected zero or more whole"
            + " seconds)");
      }
      this.breachHorizon = horizon;
      return this;
    }

    /**
     * Sets how many late events, and separately how many otherwise rejected events, the monitor keeps (the
     * most recent); the counts cover all.
     *
     * @param retained  zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder retainedRejections(int retained) {
      if (retained < 0) {
        throw new IllegalArgumentException("retained rejections " + retained + " is negative (expected zero or more)");
      }
      this.retainedRejections = retained;
      return this;
    }

    /** Builds the monitor. */
    public LiveMonitor build() {
      return new LiveMonitor(this);
    }
  }
}
