package io.github.callmetrics.live;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.call.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a wallboard shows for one queue and channel at one instant, taken at once under the queue's lock so
 * its parts agree with each other.
 *
 * @param queue  the queue
 * @param channel  the channel
 * @param at  the monitor's now when the snapshot was taken
 * @param currentInterval  the grid interval that contains {@code at}; empty if {@code at} is outside the grid
 * @param previousInterval  the interval just closed, the one before the current; empty at the grid's first
 *     interval or before the grid (after the grid's end it is the grid's last interval)
 * @param window  the sliding window: calls that ended in the last {@link LiveMonitor#window()} up to {@code at}
 * @param waitingNow  the calls waiting now
 * @param oldestWaiting  the call that has waited longest, if any waits
 * @param thresholds  per definition of the spec, in order: waiting calls over its threshold and about to break it
 * @param breachHorizon  the horizon {@code N} of {@link ThresholdWatch#breakingWithinHorizon()}
 * @param lateEvents  events of this queue not counted because they came too late
 * @param rejectedEvents  events of this queue not counted for another reason ({@link RejectedEvent.Reason})
 */
public record LiveSnapshot(
    String queue,
    Channel channel,
    Instant at,
    Optional<LiveFigures> currentInterval,
    Optional<LiveFigures> previousInterval,
    LiveFigures window,
    long waitingNow,
    Optional<WaitingCall> oldestWaiting,
    List<ThresholdWatch> thresholds,
    Duration breachHorizon,
    long lateEvents,
    long rejectedEvents) {

  /**
   * Checks no component is null and no count or duration is negative, and copies the list.
   *
   * @param queue  the queue
   * @param channel  the channel
   * @param at  the monitor's now when the snapshot was taken
   * @param currentInterval  the grid interval that contains {@code at}; empty if {@code at} is outside the grid
   * @param previousInterval  the interval just closed, the one before the current; empty at the grid's first
   *     interval or before the grid (after the grid's end it is the grid's last interval)
   * @param window  the sliding window: calls that ended in the last {@link LiveMonitor#window()} up to {@code at}
   * @param waitingNow  the calls waiting now
   * @param oldestWaiting  the call that has waited longest, if any waits
   * @param thresholds  per definition of the spec, in order: waiting calls over its threshold and about to break it
   * @param breachHorizon  the horizon {@code N} of {@link ThresholdWatch#breakingWithinHorizon()}
   * @param lateEvents  events of this queue not counted because they came too late
   * @param rejectedEvents  events of this queue not counted for another reason ({@link RejectedEvent.Reason})
   */
  public LiveSnapshot {
    requireNonNull(queue, "queue");
    requireNonNull(channel, "channel");
    requireNonNull(at, "at");
    requireNonNull(currentInterval, "currentInterval");
    requireNonNull(previousInterval, "previousInterval");
    requireNonNull(window, "window");
    requireNonNull(oldestWaiting, "oldestWaiting");
    thresholds = ImmutableList.copyOf(requireNonNull(thresholds, "thresholds"));
    requireNonNull(breachHorizon, "breachHorizon");
    if (waitingNow < 0 || lateEvents < 0 || rejectedEvents < 0 || breachHorizon.isNegative()) {
      throw new IllegalArgumentException("snapshot of " + queue + "/" + channel + ": waitingNow " + waitingNow
          + ", lateEvents " + lateEvents + ", rejectedEvents " + rejectedEvents + ", breachHorizon " + breachHorizon
          + " are not valid (expected zero or more)");
    }
  }

  /**
   * Returns the longest current wait: the wait of the {@linkplain #oldestWaiting() oldest waiting call}.
   *
   * @return the wait in whole seconds, or empty if no call waits
   */
  public Optional<Duration> longestCurrentWait() {
    return oldestWaiting.map(WaitingCall::waited);
  }
}
