package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * A call still waiting in a queue at the moment of a snapshot.
 *
 * @param id  the call's id
 * @param channel  the channel it arrived on
 * @param arrived  when it entered the queue
 * @param waited  how long it has waited at the snapshot's instant, in whole seconds (truncated, as every wait)
 */
public record WaitingCall(String id, Channel channel, Instant arrived, Duration waited) {
  /**
   * Checks no component is null and the wait is zero or more whole seconds.
   *
   * @param id  the call's id
   * @param channel  the channel it arrived on
   * @param arrived  when it entered the queue
   * @param waited  how long it has waited at the snapshot's instant, in whole seconds (truncated, as every wait)
   */
  public WaitingCall {
    requireNonNull(id, "id");
    requireNonNull(channel, "channel");
    requireNonNull(arrived, "arrived");
    requireNonNull(waited, "waited");
    if (waited.isNegative() || waited.toNanosPart() != 0) {
      throw new IllegalArgumentException("call " + id + " waited " + waited
          + ", which is not valid (expected zero or more whole seconds)");
    }
  }
}
