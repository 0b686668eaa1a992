package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.interval.MeasurementInterval;
import java.util.Comparator;
import java.util.Optional;

/**
 * What one report row covers: a queue, a channel and an interval, each absent when the report does not
 * group by it (then the row covers all queues, all channels, or the whole period).
 *
 * @param queue  the queue, or empty for all queues
 * @param channel  the channel, or empty for all channels
 * @param interval  the interval, or empty for the whole period
 */
public record ReportKey(Optional<String> queue, Optional<Channel> channel, Optional<MeasurementInterval> interval)
    implements Comparable<ReportKey> {

  private static final Comparator<ReportKey> ORDER = Comparator
      .comparing((ReportKey k) -> k.queue().orElse(""))
      .thenComparing(k -> k.channel().map(Enum::ordinal).orElse(-1))
      .thenComparing(k -> k.interval().orElse(null), Comparator.nullsFirst(Comparator.naturalOrder()));

  /**
   * Checks no component is null.
   *
   * @param queue  the queue, or empty for all queues
   * @param channel  the channel, or empty for all channels
   * @param interval  the interval, or empty for the whole period
   */
  public ReportKey {
    requireNonNull(queue, "queue");
    requireNonNull(channel, "channel");
    requireNonNull(interval, "interval");
  }

  /** {@return the key of everything: all queues, all channels, the whole period} */
  public static ReportKey all() {
    return new ReportKey(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Returns this key with the dimensions not in {@code keep} dropped. */
  ReportKey project(java.util.Set<Dimension> keep) {
    return new ReportKey(
        keep.contains(Dimension.QUEUE) ? queue : Optional.empty(),
        keep.contains(Dimension.CHANNEL) ? channel : Optional.empty(),
        keep.contains(Dimension.INTERVAL) ? interval : Optional.empty());
  }

  /** Orders by queue name, channel, then interval; "all" sorts first. */
  @Override
  public int compareTo(ReportKey other) {
    return ORDER.compare(this, requireNonNull(other, "other"));
  }
}
