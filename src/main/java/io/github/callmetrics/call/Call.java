package io.github.callmetrics.call;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.internal.CallAccess;
import io.github.callmetrics.call.internal.OutcomeClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One visit of one caller to one queue: who ({@link #id()}), where ({@link #queue()},
 * {@link #channel()}), when it started to wait ({@link #arrived()}) and exactly one {@link Outcome} with
 * the instant it happened.
 *
 * <p>Calls are built with the static factories, one per outcome:
 * <pre>{@code
 * Call a = Call.answered("1795411251.1", "sales", arrived, arrived.plusSeconds(12))
 *     .withHandleTime(Duration.ofSeconds(185));
 * Call b = Call.abandoned("1795411253.5", "sales", arrived, arrived.plusSeconds(40))
 *     .withChannel(Channel.CHAT);
 * Call c = Call.leftUnanswered("1795411258.9", "sales", arrived, arrived.plusSeconds(60),
 *     FlowOutReason.TIMEOUT);
 * }</pre>
 *
 * <p>Every factory validates: the id and the queue are not blank, the outcome instant is not before the
 * arrival, the handle time is not negative. A broken rule throws an {@link InvalidCallException} whose
 * message names the call, the field, the value and the rule. A handle time may be given for any call but
 * only answered calls' handle times count in the average handle time.
 *
 * <p>The wait of a call is {@code outcome instant − arrived} ({@link #waitTime()}), exact to the nanosecond. Counts
 * compare it with whole-second thresholds at the resolution a {@code ServiceLevelDefinition} names: as the source
 * measured it (by default: 20.9 s is over 20 s), or truncated to whole seconds as Asterisk does
 * ({@link #waitSeconds()}); percentiles and longest waits are reported in whole seconds, truncated. See
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/call-model.md">docs/call-model.md</a>.
 *
 * <p>This class is immutable and thread-safe; {@code equals} compares every field.
 */
public final class Call {
  /** {@link #handleNanos} of a call without a handle time. */
  private static final int NO_HANDLE_TIME = -1;
  private static final Channel[] CHANNELS = Channel.values();
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final FlowOutReason[] REASONS = FlowOutReason.values();
  /** {@link #outcome} of a waiting call. */
  private static final byte WAITING = (byte) Outcome.WAITING.ordinal();
  /** {@link #flowOutReason} of a call without one. */
  private static final byte NO_REASON = -1;

  static {
    CallAccess.Holder.register(new CallAccess() {
      @Override
      public long arrivedSecond(Call call) {
        return call.arrivedSecond;
      }

      @Override
      public long exitSecond(Call call) {
        return call.outcome == WAITING ? call.arrivedSecond : call.outcomeSecond;
      }

      @Override
      public long waitIndex(Call call) {
        return OutcomeClass.waitIndex(call.arrivedSecond, call.arrivedNano, call.outcomeSecond, call.outcomeNano);
      }

      @Override
      public int channelOrdinal(Call call) {
        return call.channel;
      }

      @Override
      public int outcomeOrdinal(Call call) {
        return call.outcome;
      }

      @Override
      public int flowOutReasonOrdinal(Call call) {
        return call.flowOutReason;
      }

      @Override
      public boolean hasHandleTime(Call call) {
        return call.handleNanos != NO_HANDLE_TIME;
      }

      @Override
      public long handleSeconds(Call call) {
        return call.handleSeconds;
      }

      @Override
      public int handleNanos(Call call) {
        return call.handleNanos;
      }

      @Override
      public Call create(String id, String queue, Channel channel, Outcome outcome, @Nullable FlowOutReason reason,
          long arrivedSecond, int arrivedNano, long outcomeSecond, int outcomeNano, boolean hasHandleTime,
          long handleSeconds, int handleNanos) {
        return Call.create(id, queue, channel, outcome, reason, arrivedSecond, arrivedNano, outcomeSecond,
            outcomeNano, hasHandleTime, handleSeconds, handleNanos);
      }
    });
  }

  // The instants and the handle time are kept as primitives, not as Instant and Duration objects (built by
  // the accessors), and the channel, outcome and flow-out reason as their ordinals: a year of calls is read field
  // by field to count it, and so a call takes 64 bytes (one cache line's worth) instead of about 120 in four
  // objects, or 72 with the enums as references.
  private final String id;
  private final String queue;
  private final byte channel;
  private final byte outcome;
  /** The reason's ordinal, or {@link #NO_REASON}. */
  private final byte flowOutReason;
  private final long arrivedSecond;
  private final int arrivedNano;
  /** The outcome instant; both 0 for a waiting call. */
  private final long outcomeSecond;
  private final int outcomeNano;
  /** The handle time; 0 and {@link #NO_HANDLE_TIME} for a call without one. */
  private final long handleSeconds;
  private final int handleNanos;

  private Call(String id, String queue, Channel channel, Outcome outcome, @Nullable FlowOutReason flowOutReason,
      long arrivedSecond, int arrivedNano, long outcomeSecond, int outcomeNano, long handleSeconds, int handleNanos) {
    this.id = id;
    this.queue = queue;
    this.channel = (byte) channel.ordinal();
    this.outcome = (byte) outcome.ordinal();
    this.flowOutReason = flowOutReason == null ? NO_REASON : (byte) flowOutReason.ordinal();
    this.arrivedSecond = arrivedSecond;
    this.arrivedNano = arrivedNano;
    this.outcomeSecond = outcomeSecond;
    this.outcomeNano = outcomeNano;
    this.handleSeconds = handleSeconds;
    this.handleNanos = handleNanos;
  }

  /**
   * Obtains a voice call that an agent answered.
   *
   * @param id  the call's identifier in the source system, not blank
   * @param queue  the queue it waited in, not blank
   * @param arrived  when it entered the queue, not null
   * @param answered  when an agent picked up, not before {@code arrived}
   * @return the call
   * @throws InvalidCallException if a rule is broken
   */
  public static Call answered(String id, String queue, Instant arrived, Instant answered) {
    return create(id, queue, arrived, Outcome.ANSWERED, requireNonNull(answered, "answered"), null);
  }

  /**
   * Obtains a voice call whose caller hung up while waiting.
   *
   * @param id  the call's identifier in the source system, not blank
   * @param queue  the queue it waited in, not blank
   * @param arrived  when it entered the queue, not null
   * @param abandoned  when the caller hung up, not before {@code arrived}
   * @return the call
   * @throws InvalidCallException if a rule is broken
   */
  public static Call abandoned(String id, String queue, Instant arrived, Instant abandoned) {
    return create(id, queue, arrived, Outcome.ABANDONED, requireNonNull(abandoned, "abandoned"), null);
  }

  /**
   * Obtains a voice call that left the queue unanswered for a reason other than the caller hanging up.
   *
   * @param id  the call's identifier in the source system, not blank
   * @param queue  the queue it waited in, not blank
   * @param arrived  when it entered the queue, not null
   * @param left  when it left the queue, not before {@code arrived}
   * @param reason  why it left, not null
   * @return the call
   * @throws InvalidCallException if a rule is broken
   */
  public static Call leftUnanswered(String id, String queue, Instant arrived, Instant left, FlowOutReason reason) {
    return create(
        id, queue, arrived, Outcome.LEFT_UNANSWERED, requireNonNull(left, "left"), requireNonNull(reason, "reason"));
  }

  /**
   * Obtains a voice call that is still waiting in the queue at the moment of observation.
   *
   * @param id  the call's identifier in the source system, not blank
   * @param queue  the queue it waits in, not blank
   * @param arrived  when it entered the queue, not null
   * @return the call
   * @throws InvalidCallException if a rule is broken
   */
  public static Call waiting(String id, String queue, Instant arrived) {
    return create(id, queue, arrived, Outcome.WAITING, null, null);
  }

  private static Call create(
      String id,
      String queue,
      Instant arrived,
      Outcome outcome,
      @Nullable Instant outcomeAt,
      @Nullable FlowOutReason reason) {
    requireNonNull(id, "id");
    requireNonNull(queue, "queue");
    requireNonNull(arrived, "arrived");
    if (id.isBlank()) {
      throw new InvalidCallException(id, "id", '"' + id + '"', "is blank (expected a non-blank identifier)");
    }
    if (queue.isBlank()) {
      throw new InvalidCallException(id, "queue", '"' + queue + '"', "is blank (expected a non-blank queue name)");
    }
    if (outcomeAt != null && outcomeAt.isBefore(arrived)) {
      throw new InvalidCallException(id, outcome.label(), outcomeAt.toString(), "is before arrived " + arrived);
    }
    return new Call(id, queue, Channel.VOICE, outcome, reason, arrived.getEpochSecond(), arrived.getNano(),
        outcomeAt == null ? 0 : outcomeAt.getEpochSecond(), outcomeAt == null ? 0 : outcomeAt.getNano(), 0,
        NO_HANDLE_TIME);
  }

  /** {@link CallAccess#create}: the checks of {@link #create}, {@link #withChannel} and {@link #withHandleTime}. */
  @SuppressWarnings("TooManyParameters") // the primitives of one call, for readers; not API
  private static Call create(String id, String queue, Channel channel, Outcome outcome,
      @Nullable FlowOutReason reason, long arrivedSecond, int arrivedNano, long outcomeSecond, int outcomeNano,
      boolean hasHandleTime, long handleSeconds, int handleNanos) {
    requireNonNull(id, "id");
    requireNonNull(queue, "queue");
    requireNonNull(channel, "channel");
    requireNonNull(outcome, "outcome");
    if ((outcome == Outcome.LEFT_UNANSWERED) != (reason != null)) {
      throw new IllegalArgumentException("reason " + reason + " with outcome " + outcome
          + " (expected a reason exactly for " + Outcome.LEFT_UNANSWERED + ")");
    }
    if (id.isBlank()) {
      throw new InvalidCallException(id, "id", '"' + id + '"', "is blank (expected a non-blank identifier)");
    }
    if (queue.isBlank()) {
      throw new InvalidCallException(id, "queue", '"' + queue + '"', "is blank (expected a non-blank queue name)");
    }
    boolean waiting = outcome == Outcome.WAITING;
    if (!waiting && (outcomeSecond < arrivedSecond || (outcomeSecond == arrivedSecond && outcomeNano < arrivedNano))) {
      throw new InvalidCallException(id, outcome.label(), Instant.ofEpochSecond(outcomeSecond, outcomeNano).toString(),
          "is before arrived " + Instant.ofEpochSecond(arrivedSecond, arrivedNano));
    }
    if (hasHandleTime && handleSeconds < 0) {
      throw new InvalidCallException(id, "handle time", Duration.ofSeconds(handleSeconds, handleNanos).toString(),
          "is negative (expected zero or more)");
    }
    if (hasHandleTime && handleSeconds > MAX_HANDLE_SECONDS) {
      throw handleTimeTooLong(id, Duration.ofSeconds(handleSeconds, handleNanos));
    }
    return new Call(id, queue, channel, outcome, reason, arrivedSecond, arrivedNano, waiting ? 0 : outcomeSecond,
        waiting ? 0 : outcomeNano, hasHandleTime ? handleSeconds : 0, hasHandleTime ? handleNanos : NO_HANDLE_TIME);
  }

  /**
   * The longest handle time, 2^32 − 1 s (about 136 years): a report adds up the handle times of fewer than
   * 2^31 calls in 64 bits, so with each at most this long no sum can overflow. Longer is no real handle time.
   */
  private static final long MAX_HANDLE_SECONDS = 4_294_967_295L;

  private static InvalidCallException handleTimeTooLong(String id, Duration handleTime) {
    return new InvalidCallException(id, "handle time", handleTime.toString(), "is longer than " + MAX_HANDLE_SECONDS
        + " s (expected at most about 136 years, the longest handle time a report can add up)");
  }

  /**
   * Returns a copy of this call on another channel.
   *
   * @param channel  the channel, not null
   * @return a call equal to this one but for its channel
   */
  public Call withChannel(Channel channel) {
    requireNonNull(channel, "channel");
    return new Call(id, queue, channel, outcome(), reason(), arrivedSecond, arrivedNano, outcomeSecond,
        outcomeNano, handleSeconds, handleNanos);
  }

  /**
   * Returns a copy of this call with a handle time (talk + hold + after-call work).
   *
   * @param handleTime  the handle time, zero or positive
   * @return a call equal to this one but for its handle time
   * @throws InvalidCallException if the handle time is negative, or longer than 4,294,967,295 s (2^32 − 1,
   *     about 136 years: with each handle time at most that, no report's sum of them can overflow)
   */
  public Call withHandleTime(Duration handleTime) {
    requireNonNull(handleTime, "handleTime");
    if (handleTime.isNegative()) {
      throw new InvalidCallException(id, "handle time", handleTime.toString(), "is negative (expected zero or more)");
    }
    if (handleTime.getSeconds() > MAX_HANDLE_SECONDS) {
      throw handleTimeTooLong(id, handleTime);
    }
    return new Call(id, queue, channel(), outcome(), reason(), arrivedSecond, arrivedNano, outcomeSecond,
        outcomeNano, handleTime.getSeconds(), handleTime.getNano());
  }

  /** {@return the call's identifier in the source system; never blank} */
  public String id() {
    return id;
  }

  /** {@return the queue (skill, split, department) the call waited in; never blank} */
  public String queue() {
    return queue;
  }

  /** {@return the channel; {@link Channel#VOICE} unless set with {@link #withChannel}} */
  public Channel channel() {
    return CHANNELS[channel];
  }

  /** {@return the instant the call entered the queue and started to wait} */
  public Instant arrived() {
    return Instant.ofEpochSecond(arrivedSecond, arrivedNano);
  }

  /** {@return how the call left the queue, or {@link Outcome#WAITING} if it has not} */
  public Outcome outcome() {
    return OUTCOMES[outcome];
  }

  /**
   * Returns the instant of the outcome: when the call was answered, abandoned or left the queue.
   *
   * @return the instant, or empty for a {@linkplain Outcome#WAITING waiting} call
   */
  public Optional<Instant> outcomeAt() {
    return outcome == WAITING ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(outcomeSecond, outcomeNano));
  }

  /**
   * Returns why the call left the queue unanswered.
   *
   * @return the reason if the outcome is {@link Outcome#LEFT_UNANSWERED}, otherwise empty
   */
  public Optional<FlowOutReason> flowOutReason() {
    return Optional.ofNullable(reason());
  }

  private @Nullable FlowOutReason reason() {
    return flowOutReason == NO_REASON ? null : REASONS[flowOutReason];
  }

  /** {@return the handle time (talk + hold + after-call work), if the source gave one} */
  public Optional<Duration> handleTime() {
    return handleNanos == NO_HANDLE_TIME ? Optional.empty()
        : Optional.of(Duration.ofSeconds(handleSeconds, handleNanos));
  }

  /**
   * Returns the exact wait, {@code outcomeAt − arrived}.
   *
   * @return the wait, or empty for a waiting call
   */
  public Optional<Duration> waitTime() {
    return outcome == WAITING ? Optional.empty()
        : Optional.of(Duration.ofSeconds(outcomeSecond - arrivedSecond, (long) outcomeNano - arrivedNano));
  }

  /**
   * Returns the wait in whole seconds, truncated: a wait of 20.9 s is 20 s. This is the wait a definition with
   * {@code WaitResolution.WHOLE_SECONDS} compares with its thresholds, and the unit of percentiles and longest
   * waits; at the default {@code WaitResolution.SOURCE} the exact {@link #waitTime()} is compared.
   *
   * @return the wait in whole seconds, zero or more
   * @throws IllegalStateException if the call is still waiting
   */
  public long waitSeconds() {
    if (outcome == WAITING) {
      throw new IllegalStateException("call " + id + " is still waiting: it has no wait yet");
    }
    return OutcomeClass.wholeSeconds(OutcomeClass.waitIndex(arrivedSecond, arrivedNano, outcomeSecond, outcomeNano));
  }

  /**
   * Returns the whole seconds from {@code from} to {@code to}, truncated, as {@link #waitSeconds()} measures a
   * wait.
   *
   * @param from  the earlier instant, not null
   * @param to  the later instant, not null
   * @return the whole seconds between them, truncated toward zero
   */
  public static long wholeSecondsBetween(Instant from, Instant to) {
    return OutcomeClass.wholeSeconds(
        OutcomeClass.waitIndex(from.getEpochSecond(), from.getNano(), to.getEpochSecond(), to.getNano()));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Call)) {
      return false;
    }
    Call other = (Call) o;
    return id.equals(other.id)
        && queue.equals(other.queue)
        && channel == other.channel
        && arrivedSecond == other.arrivedSecond
        && arrivedNano == other.arrivedNano
        && outcome == other.outcome
        && outcomeSecond == other.outcomeSecond
        && outcomeNano == other.outcomeNano
        && flowOutReason == other.flowOutReason
        && handleSeconds == other.handleSeconds
        && handleNanos == other.handleNanos;
  }

  @Override
  public int hashCode() {
    int h = id.hashCode();
    h = 31 * h + queue.hashCode();
    h = 31 * h + channel;
    h = 31 * h + Long.hashCode(arrivedSecond);
    h = 31 * h + arrivedNano;
    h = 31 * h + outcome;
    h = 31 * h + Long.hashCode(outcomeSecond);
    h = 31 * h + outcomeNano;
    h = 31 * h + flowOutReason;
    h = 31 * h + Long.hashCode(handleSeconds);
    return 31 * h + handleNanos;
  }

  /**
   * Returns the call as text, for example
   * {@code Call{1795411251.1 q1 voice arrived 2026-11-23T07:00:51Z answered 2026-11-23T07:00:52Z}}.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Call{").append(id).append(' ').append(queue).append(' ')
        .append(channel().label()).append(" arrived ").append(arrived()).append(' ').append(outcome().label());
    outcomeAt().ifPresent(at -> s.append(' ').append(at));
    FlowOutReason reason = reason();
    if (reason != null) {
      s.append(" (").append(reason.label()).append(')');
    }
    handleTime().ifPresent(handle -> s.append(" handle ").append(handle));
    return s.append('}').toString();
  }
}
