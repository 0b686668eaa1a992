package io.github.callmetrics.metrics;

/** Which calls' waits a longest-wait or percentile figure is taken over. */
public enum WaitPopulation {
  /** Answered calls: the wait until an agent picked up. */
  ANSWERED,
  /** Abandoned calls (caller hung up; flow-outs not included): the wait until the hang-up. */
  ABANDONED,
  /** Calls that left the queue unanswered for any flow-out reason. */
  FLOWED_OUT,
  /** Every call that left the queue, whatever its outcome. */
  ALL
}
