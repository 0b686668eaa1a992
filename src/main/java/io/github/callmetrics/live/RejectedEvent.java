package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

/**
 * An event the monitor did not count, with why: it came too late to be placed, or it cannot be applied
 * (an outcome for a call the monitor never saw enter, a second entry of a call already waiting, an outcome
 * before the call's arrival, an event from the future). Kept by the {@link LiveMonitor} so nothing is
 * dropped silently.
 *
 * @param event  the event as given
 * @param reason  why it was not counted
 * @param message  the full explanation, naming the call, the value and the rule
 */
public record RejectedEvent(CallEvent event, Reason reason, String message) {
  /** Why an event was not counted. */
  public enum Reason {
    /** The event's instant is more than the late tolerance before the monitor's now. */
    LATE,
    /** The event's instant is more than the late tolerance after the monitor's clock. */
    FROM_THE_FUTURE,
    /** An outcome event for a call that is not waiting in that queue (never entered, or already ended). */
    UNKNOWN_CALL,
    /** An entry event for a call already waiting in that queue. */
    DUPLICATE_CALL,
    /** An outcome event whose instant is before the call's arrival. */
    BEFORE_ARRIVAL
  }

  /**
   * Checks no component is null.
   *
   * @param event  the event as given
   * @param reason  why it was not counted
   * @param message  the full explanation, naming the call, the value and the rule
   */
  public RejectedEvent {
    requireNonNull(event, "event");
    requireNonNull(reason, "reason");
    requireNonNull(message, "message");
  }
}
