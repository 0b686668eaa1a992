package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.InvalidCallException;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.live.CallEvent.Kind;
import io.github.callmetrics.live.RejectedEvent.Reason;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportAccumulator;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
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
 * <p><b>Agreement with batch.</b> When a call ends, the monitor builds its {@link Call} (arrival and channel
 * from its {@link Kind#ENTERED} event) and counts it in a {@link ReportAccumulator} of the spec it was built
 * with. {@link #report()} is therefore exactly {@code spec.report(calls)} of the calls seen, those still
 * waiting counted as {@link Call#waiting}, under every attribution.
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
 * <p><b>Thread-safety.</b> This class is thread-safe. Each queue's state is guarded by its own lock: events of
 * different queues never contend, and a snapshot of a queue is taken under its lock, so its counts add up.
 * {@link #report()} and {@link #snapshots()} lock one queue at a time: each queue's part is consistent, but
 * events of other queues may land between two queues' parts.
 */
public final class LiveMonitor {
  private static final Channel[] CHANNELS = Channel.values();
  private static final Duration MAX_WINDOW = Duration.ofDays(1);

  private final ReportSpec spec;
  private final IntervalGrid grid;
  private final ImmutableList<ServiceLevelDefinition> definitions;
  private final @Nullable Clock clock;
  private final Duration lateTolerance;
  private final long windowSeconds;
  private final long horizonSeconds;
  private final AtomicReference<Instant> latest;
  private final ConcurrentHashMap<String, QueueState> queues = new ConcurrentHashMap<>();
  private final RejectionLog late;
  private final RejectionLog rejected;
  private final CopyOnWriteArrayList<BiConsumer<String, Channel>> listeners = new CopyOnWriteArrayList<>();

  private LiveMonitor(Builder b) {
    spec = b.spec;
    grid = spec.grid();
    definitions = ImmutableList.copyOf(spec.definitions());
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
    return apply(event.kind(), event.queue(), event.callId(), event.channel().orElse(null), event.at(),
        event.flowOutReason().orElse(null), event);
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
    if (at.plus(lateTolerance).isBefore(now)) {
      CallEvent event = given != null ? given : CallEvent.of(kind, queue, callId, at, channel, reason);
      state(queue).countLate();
      late.add(new RejectedEvent(event, Reason.LATE, describe(event) + " is late: it is more than "
          + lateTolerance + " before the monitor's now " + now + " (expected at or after " + now.minus(lateTolerance)
          + "); not counted"));
      return false;
    }
    @Nullable Instant clockNow = clock == null ? null : clock.instant();
    if (clockNow != null && at.isAfter(clockNow.plus(lateTolerance))) {
      CallEvent event = given != null ? given : CallEvent.of(kind, queue, callId, at, channel, reason);
      state(queue).countRejected();
      rejected.add(new RejectedEvent(event, Reason.FROM_THE_FUTURE, describe(event) + " is more than "
          + lateTolerance + " after the clock's " + clockNow + " (expected at or before "
          + clockNow.plus(lateTolerance) + "); not counted"));
      return false;
    }
    advanceTo(at);
    QueueState state = state(queue);
    @Nullable RejectedEvent rejection;
    boolean newChannel = false;
    state.lock.lock();
    try {
      if (kind == Kind.ENTERED) {
        newChannel = state.channels.add(requireNonNull(channel, "channel"));
        rejection = state.enter(callId, channel, at, given);
      } else {
        rejection = state.end(kind, callId, at, reason, given);
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

  private static String describe(CallEvent event) {
    return event.kind().name().toLowerCase(java.util.Locale.ROOT) + " event of call " + event.callId()
        + " in queue " + event.queue() + " at " + event.at();
  }

  private QueueState state(String queue) {
    QueueState state = queues.get(queue);
    return state != null ? state : queues.computeIfAbsent(queue, QueueState::new);
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
    for (QueueState state : new TreeMap<>(queues).values()) {
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
    for (QueueState state : new TreeMap<>(queues).values()) {
      state.lock.lock();
      try {
        all.addAll(state.ended);
        for (Waiting w : state.waiting.values()) {
          all.add(w.asCall(state.queue));
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
    for (QueueState state : new TreeMap<>(queues).values()) {
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

  /** A call still waiting: its id, arrival and channel. */
  private static final class Waiting {
    final String id;
    final Instant arrived;
    final Channel channel;

    Waiting(String id, Instant arrived, Channel channel) {
      this.id = id;
      this.arrived = arrived;
      this.channel = channel;
    }

    Call asCall(String queue) {
      return Call.waiting(id, queue, arrived).withChannel(channel);
    }
  }

  /**
   * The calls of one channel that ended within the window: a ring of one slot per second of the window, each
   * holding the calls whose outcome fell in that second, and a tally of them all. Adding is O(1) whatever the
   * order of events; expiring visits each slot once per window length of time that passes.
   */
  private final class Window {
    private final Slot[] slots = new Slot[(int) windowSeconds];
    private final CallTally tally = new CallTally();
    /** Every second up to this one is expired (its calls removed from the tally). */
    private long expiredThrough = Long.MIN_VALUE;

    void add(Call call, long nowSecond) {
      expire(nowSecond);
      long second = call.outcomeAt().orElseThrow().getEpochSecond();
      if (second <= expiredThrough) {
        return; // already out of the window: possible only with a tolerance longer than the window
      }
      int index = (int) Math.floorMod(second, windowSeconds);
      Slot slot = slots[index];
      if (slot == null) {
        slot = new Slot();
        slots[index] = slot;
      } else if (slot.second != second) {
        clear(slot); // an expired second sharing the slot (defensive: expire has normally cleared it)
      }
      slot.second = second;
      slot.calls.add(call);
      tally.add(call);
    }

    void expire(long nowSecond) {
      long through = nowSecond - windowSeconds; // the window is (now - W, now] in whole seconds
      if (through <= expiredThrough) {
        return;
      }
      long from = expiredThrough == Long.MIN_VALUE ? through - windowSeconds + 1
          : Math.max(expiredThrough + 1, through - windowSeconds + 1);
      for (long second = from; second <= through; second++) {
        Slot slot = slots[(int) Math.floorMod(second, windowSeconds)];
        if (slot != null && slot.second <= through) {
          clear(slot);
        }
      }
      expiredThrough = through;
    }

    private void clear(Slot slot) {
      for (Call call : slot.calls) {
        tally.remove(call);
      }
      slot.calls.clear();
      slot.second = Long.MIN_VALUE;
    }
  }

  /** The calls that ended in one second of a window. */
  private static final class Slot {
    long second = Long.MIN_VALUE;
    final ArrayList<Call> calls = new ArrayList<>(4);
  }

  /** One queue's state, guarded by its lock. */
  private final class QueueState {
    final String queue;
    final ReentrantLock lock = new ReentrantLock();
    final ReportAccumulator ended = spec.newAccumulator();
    /**
     * The same counts per channel and interval, kept as tallies so a snapshot reads its two intervals in
     * constant time (the accumulator is built for whole reports, not for one cell at a time).
     */
    final HashMap<Long, CallTally> intervalCounts = new HashMap<>();
    final HashMap<String, Waiting> waiting = new HashMap<>();
    final EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
    final @Nullable Window[] windows = new Window[CHANNELS.length];
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

    @Nullable RejectedEvent enter(String callId, Channel channel, Instant at, @Nullable CallEvent given) {
      Waiting w = new Waiting(callId, at, channel);
      Waiting before = waiting.putIfAbsent(callId, w);
      if (before == null) {
        return null;
      }
      rejectedCount++;
      CallEvent event = given != null ? given : CallEvent.entered(queue, callId, channel, at);
      return new RejectedEvent(event, Reason.DUPLICATE_CALL, describe(event) + " is a second entry: the call is"
          + " already waiting since " + before.arrived + " (expected an outcome before it enters again); not counted");
    }

    @Nullable RejectedEvent end(Kind kind, String callId, Instant at, @Nullable FlowOutReason reason,
        @Nullable CallEvent given) {
      Waiting w = waiting.get(callId);
      if (w == null) {
        rejectedCount++;
        CallEvent event = given != null ? given : CallEvent.of(kind, queue, callId, at, null, reason);
        return new RejectedEvent(event, Reason.UNKNOWN_CALL, describe(event) + " is for a call not waiting in "
            + queue + " (expected its entered event first); not counted");
      }
      Call call;
      try {
        switch (kind) {
          case ANSWERED:
            call = Call.answered(callId, queue, w.arrived, at);
            break;
          case ABANDONED:
            call = Call.abandoned(callId, queue, w.arrived, at);
            break;
          default:
            call = Call.leftUnanswered(callId, queue, w.arrived, at, requireNonNull(reason, "reason"));
            break;
        }
      } catch (InvalidCallException e) {
        rejectedCount++;
        CallEvent event = given != null ? given : CallEvent.of(kind, queue, callId, at, null, reason);
        return new RejectedEvent(event, Reason.BEFORE_ARRIVAL, describe(event) + " is before the call's arrival "
            + w.arrived + " (expected an outcome at or after it); not counted");
      }
      waiting.remove(callId);
      if (w.channel != Channel.VOICE) {
        call = call.withChannel(w.channel);
      }
      ended.add(call);
      countInIntervals(call);
      window(w.channel).add(call, now().getEpochSecond());
      return null;
    }

    /** Counts an ended call into the tallies of the intervals its attribution places parts of it in. */
    void countInIntervals(Call call) {
      int arrivedIn = grid.indexOf(call.arrived());
      int exitedIn = grid.indexOf(call.outcomeAt().orElse(call.arrived()));
      for (int index : arrivedIn == exitedIn ? new int[] {arrivedIn} : new int[] {arrivedIn, exitedIn}) {
        if (index >= 0) {
          spec.countPart(call, index, intervalCounts.computeIfAbsent(cellKey(call.channel(), index), k -> new CallTally()));
        }
      }
    }

    TallySnapshot intervalCounts(Channel channel, int index) {
      CallTally tally = intervalCounts.get(cellKey(channel, index));
      return tally == null ? TallySnapshot.empty() : tally.snapshot();
    }

    private long cellKey(Channel channel, int index) {
      return (long) index * CHANNELS.length + channel.ordinal();
    }

    Window window(Channel channel) {
      Window window = windows[channel.ordinal()];
      if (window == null) {
        window = new Window();
        windows[channel.ordinal()] = window;
      }
      return window;
    }

    LiveSnapshot snapshot(Channel channel, Instant now) {
      List<Call> waitingHere = new ArrayList<>();
      Waiting oldest = null;
      for (Waiting w : waiting.values()) {
        if (w.channel == channel) {
          waitingHere.add(w.asCall(queue));
          if (oldest == null || w.arrived.isBefore(oldest.arrived)
              || (w.arrived.equals(oldest.arrived) && w.id.compareTo(oldest.id) < 0)) {
            oldest = w;
          }
        }
      }
      List<Call> waitingCalls = List.copyOf(waitingHere);
      int current = grid.indexOf(now);
      int previous = current >= 0 ? current - 1 : now.isBefore(grid.period().start()) ? -1 : grid.size() - 1;
      Optional<LiveFigures> currentFigures = current >= 0
          ? Optional.of(new LiveFigures(grid.interval(current), spec, current, now,
              intervalCounts(channel, current), waitingCalls))
          : Optional.empty();
      Optional<LiveFigures> previousFigures = previous >= 0
          ? Optional.of(new LiveFigures(grid.interval(previous), spec, previous, now,
              intervalCounts(channel, previous), waitingCalls))
          : Optional.empty();

      long nowSecond = now.getEpochSecond();
      Window window = window(channel);
      window.expire(nowSecond);
      MeasurementInterval windowSpan = MeasurementInterval.of(
          Instant.ofEpochSecond(nowSecond - windowSeconds + 1), Instant.ofEpochSecond(nowSecond + 1));
      LiveFigures windowFigures = new LiveFigures(windowSpan, spec, -1, now, window.tally.snapshot(), waitingCalls);

      List<ThresholdWatch> watches = new ArrayList<>(definitions.size());
      Instant horizon = now.plusSeconds(horizonSeconds);
      for (ServiceLevelDefinition d : definitions) {
        long breaking = 0;
        long over = 0;
        for (Call w : waitingCalls) {
          if (!isWithin(d, w.arrived(), now)) {
            over++;
          } else if (!isWithin(d, w.arrived(), horizon)) {
            breaking++;
          }
        }
        watches.add(new ThresholdWatch(d, over, breaking));
      }
      Optional<WaitingCall> oldestCall = oldest == null ? Optional.empty() : Optional.of(new WaitingCall(
          oldest.id, oldest.channel, oldest.arrived,
          Duration.ofSeconds(Math.max(0, Call.wholeSecondsBetween(oldest.arrived, now)))));
      return new LiveSnapshot(queue, channel, now, currentFigures, previousFigures, windowFigures,
          waitingCalls.size(), oldestCall, watches, Duration.ofSeconds(horizonSeconds), lateCount, rejectedCount);
    }
  }

  /** Checks if a call that arrived at {@code arrived} is still within a threshold at {@code at}. */
  static boolean isWithin(ServiceLevelDefinition d, Instant arrived, Instant at) {
    long wait = Math.max(0, Call.wholeSecondsBetween(arrived, at));
    return d.boundary().isWithin(wait, d.thresholdSeconds());
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
