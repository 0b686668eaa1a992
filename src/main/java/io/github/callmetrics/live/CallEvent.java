package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to one call in one queue, at one instant: it {@linkplain Kind#ENTERED entered}
 * the queue (on a channel), or left it {@linkplain Kind#ANSWERED answered}, {@linkplain Kind#ABANDONED
 * abandoned}, or {@linkplain Kind#LEFT_UNANSWERED unanswered} for a {@link FlowOutReason}. A call is
 * identified by its queue and its id: the same id may enter another queue (an Asterisk call transferred
 * from queue to queue keeps its uniqueid).
 *
 * <pre>{@code
 * monitor.accept(CallEvent.entered("sales", "1795411251.1", Channel.VOICE, arrived));
 * monitor.accept(CallEvent.answered("sales", "1795411251.1", arrived.plusSeconds(12)));
 * }</pre>
 *
 * <p>This class is immutable and thread-safe; {@code equals} compares every field.
 */
public final class CallEvent {
  /** What happened to the call. */
  public enum Kind {
    /** The call entered the queue and started to wait. Carries the channel. */
    ENTERED,
    /** An agent answered the call. */
    ANSWERED,
    /** The caller hung up while waiting. */
    ABANDONED,
    /** The call left the queue unanswered for a reason the caller did not choose by hanging up. */
    LEFT_UNANSWERED
  }

  private final Kind kind;
  private final String queue;
  private final String callId;
  private final Instant at;
  private final @Nullable Channel channel;
  private final @Nullable FlowOutReason flowOutReason;

  private CallEvent(Kind kind, String queue, String callId, Instant at, @Nullable Channel channel,
      @Nullable FlowOutReason flowOutReason) {
    this.kind = kind;
    this.queue = queue;
    this.callId = callId;
    this.at = at;
    this.channel = channel;
    this.flowOutReason = flowOutReason;
  }

  /**
   * Obtains the event of a call entering a queue.
   *
   * @param queue  the queue, not blank
   * @param callId  the call's id in the source system, not blank
   * @param channel  the channel it arrived on, not null
   * @param at  when it entered, not null
   * @return the event
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public static CallEvent entered(String queue, String callId, Channel channel, Instant at) {
    return of(Kind.ENTERED, queue, callId, at, requireNonNull(channel, "channel"), null);
  }

  /**
   * Obtains the event of a call being answered.
   *
   * @param queue  the queue, not blank
   * @param callId  the call's id, not blank
   * @param at  when an agent picked up, not null
   * @return the event
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public static CallEvent answered(String queue, String callId, Instant at) {
    return of(Kind.ANSWERED, queue, callId, at, null, null);
  }

  /**
   * Obtains the event of a caller hanging up while waiting.
   *
   * @param queue  the queue, not blank
   * @param callId  the call's id, not blank
   * @param at  when the caller hung up, not null
   * @return the event
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public static CallEvent abandoned(String queue, String callId, Instant at) {
    return of(Kind.ABANDONED, queue, callId, at, null, null);
  }

  /**
   * Obtains the event of a call leaving the queue unanswered for a reason other than the caller hanging up.
   *
   * @param queue  the queue, not blank
   * @param callId  the call's id, not blank
   * @param at  when it left, not null
   * @param reason  why it left, not null
   * @return the event
   * @throws IllegalArgumentException if the queue or the id is blank
   */
  public static CallEvent leftUnanswered(String queue, String callId, Instant at, FlowOutReason reason) {
    return of(Kind.LEFT_UNANSWERED, queue, callId, at, null, requireNonNull(reason, "reason"));
  }

  static CallEvent of(Kind kind, String queue, String callId, Instant at, @Nullable Channel channel,
      @Nullable FlowOutReason reason) {
    checkNames(queue, callId);
    return new CallEvent(kind, queue, callId, requireNonNull(at, "at"), channel, reason);
  }

  /** Checks a queue name and a call id are not blank; the message names the value and the rule. */
  static void checkNames(String queue, String callId) {
    if (requireNonNull(queue, "queue").isBlank()) {
      throw new IllegalArgumentException("queue \"" + queue + "\" is blank (expected a non-blank queue name)");
    }
    if (requireNonNull(callId, "callId").isBlank()) {
      throw new IllegalArgumentException("call id \"" + callId + "\" in queue " + queue
          + " is blank (expected a non-blank identifier)");
    }
  }

  /** {@return what happened} */
  public Kind kind() {
    return kind;
  }

  /** {@return the queue; never blank} */
  public String queue() {
    return queue;
  }

  /** {@return the call's id; never blank} */
  public String callId() {
    return callId;
  }

  /** {@return when it happened} */
  public Instant at() {
    return at;
  }

  /** {@return the channel the call arrived on, for an {@link Kind#ENTERED} event; otherwise empty} */
  public Optional<Channel> channel() {
    return Optional.ofNullable(channel);
  }

  /** {@return why the call left unanswered, for a {@link Kind#LEFT_UNANSWERED} event; otherwise empty} */
  public Optional<FlowOutReason> flowOutReason() {
    return Optional.ofNullable(flowOutReason);
  }

  /** The channel, or null: {@link #channel()} without an {@code Optional}, for the monitor's event path. */
  @Nullable Channel channelOrNull() {
    return channel;
  }

  /** The reason, or null: {@link #flowOutReason()} without an {@code Optional}, for the monitor's event path. */
  @Nullable FlowOutReason flowOutReasonOrNull() {
    return flowOutReason;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CallEvent)) {
      return false;
    }
    CallEvent other = (CallEvent) o;
    return kind == other.kind && queue.equals(other.queue) && callId.equals(other.callId) && at.equals(other.at)
        && channel == other.channel && flowOutReason == other.flowOutReason;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, queue, callId, at, channel, flowOutReason);
  }

  /** Returns the event as text, for example {@code CallEvent{ANSWERED q1 1795411251.1 at 2026-11-23T07:00:52Z}}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CallEvent{").append(kind).append(' ').append(queue).append(' ')
        .append(callId).append(" at ").append(at);
    if (channel != null) {
      s.append(" on ").append(channel.label());
    }
    if (flowOutReason != null) {
      s.append(" (").append(flowOutReason.label()).append(')');
    }
    return s.append('}').toString();
  }
}
