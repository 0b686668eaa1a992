package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.live.CallEvent.Kind;
import io.github.callmetrics.live.RejectedEvent.Reason;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportAccumulator;
import io.github.callmetrics.report.ReportSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * the figures of a span that nothing changed since the last snapshot. See
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/live.md">docs/live.md</a>.
 *
 * <p><b>Thread-safety.</b> This class is thread-safe. Each queue's state is guarded by its own lock: events of
 * different queues never contend, and a snapshot of a queue is taken under its lock, so its counts add up.
 * {@link #report()} and {@link #snapshots()} lock one queue at a time: each queue's part is consistent, but
 * events of other queues may land between two queues' parts.
 */
public final class LiveMonitor {
  private static final Duration MAX_WINDOW = Duration.ofDays(1);
  private static final Comparator<QueueState> BY_NAME = Comparator.comparing(q -> q.queue);

  private final LiveSettings settings;
  private final EventTime time;
  private final ConcurrentHashMap<String, QueueState> queues = new ConcurrentHashMap<>();
  /** The queues in name order; rebuilt when a queue has been added since (queues are never removed). */
  private volatile QueueState[] sorted = new QueueState[0];
  private final RejectionLog late;
  private final RejectionLog rejected;
  private final CopyOnWriteArrayList<BiConsumer<String, Channel>> listeners = new CopyOnWriteArrayList<>();

  private LiveMonitor(Builder b) {
    ReportSpec spec = b.spec;
    settings = new LiveSettings(spec, b.window.getSeconds(), b.breachHorizon.getSeconds());
    time = new EventTime(b.clock, b.lateTolerance, spec.grid().period().start());
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

  /** {@return the report spec the monitor counts for} */
  public ReportSpec spec() {
    return settings.spec;
  }

  /** {@return the length of the sliding window, whole seconds} */
  public Duration window() {
    return Duration.ofSeconds(settings.windowSeconds);
  }

  /** {@return the late tolerance} */
  public Duration lateTolerance() {
    return time.lateTolerance();
  }

  /**
   * {@return the monitor's now: the latest event instant seen or {@linkplain #advanceTo given} (the start of
   * the grid's period before any), or with a clock the later of that and the clock} Never goes back.
   */
  public Instant now() {
    return time.now();
  }

  /**
   * Moves the monitor's now forward to an instant, as if an event had happened then; an earlier instant
   * changes nothing. Lets a wallboard fed in event time show waits growing between events.
   *
   * @param instant  the instant, not null
   */
  public void advanceTo(Instant instant) {
    time.advanceTo(requireNonNull(instant, "instant"));
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
   * @param queue  the queue, not blank
   * @param callId  the call's id, not blank
   * @param channel  the channel it arrived on
   * @param at  when it entered
   * @return true if it was counted, false if it was late or rejected
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public boolean entered(String queue, String callId, Channel channel, Instant at) {
    return apply(Kind.ENTERED, queue, callId, requireNonNull(channel, "channel"), at, null, null);
  }

  /**
   * Applies the event of a call being answered; equivalent to {@code accept(CallEvent.answered(...))}.
   *
   * @param queue  the queue, not blank
   * @param callId  the call's id, not blank
   * @param at  when it was answered
   * @return true if it was counted, false if it was late or rejected
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public boolean answered(String queue, String callId, Instant at) {
    return apply(Kind.ANSWERED, queue, callId, null, at, null, null);
  }

  /**
   * Applies the event of a caller hanging up; equivalent to {@code accept(CallEvent.abandoned(...))}.
   *
   * @param queue  the queue, not blank
   * @param callId  the call's id, not blank
   * @param at  when the caller hung up
   * @return true if it was counted, false if it was late or rejected
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public boolean abandoned(String queue, String callId, Instant at) {
    return apply(Kind.ABANDONED, queue, callId, null, at, null, null);
  }

  /**
   * Applies the event of a call leaving unanswered; equivalent to {@code accept(CallEvent.leftUnanswered(...))}.
   *
   * @param queue  the queue, not blank
   * @param callId  the call's id, not blank
   * @param at  when it left the queue
   * @param reason  why it left unanswered
   * @return true if it was counted, false if it was late or rejected
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public boolean leftUnanswered(String queue, String callId, Instant at, FlowOutReason reason) {
    return apply(Kind.LEFT_UNANSWERED, queue, callId, null, at, requireNonNull(reason, "reason"), null);
  }

  private boolean apply(Kind kind, String queue, String callId, @Nullable Channel channel, Instant at,
      @Nullable FlowOutReason reason, @Nullable CallEvent given) {
    if (given == null) { // a CallEvent checked its names when it was made
      CallEvent.checkNames(queue, callId);
    }
    requireNonNull(at, "at");
    Instant now = now();
    if (time.isLate(at, now)) {
      rejectLate(given != null ? given : CallEvent.of(kind, queue, callId, at, channel, reason), now);
      return false;
    }
    Instant clockInstant = time.clockBehind(at);
    if (clockInstant != null) {
      rejectFromTheFuture(given != null ? given : CallEvent.of(kind, queue, callId, at, channel, reason),
          clockInstant);
      return false;
    }
    advanceTo(at);
    // A lower bound of now once advanced to the event: what the state may treat as gone by (see IntervalCells).
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
    Duration tolerance = time.lateTolerance();
    late.add(new RejectedEvent(event, Reason.LATE, RejectionLog.describe(event) + " is late: it is more than "
        + tolerance + " before the monitor's now " + now + " (expected at or after " + now.minus(tolerance)
        + "); not counted"));
  }

  private void rejectFromTheFuture(CallEvent event, Instant clockInstant) {
    state(event.queue()).countRejected();
    Duration tolerance = time.lateTolerance();
    rejected.add(new RejectedEvent(event, Reason.FROM_THE_FUTURE, RejectionLog.describe(event) + " is more than "
        + tolerance + " after the clock's " + clockInstant + " (expected at or before " + clockInstant.plus(tolerance)
        + "); not counted"));
  }

  private QueueState state(String queue) {
    QueueState state = queues.get(queue);
    return state != null ? state : queues.computeIfAbsent(queue, q -> new QueueState(q, settings));
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
      state = new QueueState(queue, settings);
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
    ReportAccumulator all = settings.spec.newAccumulator();
    for (QueueState state : sortedStates()) {
      state.lock.lock();
      try {
        state.addTo(all);
      } finally {
        state.lock.unlock();
      }
    }
    return all.report();
  }

  /** {@return the queues seen (and those the spec names), in order} */
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

  /** {@return the most recent late events, oldest first (at most the retained number)} */
  public List<RejectedEvent> lateEvents() {
    return late.events();
  }

  /** {@return how many events were late, in all} */
  public long lateEventCount() {
    return late.count();
  }

  /** {@return the most recent events rejected for another reason than lateness, oldest first} */
  public List<RejectedEvent> rejectedEvents() {
    return rejected.events();
  }

  /** {@return how many events were rejected for another reason than lateness, in all} */
  public long rejectedEventCount() {
    return rejected.count();
  }

  @Override
  public String toString() {
    return "LiveMonitor{" + settings.spec + ", window " + window() + ", late tolerance " + lateTolerance() + ", "
        + queues.size() + " queue(s)}";
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

    /**
     * Builds the monitor.
     *
     * @return the monitor
     */
    public LiveMonitor build() {
      return new LiveMonitor(this);
    }
  }
}
