package io.github.callmetrics.asterisk;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A call whose end is not in the {@code queue_log}: it was still waiting or talking when the log ended, or
 * when Asterisk restarted ({@code QUEUESTART}) and dropped it. A waiting one is not a call with an outcome
 * (unless the reader was asked for {@linkplain QueueLogReader#withOpenCallsAsWaiting() live waiting calls});
 * a talking one was answered, and is also delivered as an answered call without a handle time. See
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/asterisk-queue-log.md">docs/asterisk-queue-log.md</a>.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class IncompleteCall {
  /** Where the call was when the log stopped telling about it. */
  public enum State {
    /** In the queue, not answered. */
    WAITING,
    /** Answered (CONNECT seen), not completed: not in Asterisk's {@code C}. */
    TALKING
  }

  /** Why the call's end is missing. */
  public enum Reason {
    /** The last file ended before the call did. */
    END_OF_LOG,
    /** A {@code QUEUESTART} (Asterisk started again) came before the call's end. */
    RESTART
  }

  private final String callId;
  private final String queue;
  private final Instant arrived;
  private final State state;
  private final Reason reason;
  private final String source;
  private final long line;

  private IncompleteCall(String callId, String queue, Instant arrived, State state, Reason reason, String source,
      long line) {
    this.callId = callId;
    this.queue = queue;
    this.arrived = arrived;
    this.state = state;
    this.reason = reason;
    this.source = source;
    this.line = line;
  }

  /**
   * Obtains an incomplete call.
   *
   * @param callId  the call's id (the log's callid field), not null
   * @param queue  its queue, not null
   * @param arrived  when it entered the queue, not null
   * @param state  waiting or talking, not null
   * @param reason  why its end is missing, not null
   * @param source  the file of its last event, not null
   * @param line  the line of its last event
   * @return the incomplete call
   */
  public static IncompleteCall of(String callId, String queue, Instant arrived, State state, Reason reason,
      String source, long line) {
    return new IncompleteCall(requireNonNull(callId, "callId"), requireNonNull(queue, "queue"),
        requireNonNull(arrived, "arrived"), requireNonNull(state, "state"), requireNonNull(reason, "reason"),
        requireNonNull(source, "source"), line);
  }

  /** {@return the call's id} */
  public String callId() {
    return callId;
  }

  /** {@return the queue} */
  public String queue() {
    return queue;
  }

  /** {@return when the call entered the queue} */
  public Instant arrived() {
    return arrived;
  }

  /** {@return whether it was waiting or talking} */
  public State state() {
    return state;
  }

  /** {@return why its end is missing} */
  public Reason reason() {
    return reason;
  }

  /** {@return the file of the call's last event} */
  public String source() {
    return source;
  }

  /** {@return the line of the call's last event} */
  public long line() {
    return line;
  }

  /** Returns the call as text, for example {@code 1795411251.1 in q1 waiting since ... (end of log; queue_log:131)}. */
  @Override
  public String toString() {
    return callId + " in " + queue + " " + state.name().toLowerCase(java.util.Locale.ROOT) + " since " + arrived
        + " (" + (reason == Reason.RESTART ? "restart" : "end of log") + "; " + source + ":" + line + ")";
  }
}
