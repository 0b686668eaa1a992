package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The immutable result of a report: one {@link ReportRow} per combination of the spec's dimensions, in
 * order of queue, channel and interval, each with its counts and its figures under every definition.
 *
 * <p>When the report is grouped by interval, every interval of the grid is present for every queue and
 * channel group, the intervals without calls with empty counts and undefined figures. Queues and channels
 * are those that had calls, plus those the spec names.
 *
 * <p>{@link #groupedBy} and {@link #rollUp} give coarser reports whose rows merge the counts of the rows
 * they combine and compute every figure again from those counts; a percentage is never averaged.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Report {
  private final ReportSpec spec;
  private final ImmutableList<ReportRow> rows;
  private final long callsOutsidePeriod;

  private Report(ReportSpec spec, ImmutableList<ReportRow> rows, long callsOutsidePeriod) {
    this.spec = spec;
    this.rows = rows;
    this.callsOutsidePeriod = callsOutsidePeriod;
  }

  /**
   * Builds a report from counts keyed at any level at least as fine as the spec's dimensions: groups them
   * by the spec's dimensions, fills in empty intervals, and computes the figures.
   */
  static Report of(ReportSpec spec, Map<ReportKey, TallySnapshot> counts, long callsOutsidePeriod) {
    Set<Dimension> dims = spec.dimensions();
    Map<ReportKey, CallTally> merged = new TreeMap<>();
    for (ReportKey group : groups(spec, counts.keySet())) {
      if (dims.contains(Dimension.INTERVAL)) {
        for (MeasurementInterval interval : spec.grid().intervals()) {
          merged.put(new ReportKey(group.queue(), group.channel(), Optional.of(interval)), new CallTally());
        }
      } else {
        merged.put(group, new CallTally());
      }
    }
    for (Map.Entry<ReportKey, TallySnapshot> e : counts.entrySet()) {
      ReportKey target = e.getKey().project(dims);
      if (dims.contains(Dimension.INTERVAL)) {
        MeasurementInterval interval = e.getKey().interval().orElseThrow();
        int index = spec.grid().indexOf(interval.start());
        target = new ReportKey(target.queue(), target.channel(), Optional.of(spec.grid().interval(index)));
      }
      merged.get(target).addAll(e.getValue());
    }
    ImmutableList.Builder<ReportRow> rows = ImmutableList.builderWithExpectedSize(merged.size());
    for (Map.Entry<ReportKey, CallTally> e : merged.entrySet()) {
      rows.add(row(e.getKey(), e.getValue().snapshot(), spec.definitions()));
    }
    return new Report(spec, rows.build(), callsOutsidePeriod);
  }

  /** The queue/channel groups of the report (interval left out): those with counts plus the named ones. */
  private static Set<ReportKey> groups(ReportSpec spec, Set<ReportKey> keys) {
    Set<Dimension> byGroup = EnumSet.noneOf(Dimension.class);
    byGroup.addAll(spec.dimensions());
    byGroup.remove(Dimension.INTERVAL);
    Set<ReportKey> groups = new TreeSet<>();
    for (ReportKey key : keys) {
      groups.add(key.project(byGroup));
    }
    Set<String> queues = new TreeSet<>(spec.queues());
    Set<Channel> channels = spec.channels().isEmpty() ? EnumSet.of(Channel.VOICE) : EnumSet.copyOf(spec.channels());
    for (ReportKey key : keys) {
      queues.remove(key.queue().orElse(""));
    }
    for (String queue : queues) {
      for (Channel channel : channels) {
        groups.add(new ReportKey(Optional.of(queue), Optional.of(channel), Optional.empty()).project(byGroup));
      }
    }
    if (!byGroup.contains(Dimension.QUEUE)) {
      for (Channel channel : spec.channels()) {
        groups.add(new ReportKey(Optional.empty(), Optional.of(channel), Optional.empty()).project(byGroup));
      }
    }
    if (byGroup.isEmpty()) {
      groups.add(ReportKey.all());
    }
    return groups;
  }

  private static ReportRow row(ReportKey key, TallySnapshot counts, List<ServiceLevelDefinition> definitions) {
    List<MetricsSummary> figures = new ArrayList<>(definitions.size());
    for (ServiceLevelDefinition definition : definitions) {
      figures.add(MetricsSummary.of(counts, definition));
    }
    return new ReportRow(key, counts, figures);
  }

  /** Returns what the report shows. */
  public ReportSpec spec() {
    return spec;
  }

  /** Returns the rows, ordered by queue, channel and interval. */
  public List<ReportRow> rows() {
    return rows;
  }

  /**
   * Returns how many calls the report did not count because they (under per-event attribution: their
   * arrival or their outcome) fell outside the grid's period.
   */
  public long callsOutsidePeriod() {
    return callsOutsidePeriod;
  }

  /**
   * Returns the row with a key.
   *
   * @param key  the key, not null
   * @return the row, or empty if the report has no such row
   */
  public Optional<ReportRow> row(ReportKey key) {
    requireNonNull(key, "key");
    for (ReportRow row : rows) {
      if (row.key().equals(key)) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns this report grouped by fewer dimensions: each row merges the counts of the rows it combines.
   * {@code groupedBy()} with no dimension gives one row for all queues, channels and the whole period.
   *
   * @param dimensions  a subset of this report's dimensions
   * @return the coarser report
   * @throws IllegalArgumentException if a dimension is not one of this report's
   */
  public Report groupedBy(Dimension... dimensions) {
    EnumSet<Dimension> keep = EnumSet.noneOf(Dimension.class);
    keep.addAll(Arrays.asList(dimensions));
    if (!spec.dimensions().containsAll(keep)) {
      throw new IllegalArgumentException("cannot group a report by " + keep + " (it has only " + spec.dimensions() + ")");
    }
    return of(spec.toBuilder().groupBy(keep).build(), countsByKey(), callsOutsidePeriod);
  }

  /**
   * Returns this report on a coarser grid of the same days and zone, for example quarter hours rolled up
   * to hours or days: each coarse interval merges the counts of the intervals it contains.
   *
   * @param length  a length whose intervals are unions of this report's intervals: {@link IntervalLength#DAY},
   *     {@link IntervalLength#WHOLE_PERIOD}, or a number of minutes that is a multiple of this grid's
   * @return the rolled-up report
   * @throws IllegalArgumentException if the length does not divide into this grid's intervals
   */
  public Report rollUp(IntervalLength length) {
    requireNonNull(length, "length");
    IntervalGrid grid = spec.grid();
    if (!coarsens(grid.length(), length)) {
      throw new IllegalArgumentException("cannot roll " + grid.length().label() + " intervals up to "
          + length.label() + " (expected day, period, or a multiple of " + grid.length().label() + ")");
    }
    IntervalGrid coarse = IntervalGrid.of(grid.startDay(), grid.endDay(), grid.zone(), length);
    return of(spec.toBuilder().grid(coarse).build(), countsByKey(), callsOutsidePeriod);
  }

  private static boolean coarsens(IntervalLength fine, IntervalLength coarse) {
    if (coarse == IntervalLength.WHOLE_PERIOD) {
      return true;
    }
    if (coarse == IntervalLength.DAY) {
      return fine != IntervalLength.WHOLE_PERIOD;
    }
    Optional<java.time.Duration> f = fine.duration();
    Optional<java.time.Duration> c = coarse.duration();
    return f.isPresent() && c.isPresent() && c.get().toMinutes() % f.get().toMinutes() == 0;
  }

  /**
   * Returns the one row of everything in the report: all queues, all channels, the whole period.
   *
   * @return the total row
   */
  public ReportRow total() {
    return groupedBy().rows().get(0);
  }

  private Map<ReportKey, TallySnapshot> countsByKey() {
    Map<ReportKey, TallySnapshot> counts = new TreeMap<>();
    for (ReportRow row : rows) {
      counts.put(row.key(), row.counts());
    }
    return counts;
  }

  @Override
  public String toString() {
    return "Report{" + spec + ", " + rows.size() + " rows, " + callsOutsidePeriod + " calls outside the period}";
  }
}
