package io.github.callmetrics.call;

/**
 * How a call left the queue (or that it has not left it yet). Every call has exactly one outcome.
 */
public enum Outcome {
  /** An agent picked the call up. Its wait ends at the answer. */
  ANSWERED("answered"),
  /** The caller hung up while waiting. Its wait ends at the hang-up. */
  ABANDONED("abandoned"),
  /**
   * The call left the queue unanswered for a reason the caller did not choose by hanging up: a queue
   * timeout, an empty queue, a key press, an overflow or transfer. The reason is a
   * {@link FlowOutReason}; whether such a call counts as an abandon, as a flow-out in the denominator, or
   * not at all is decided by the service-level definition in use.
   */
  LEFT_UNANSWERED("left unanswered"),
  /** Still in the queue at the moment of observation (live views only): no outcome instant yet. */
  WAITING("waiting");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** {@return the outcome in words, as used in messages ({@code "left unanswered"})} */
  public String label() {
    return label;
  }
}
