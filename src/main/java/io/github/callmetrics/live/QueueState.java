package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.call.internal.OutcomeClass;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.live.CallEvent.Kind;
import io.github.callmetrics.live.IntervalCells.Cell;
import io.github.callmetrics.live.RejectedEvent.Reason;
import io.github.callmetrics.report.ReportAccumulator;
import io.github.callmetrics.report.internal.ReportAccess;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One queue's state in a {@link LiveMonitor}: its ended calls' report accumulator, its waiting calls, and per
 * channel the counts of the intervals a snapshot can show and of the window. Guarded by its lock: every method
 * but the counters of late and rejected events expects the caller to hold it.
 */
final class QueueState {
  private static final Channel[] CHANNELS = Channel.values();
  private static final ReportAccess REPORT = ReportAccess.Holder.get();

  final String queue;
  final ReentrantLock lock = new ReentrantLock();
  final EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
  private final LiveSettings settings;
  private final ReportAccumulator ended;
  private final WaitingTable waiting = new WaitingTable();
  private final @Nullable ChannelState[] byChannel = new ChannelState[CHANNELS.length];
  /** Arrivals and exits each keep their own last interval: a long wait puts them in different ones. */
  private final IntervalLookup arrivals;
  private final IntervalLookup exits;
  private long lateCount;
  private long rejectedCount;

  QueueState(String queue, LiveSettings settings) {
    this.queue = queue;
    this.settings = settings;
    this.ended = settings.spec.newAccumulator();
    this.arrivals = new IntervalLookup(settings.grid);
    this.exits = new IntervalLookup(settings.grid);
  }

  /** One channel of the queue: its interval cells and its window. */
  private static final class ChannelState {
    final IntervalCells cells = new IntervalCells();
    final LiveWindow window;
    final QueueDefinitions definitions;

    ChannelState(long windowSeconds, QueueDefinitions definitions) {
      window = new LiveWindow(windowSeconds);
      this.definitions = definitions;
    }
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

  private ChannelState channel(Channel channel) {
    ChannelState state = byChannel[channel.ordinal()];
    if (state == null) {
      state = new ChannelState(settings.windowSeconds, new QueueDefinitions(settings.spec, queue, channel));
      byChannel[channel.ordinal()] = state;
    }
    return state;
  }

  /** Adds every call of the queue, ended or waiting (as {@link Call#waiting}), to an accumulator. */
  void addTo(ReportAccumulator all) {
    all.addAll(ended);
    for (int slot = 0; slot < waiting.capacity(); slot++) {
      String id = waiting.id(slot);
      if (id != null) {
        all.add(Call.waiting(id, queue, arrived(slot)).withChannel(waiting.channel(slot)));
      }
    }
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
    return new RejectedEvent(event, Reason.DUPLICATE_CALL, RejectionLog.describe(event) + " is a second entry: the"
        + " call is already waiting since " + arrived(slot) + " (expected an outcome before it enters again); not"
        + " counted");
  }

  private RejectedEvent unknownCall(CallEvent event) {
    rejectedCount++;
    return new RejectedEvent(event, Reason.UNKNOWN_CALL, RejectionLog.describe(event) + " is for a call not waiting"
        + " in " + queue + " (expected its entered event first); not counted");
  }

  private RejectedEvent beforeArrival(CallEvent event, int slot) {
    rejectedCount++;
    return new RejectedEvent(event, Reason.BEFORE_ARRIVAL, RejectionLog.describe(event) + " is before the call's"
        + " arrival " + arrived(slot) + " (expected an outcome at or after it); not counted");
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
    long arrivedSecond = waiting.arrivedSecond(slot);
    int arrivedNano = waiting.arrivedNano(slot);
    long second = at.getEpochSecond();
    int nano = at.getNano();
    if (second < arrivedSecond || (second == arrivedSecond && nano < arrivedNano)) {
      return beforeArrival(given != null ? given : CallEvent.of(kind, queue, callId, at, null, reason), slot);
    }
    int outcomeClass = outcomeClass(kind, reason);
    Channel channel = waiting.channel(slot);
    waiting.remove(slot);
    long waitIndex = OutcomeClass.waitIndex(arrivedSecond, arrivedNano, second, nano);
    int arrivedIn = arrivals.indexOf(arrivedSecond);
    int exitedIn = exits.indexOf(second);
    REPORT.addEnded(ended, queue, channel, arrivedIn, exitedIn, outcomeClass, waitIndex);
    ChannelState state = channel(channel);
    countInIntervals(state.cells, arrivedIn, exitedIn, outcomeClass, waitIndex, nowSecond);
    state.window.add(second, outcomeClass, waitIndex, nowSecond);
    return null;
  }

  /** The outcome class an event ends a call with. */
  private static int outcomeClass(Kind kind, @Nullable FlowOutReason reason) {
    return OutcomeClass.of(kind == Kind.ANSWERED ? Outcome.ANSWERED
        : kind == Kind.ABANDONED ? Outcome.ABANDONED : Outcome.LEFT_UNANSWERED, reason);
  }

  /**
   * Counts an ended call into the cells of the intervals the spec's attribution places its arrival and its
   * outcome in ({@link Attribution#arrivalIn}, {@link Attribution#outcomeIn}), skipping intervals no snapshot can
   * show any more.
   */
  private void countInIntervals(IntervalCells cells, int arrivedIn, int exitedIn, int outcomeClass,
      long waitIndex, long nowSecond) {
    int floor = settings.previous(exits.indexOf(nowSecond), nowSecond);
    Attribution attribution = settings.attribution;
    int arrivalIn = attribution.arrivalIn(arrivedIn, exitedIn);
    int outcomeIn = attribution.outcomeIn(arrivedIn, exitedIn);
    if (arrivalIn == outcomeIn) {
      Cell cell = cells.cell(outcomeIn, floor);
      if (cell != null) {
        cell.tally.add(outcomeClass, waitIndex); // the whole call
      }
      return;
    }
    Cell arrival = cells.cell(arrivalIn, floor);
    if (arrival != null) {
      arrival.tally.countArrival();
    }
    Cell exit = cells.cell(outcomeIn, floor);
    if (exit != null) {
      exit.tally.countOutcome(outcomeClass, waitIndex);
    }
  }

  LiveSnapshot snapshot(Channel channel, Instant now) {
    ChannelState state = channel(channel);
    long nowSecond = now.getEpochSecond();
    int nowNano = now.getNano();
    int current = exits.indexOf(nowSecond);
    int previous = settings.previous(current, nowSecond);
    int definitions = state.definitions.size();

    // The waiting calls of this channel: their waits now, where they arrived, the oldest, the watches.
    int count = 0;
    for (int slot = 0; slot < waiting.capacity(); slot++) {
      if (waiting.id(slot) != null && waiting.channel(slot) == channel) {
        count++;
      }
    }
    long[] waits = new long[count];
    int[] arrivedIn = new int[count];
    long[] over = new long[definitions];
    long[] breaking = new long[definitions];
    int oldest = -1;
    int k = 0;
    long horizon = settings.horizonSeconds;
    // Whole seconds more keep a wait's fraction: its index grows by two a second.
    long horizonIndex = horizon > Long.MAX_VALUE >> 2 ? Long.MAX_VALUE >> 1 : 2 * horizon;
    for (int slot = 0; k < count; slot++) {
      String id = waiting.id(slot);
      if (id == null || waiting.channel(slot) != channel) {
        continue;
      }
      long second = waiting.arrivedSecond(slot);
      int nano = waiting.arrivedNano(slot);
      long wait = Math.max(0, OutcomeClass.waitIndex(second, nano, nowSecond, nowNano));
      waits[k] = wait;
      arrivedIn[k++] = arrivals.indexOf(second);
      if (oldest < 0 || isBefore(slot, oldest)) {
        oldest = slot;
      }
      long atHorizon = wait > Long.MAX_VALUE - horizonIndex ? Long.MAX_VALUE : wait + horizonIndex;
      for (int d = 0; d < definitions; d++) {
        if (!state.definitions.isWithin(d, wait)) {
          over[d]++;
        } else if (!state.definitions.isWithin(d, atHorizon)) {
          breaking[d]++;
        }
      }
    }
    LiveFigures.Waiting waitingHere = count == 0 ? LiveFigures.Waiting.NONE
        : new LiveFigures.Waiting(waits, arrivedIn);

    Optional<LiveFigures> currentFigures = current >= 0
        ? Optional.of(intervalFigures(state, current, current, waitingHere)) : Optional.empty();
    Optional<LiveFigures> previousFigures = previous >= 0
        ? Optional.of(intervalFigures(state, previous, current, waitingHere)) : Optional.empty();
    state.window.expire(nowSecond);
    LiveFigures windowFigures = windowFigures(state, nowSecond, current, waitingHere);

    List<ThresholdWatch> watches = new ArrayList<>(definitions);
    for (int d = 0; d < definitions; d++) {
      watches.add(new ThresholdWatch(state.definitions.definitions.get(d), over[d], breaking[d]));
    }
    Optional<WaitingCall> oldestCall = oldest < 0 ? Optional.empty() : Optional.of(new WaitingCall(
        requireNonNull(waiting.id(oldest)), channel, arrived(oldest), Duration.ofSeconds(OutcomeClass.wholeSeconds(
            Math.max(0, OutcomeClass.waitIndex(waiting.arrivedSecond(oldest), waiting.arrivedNano(oldest), nowSecond,
                nowNano))))));
    return new LiveSnapshot(queue, channel, now, currentFigures, previousFigures, windowFigures, count,
        oldestCall, watches, Duration.ofSeconds(horizon), lateCount, rejectedCount);
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
   * The figures of one interval: the cell's last ones if neither its counts changed nor a waiting call bears on
   * it: one whose arrival or outcome, were it answered now, the attribution places in it ({@link LiveFigures}).
   */
  private LiveFigures intervalFigures(ChannelState state, int index, int current, LiveFigures.Waiting waitingHere) {
    IntervalCells cells = state.cells;
    QueueDefinitions definitions = state.definitions;
    MeasurementInterval span = settings.grid.interval(index);
    Cell cell = cells.cell(index, Integer.MIN_VALUE); // a shown interval is never older than its slot's
    if (cell == null) {
      return new LiveFigures(span, settings.spec, definitions, index, current, TallySnapshot.empty(), waitingHere);
    }
    if (waitingHere.bearsOn(settings.attribution, index, current)) {
      return new LiveFigures(span, settings.spec, definitions, index, current, cell.tally.snapshot(), waitingHere);
    }
    LiveFigures figures = cell.figures;
    if (figures == null || cell.figuresVersion != cell.tally.version()) {
      figures = new LiveFigures(span, settings.spec, definitions, index, current, cell.tally.snapshot(),
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
  private LiveFigures windowFigures(ChannelState state, long nowSecond, int current,
      LiveFigures.Waiting waitingHere) {
    LiveWindow window = state.window;
    QueueDefinitions definitions = state.definitions;
    MeasurementInterval span = MeasurementInterval.of(
        Instant.ofEpochSecond(nowSecond - settings.windowSeconds + 1), Instant.ofEpochSecond(nowSecond + 1));
    if (waitingHere.size() > 0) {
      return new LiveFigures(span, settings.spec, definitions, -1, current, window.tally.snapshot(), waitingHere);
    }
    LiveFigures figures = window.figures;
    if (figures == null || window.figuresVersion != window.tally.version()) {
      figures = new LiveFigures(span, settings.spec, definitions, -1, current, window.tally.snapshot(), LiveFigures.Waiting.NONE);
      window.figures = figures;
      window.figuresVersion = window.tally.version();
    } else if (!figures.span().equals(span)) {
      figures = figures.over(span);
      window.figures = figures;
    }
    return figures;
  }
}
