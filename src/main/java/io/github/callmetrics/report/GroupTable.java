package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.internal.CallAccess;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The queue/channel groups of one {@link ReportAccumulator}, numbered in order of first sight: a group is
 * registered when a call first counts in it, and its cells are made room for then. Behind a direct-mapped cache by
 * the queue's hash code: the calls of many queues interleave, and a slot found by the same {@code String} (as
 * readers and generators usually give) needs no hash lookup.
 *
 * <p>Not thread-safe; owned by one accumulator.
 */
final class GroupTable {
  private static final Channel[] CHANNELS = Channel.values();
  private static final CallAccess CALLS = CallAccess.Holder.get();
  /** Slots of the queue cache in front of {@link #groupIds}: a power of two. */
  private static final int QUEUE_SLOTS = 256;
  /** Bits of a channel ordinal in the queue cache. */
  private static final int CHANNEL_BITS = 32 - Integer.numberOfLeadingZeros(CHANNELS.length - 1);

  private final int intervals;
  private final int maxGroups;
  private final CellCounts cells;
  private ReportAccumulator.Group[] groups = new ReportAccumulator.Group[8];
  private int count;
  /** Per queue, per channel ordinal: group id + 1, or 0 if not registered. */
  private final Map<String, int[]> groupIds = new HashMap<>();
  private final @Nullable String[] slotQueues = new String[QUEUE_SLOTS];
  /**
   * Per slot of the cache, per channel ordinal ({@code slot << CHANNEL_BITS | channel}): the group id + 1 of the
   * slot's queue and the channel, or 0 if not registered; one array, so that a hit reads one {@code int}.
   */
  private final int[] slotGroups = new int[QUEUE_SLOTS << CHANNEL_BITS];

  /**
   * A table of at most {@code maxGroups} groups over a grid of {@code intervals}, registering each new group's
   * cells in {@code cells}.
   */
  GroupTable(int intervals, int maxGroups, CellCounts cells) {
    this.intervals = intervals;
    this.maxGroups = maxGroups;
    this.cells = cells;
  }

  /** Returns how many groups are registered. */
  int count() {
    return count;
  }

  /** Returns the registered groups, by id. */
  ReportAccumulator.Group[] groups() {
    return Arrays.copyOf(groups, count);
  }

  /** Checks if a queue and channel are registered. */
  boolean contains(String queue, Channel channel) {
    int[] ids = groupIds.get(queue);
    return ids != null && ids[channel.ordinal()] != 0;
  }

  /** The id of a call's group, registered on first sight. */
  @SuppressWarnings("ReferenceEquality") // identity is a cache check only: an equal but distinct name is looked up
  int of(Call call) {
    String queue = call.queue();
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    if (slotQueues[slot] != queue) {
      return of(queue, call.channel());
    }
    int id = slotGroups[slot << CHANNEL_BITS | CALLS.channelOrdinal(call)];
    return id != 0 ? id - 1 : register(queue, call.channel());
  }

  /** The id of a queue and channel's group, registered on first sight. */
  int of(String queue, Channel channel) {
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    if (!queue.equals(slotQueues[slot])) {
      ids(queue);
    }
    int id = slotGroups[slot << CHANNEL_BITS | channel.ordinal()];
    return id != 0 ? id - 1 : register(queue, channel);
  }

  /** The group ids + 1 of a queue (0 if not registered), now cached in the queue's slot. */
  private int[] ids(String queue) {
    int[] ids = groupIds.computeIfAbsent(queue, q -> new int[CHANNELS.length]);
    int slot = queue.hashCode() & (QUEUE_SLOTS - 1);
    slotQueues[slot] = queue;
    System.arraycopy(ids, 0, slotGroups, slot << CHANNEL_BITS, ids.length);
    return ids;
  }

  private int register(String queue, Channel channel) {
    if (count >= maxGroups) {
      throw tooManyGroups(intervals, maxGroups);
    }
    if (count == groups.length) {
      groups = Arrays.copyOf(groups, count * 2);
    }
    groups[count] = new ReportAccumulator.Group(queue, channel);
    cells.ensureGroups(count + 1);
    ids(queue)[channel.ordinal()] = count + 1;
    slotGroups[(queue.hashCode() & (QUEUE_SLOTS - 1)) << CHANNEL_BITS | channel.ordinal()] = count + 1;
    return count++;
  }

  /** The limit on groups: reached only with more than a gigabyte of counts, so tested at this message. */
  static IllegalStateException tooManyGroups(int intervals, int maxGroups) {
    return new IllegalStateException("report of " + intervals + " intervals cannot hold more than " + maxGroups
        + " queue/channel groups (expected fewer queues, longer intervals or a shorter period)");
  }
}
