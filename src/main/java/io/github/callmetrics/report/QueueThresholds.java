package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.callmetrics.call.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Service-level thresholds {@code T} per queue, and per channel of a queue, for one definition of a report: the
 * way Asterisk sets {@code servicelevel} per queue in {@code queues.conf}, and Twilio Flex and Genesys Cloud per
 * queue and channel (media type). A queue and channel without an entry keep the definition's own threshold.
 * Given to {@link ReportSpec.Builder#queueThresholds(int, QueueThresholds)}; how a row over several queues is
 * measured is in <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/reports.md">docs/reports.md</a>.
 *
 * <pre>{@code
 * QueueThresholds t = QueueThresholds.of(Map.of("sales", Duration.ofSeconds(30)))
 *     .with("sales", Channel.CHAT, Duration.ofSeconds(120));
 * t.threshold("sales", Channel.VOICE);   // Optional[PT30S]
 * t.threshold("sales", Channel.CHAT);    // Optional[PT2M]
 * t.threshold("billing", Channel.VOICE); // Optional.empty: the definition's threshold
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class QueueThresholds {
  private static final QueueThresholds NONE = new QueueThresholds(ImmutableMap.of(), ImmutableMap.of());

  /** Per queue, sorted by name. */
  private final ImmutableMap<String, Duration> byQueue;
  /** Per queue and channel; keys {@code queue + '\0' + channel label}, sorted. */
  private final ImmutableMap<String, Duration> byQueueAndChannel;

  private QueueThresholds(ImmutableMap<String, Duration> byQueue, ImmutableMap<String, Duration> byQueueAndChannel) {
    this.byQueue = byQueue;
    this.byQueueAndChannel = byQueueAndChannel;
  }

  /**
   * Obtains thresholds per queue, for every channel of each queue.
   *
   * @param byQueue  queue name to threshold, not null; names not blank, thresholds whole seconds, zero or more
   * @return the thresholds; with an empty map, every queue keeps the definition's threshold
   * @throws IllegalArgumentException if a name is blank or a threshold negative or not whole seconds
   */
  public static QueueThresholds of(Map<String, Duration> byQueue) {
    requireNonNull(byQueue, "byQueue");
    if (byQueue.isEmpty()) {
      return NONE;
    }
    TreeMap<String, Duration> sorted = new TreeMap<>();
    byQueue.forEach((queue, threshold) -> sorted.put(checkQueue(queue), check(queue, null, threshold)));
    return new QueueThresholds(ImmutableMap.copyOf(sorted), ImmutableMap.of());
  }

  /**
   * Returns these thresholds with one for a channel of a queue, which takes precedence over the queue's.
   *
   * @param queue  the queue name, not blank
   * @param channel  the channel, not null
   * @param threshold  whole seconds, zero or more
   * @return the new thresholds
   * @throws IllegalArgumentException if the name is blank or the threshold negative or not whole seconds
   */
  public QueueThresholds with(String queue, Channel channel, Duration threshold) {
    checkQueue(queue);
    requireNonNull(channel, "channel");
    TreeMap<String, Duration> sorted = new TreeMap<>(byQueueAndChannel);
    sorted.put(key(queue, channel), check(queue, channel, threshold));
    return new QueueThresholds(byQueue, ImmutableMap.copyOf(sorted));
  }

  /**
   * Returns the threshold of a queue's channel: its own entry, else the queue's, else empty (the definition's
   * threshold applies).
   *
   * @param queue  the queue name, not null
   * @param channel  the channel, not null
   * @return the threshold, or empty if neither the channel nor the queue has one
   */
  public Optional<Duration> threshold(String queue, Channel channel) {
    requireNonNull(queue, "queue");
    requireNonNull(channel, "channel");
    Duration t = byQueueAndChannel.get(key(queue, channel));
    return Optional.ofNullable(t != null ? t : byQueue.get(queue));
  }

  /** The queue's own entry, whatever its channels' entries. */
  Optional<Duration> threshold(String queue) {
    return Optional.ofNullable(byQueue.get(queue));
  }

  /** The distinct thresholds, ascending. */
  Set<Duration> all() {
    Set<Duration> all = new TreeSet<>(byQueue.values());
    all.addAll(byQueueAndChannel.values());
    return all;
  }

  /** A queue (with its channel, if the entry is a channel's) that has a threshold, for messages. */
  String queueOf(Duration threshold) {
    for (Map.Entry<String, Duration> e : byQueue.entrySet()) {
      if (e.getValue().equals(threshold)) {
        return e.getKey();
      }
    }
    for (Map.Entry<String, Duration> e : byQueueAndChannel.entrySet()) {
      if (e.getValue().equals(threshold)) {
        return e.getKey().replace('\0', '/');
      }
    }
    throw new IllegalArgumentException("no queue has threshold " + threshold);
  }

  /** Whether no queue has a threshold of its own. */
  boolean isEmpty() {
    return byQueue.isEmpty() && byQueueAndChannel.isEmpty();
  }

  private static String key(String queue, Channel channel) {
    return queue + '\0' + channel.label();
  }

  private static String checkQueue(String queue) {
    if (requireNonNull(queue, "queue").isBlank()) {
      throw new IllegalArgumentException("queue \"" + queue + "\" is blank (expected a non-blank queue name)");
    }
    return queue;
  }

  private static Duration check(String queue, @Nullable Channel channel, Duration threshold) {
    requireNonNull(threshold, "threshold");
    if (threshold.isNegative() || threshold.toNanosPart() != 0) {
      throw new IllegalArgumentException("threshold " + threshold + " of queue " + queue
          + (channel == null ? "" : " channel " + channel.label())
          + " is not a whole number of seconds, zero or more (thresholds are whole seconds)");
    }
    return threshold;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof QueueThresholds && byQueue.equals(((QueueThresholds) o).byQueue)
        && byQueueAndChannel.equals(((QueueThresholds) o).byQueueAndChannel);
  }

  @Override
  public int hashCode() {
    return 31 * byQueue.hashCode() + byQueueAndChannel.hashCode();
  }

  /** Returns the thresholds in seconds, for example {@code q1 20 s, q2 30 s, q2/chat 60 s}; {@code none} if empty. */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "none";
    }
    StringBuilder s = new StringBuilder();
    byQueue.forEach((q, t) -> s.append(s.length() == 0 ? "" : ", ").append(q).append(' ').append(t.getSeconds())
        .append(" s"));
    byQueueAndChannel.forEach((k, t) -> s.append(s.length() == 0 ? "" : ", ").append(k.replace('\0', '/'))
        .append(' ').append(t.getSeconds()).append(" s"));
    return s.toString();
  }
}
