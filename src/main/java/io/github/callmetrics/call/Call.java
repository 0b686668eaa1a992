package io.github.callmetrics.call;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
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
 * <p>The wait of a call is {@code outcome instant − arrived}. Callmetrics counts waits in whole seconds,
 * truncated ({@link #waitSeconds()}), the resolution at which Asterisk, Cisco and Avaya report them; see
 * {@code docs/call-model.md}.
 *
 * <p>This class is immutable and thread-safe; {@code equals} compares every field.
 */
public final class Call {
  private final String id;
  private final String queue;
  private final Channel channel;
  private final Instant arrived;
  private final Outcome outcome;
  private final @Nullable Instant outcomeAt;
  private final @Nullable FlowOutReason flowOutReason;
  private final @Nullable Duration handleTime;

  private Call(
      String id,
      String queue,
      Channel channel,
      Instant arrived,
      Outcome outcome,
      @Nullable Instant outcomeAt,
      @Nullable FlowOutReason flowOutReason,
      @Nullable Duration handleTime) {
    this.id = id;
    this.queue = queue;
    this.channel = channel;
    this.arrived = arrived;
    this.outcome = outcome;
    this.outcomeAt = outcomeAt;
    this.flowOutReason = flowOutReason;
    this.handleTime = handleTime;
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
    return new Call(id, queue, Channel.VOICE, arrived, outcome, outcomeAt, reason, null);
  }

  /**
   * Returns a copy of this call on another channel.
   *
   * @param channel  the channel, not null
   * @return a call equal to this one but for its channel
   */
  public Call withChannel(Channel channel) {
    requireNonNull(channel, "channel");
    return new Call(id, queue, channel, arrived, outcome, outcomeAt, flowOutReason, handleTime);
  }

  /**
   * Returns a copy of this call with a handle time (talk + hold + after-call work).
   *
   * @param handleTime  the handle time, zero or positive
   * @return a call equal to this one but for its handle time
   * @throws InvalidCallException if the handle time is negative
   */
  public Call withHandleTime(Duration handleTime) {
    requireNonNull(handleTime, "handleTime");
    if (handleTime.isNegative()) {
      throw new InvalidCallException(id, "handle time", handleTime.toString(), "is negative (expected zero or more)");
    }
    return new Call(id, queue, channel, arrived, outcome, outcomeAt, flowOutReason, handleTime);
  }

  /** Returns the call's identifier in the source system; never blank. */
  public String id() {
    return id;
  }

  /** Returns the queue (skill, split, department) the call waited in; never blank. */
  public String queue() {
    return queue;
  }

  /** Returns the channel; {@link Channel#VOICE} unless set with {@link #withChannel}. */
  public Channel channel() {
    return channel;
  }

  /** Returns the instant the call entered the queue and started to wait. */
  public Instant arrived() {
    return arrived;
  }

  /** Returns how the call left the queue, or {@link Outcome#WAITING} if it has not. */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Returns the instant of the outcome: when the call was answered, abandoned or left the queue.
   *
   * @return the instant, or empty for a {@linkplain Outcome#WAITING waiting} call
   */
  public Optional<Instant> outcomeAt() {
    return Optional.ofNullable(outcomeAt);
  }

  /**
   * Returns why the call left the queue unanswered.
   *
   * @return the reason if the outcome is {@link Outcome#LEFT_UNANSWERED}, otherwise empty
   */
  public Optional<FlowOutReason> flowOutReason() {
    return Optional.ofNullable(flowOutReason);
  }

  /** Returns the handle time (talk + hold + after-call work), if the source gave one. */
  public Optional<Duration> handleTime() {
    return Optional.ofNullable(handleTime);
  }

  /**
   * Returns the exact wait, {@code outcomeAt − arrived}.
   *
   * @return the wait, or empty for a waiting call
   */
  public Optional<Duration> waitTime() {
    return outcomeAt == null ? Optional.empty() : Optional.of(Duration.between(arrived, outcomeAt));
  }

  /**
   * Returns the wait in whole seconds, truncated: the value every Callmetrics count compares with a
   * threshold. A wait of 20.9 s is 20 s.
   *
   * @return the wait in whole seconds, zero or more
   * @throws IllegalStateException if the call is still waiting
   */
  public long waitSeconds() {
    if (outcomeAt == null) {
      throw new IllegalStateException("call " + id + " is still waiting: it has no wait yet");
    }
    return wholeSecondsBetween(arrived, outcomeAt);
  }

  /**
   * Returns the whole seconds from {@code from} to {@code to}, truncated; the one rule by which every
   * wait in Callmetrics is measured.
   *
   * @param from  the earlier instant, not null
   * @param to  the later instant, not null
   * @return the whole seconds between them, truncated toward zero
   */
  public static long wholeSecondsBetween(Instant from, Instant to) {
    long seconds = to.getEpochSecond() - from.getEpochSecond();
    if (to.getNano() < from.getNano()) {
      seconds--;
    }
    return seconds;
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
        && arrived.equals(other.arrived)
        && outcome == other.outcome
        && Objects.equals(outcomeAt, other.outcomeAt)
        && flowOutReason == other.flowOutReason
        && Objects.equals(handleTime, other.handleTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, queue, channel, arrived, outcome, outcomeAt, flowOutReason, handleTime);
  }

  /**
   * Returns the call as text, for example
   * {@code Call{1795411251.1 q1 voice arrived 2026-11-23T07:00:51Z answered 2026-11-23T07:00:52Z}}.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Call{").append(id).append(' ').append(queue).append(' ')
        .append(channel.label()).append(" arrived ").append(arrived).append(' ').append(outcome.label());
    if (outcomeAt != null) {
      s.append(' ').append(outcomeAt);
    }
    if (flowOutReason != null) {
      s.append(" (").append(flowOutReason.label()).append(')');
    }
    if (handleTime != null) {
      s.append(" handle ").append(handleTime);
    }
    return s.append('}').toString();
  }
}
