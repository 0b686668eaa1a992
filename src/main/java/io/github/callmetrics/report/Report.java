package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
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
 * <p>A report of a year has millions of rows, so a report keeps its counts in a compact store (every wait
 * sorted by queue, channel, interval and outcome) and {@link #rows()} builds each row when it is read: reading
 * a row twice gives two equal rows. Roll-ups share the store and merge the counts of the rows they combine
 * when their own rows are read. See
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/performance.md">docs/performance.md</a>.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class Report {
  private final ReportSpec spec;
  private final ReportStore store;
  /** The queue/channel groups of the rows (interval left out), in row order. */
  private final ReportKey[] groupKeys;
  /** Per group: the store's groups it merges. */
  private final int[][] members;
  private final boolean byInterval;
  /** Per interval of the spec's grid: the first of the store's intervals it covers, plus the end. */
  private final int[] fineStart;
  private final int perGroup;
  /**
   * Per definition with thresholds per queue: per store group (by rank), the seconds of its own threshold, or −1
   * for the definition's; empty for a definition without thresholds per queue.
   */
  private final long[][] ownThresholds;
  /**
   * Per definition with thresholds per queue: per group of the rows, the distinct own thresholds of the store
   * groups it merges, ascending (several: the row is measured call by call); empty for a definition without.
   */
  private final long[][][] groupThresholds;
  private final List<ReportRow> rows = new Rows();

  private Report(ReportSpec spec, ReportStore store, Map<ReportKey, int[]> sources) {
    this.spec = spec;
    this.store = store;
    Set<Dimension> byGroup = EnumSet.noneOf(Dimension.class);
    byGroup.addAll(spec.dimensions());
    byGroup.remove(Dimension.INTERVAL);
    Map<ReportKey, List<Integer>> merged = new TreeMap<>();
    for (ReportKey key : groups(spec, sources.keySet(), store)) {
      merged.put(key, new ArrayList<>());
    }
    for (Map.Entry<ReportKey, int[]> e : sources.entrySet()) {
      List<Integer> into = requireNonNull(merged.get(e.getKey().project(byGroup)), "groups() holds every projection");
      for (int g : e.getValue()) {
        into.add(g);
      }
    }
    groupKeys = merged.keySet().toArray(new ReportKey[0]);
    members = new int[groupKeys.length][];
    int x = 0;
    for (List<Integer> m : merged.values()) {
      members[x++] = m.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    byInterval = spec.dimensions().contains(Dimension.INTERVAL);
    fineStart = byInterval ? intervalMap(store.grid, spec.grid()) : new int[] {0, store.intervals};
    perGroup = fineStart.length - 1;
    ownThresholds = new long[spec.definitions().size()][];
    for (int d = 0; d < ownThresholds.length; d++) {
      QueueThresholds thresholds = spec.queueThresholds(d);
      long[] own = new long[thresholds.isEmpty() ? 0 : store.groups.length];
      for (int g = 0; g < own.length; g++) {
        own[g] = thresholds.threshold(store.groups[g].queue, store.groups[g].channel).map(Duration::getSeconds)
            .orElse(-1L);
      }
      ownThresholds[d] = own;
    }
    groupThresholds = new long[ownThresholds.length][][];
    for (int d = 0; d < ownThresholds.length; d++) {
      long[] own = ownThresholds[d];
      groupThresholds[d] = own.length == 0 ? new long[0][]
          : Arrays.stream(members).map(m -> Arrays.stream(m).mapToLong(g -> own[g]).distinct().sorted().toArray())
              .toArray(long[][]::new);
    }
  }

  /** Builds the report of a store: its groups, grouped by the spec's dimensions, with named groups added. */
  static Report of(ReportSpec spec, ReportStore store) {
    Map<ReportKey, int[]> sources = new LinkedHashMap<>();
    for (int g = 0; g < store.groups.length; g++) {
      ReportAccumulator.Group group = store.groups[g];
      sources.put(new ReportKey(Optional.of(group.queue), Optional.of(group.channel), Optional.empty()), new int[] {g});
    }
    return new Report(spec, store, sources);
  }

  /**
   * For each interval of a coarse grid, the first interval of the fine grid that it covers (plus the fine
   * grid's size at the end): a coarse interval is the union of the fine intervals that start in it.
   */
  private static int[] intervalMap(IntervalGrid fine, IntervalGrid coarse) {
    int[] start = new int[coarse.size() + 1];
    int next = 0;
    for (int i = 0; i < fine.size(); i++) {
      int j = coarse.indexOf(fine.interval(i).start());
      while (next <= j) {
        start[next++] = i;
      }
    }
    while (next <= coarse.size()) {
      start[next++] = fine.size();
    }
    return start;
  }

  /**
   * The queue/channel groups of the report (interval left out): those with counts plus the named ones. A named
   * queue is added only if it had no calls; the store's groups say which had, as the keys of a report grouped
   * without queues (a roll-up or regrouping of one) no longer do.
   */
  private static Set<ReportKey> groups(ReportSpec spec, Set<ReportKey> keys, ReportStore store) {
    Set<Dimension> byGroup = EnumSet.noneOf(Dimension.class);
    byGroup.addAll(spec.dimensions());
    byGroup.remove(Dimension.INTERVAL);
    Set<ReportKey> groups = new TreeSet<>();
    for (ReportKey key : keys) {
      groups.add(key.project(byGroup));
    }
    Set<String> queues = new TreeSet<>(spec.queues());
    Set<Channel> channels = spec.channels().isEmpty() ? EnumSet.of(Channel.VOICE) : EnumSet.copyOf(spec.channels());
    for (ReportAccumulator.Group group : store.groups) {
      queues.remove(group.queue);
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

  /** Returns the index in {@code spec().grid()} of row {@code r}'s interval; 0 if the rows are not by interval. */
  int intervalIndex(int r) {
    return r % perGroup;
  }

  /** Computes row {@code r}: group {@code r / perGroup}, interval {@code r % perGroup}. */
  private ReportRow row(int r) {
    int x = r / perGroup;
    int j = r % perGroup;
    ReportKey group = groupKeys[x];
    ReportKey key = byInterval
        ? new ReportKey(group.queue(), group.channel(), Optional.of(spec.grid().interval(j)))
        : group;
    TallySnapshot counts = members[x].length == 0 ? TallySnapshot.empty()
        : store.snapshot(members[x], fineStart[j], fineStart[j + 1]);
    List<ServiceLevelDefinition> definitions = spec.definitions();
    List<MetricsSummary> figures = new ArrayList<>(definitions.size());
    for (int d = 0; d < definitions.size(); d++) {
      figures.add(ownThresholds[d].length == 0 ? MetricsSummary.of(counts, definitions.get(d))
          : figures(d, x, fineStart[j], fineStart[j + 1], counts));
    }
    return new ReportRow(key, counts, figures);
  }

  /**
   * The figures of group {@code x} over the store's intervals {@code [from, to)} under definition {@code d}, whose
   * threshold differs per queue: the figures under the one threshold of the group's queues, or, if they have
   * several, the counts of each queue's calls under its own threshold, summed (docs/reports.md).
   */
  private MetricsSummary figures(int d, int x, int from, int to, TallySnapshot counts) {
    long[] thresholds = groupThresholds[d][x];
    if (thresholds.length <= 1) {
      return MetricsSummary.of(counts, spec.definition(d, rowThreshold(d, x)));
    }
    ServiceLevelDefinition base = spec.definitions().get(d);
    ServiceLevelCounts sum = new ServiceLevelCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);
    for (long t : thresholds) {
      int[] part = Arrays.stream(members[x]).filter(g -> ownThresholds[d][g] == t).toArray();
      sum = plus(sum, ServiceLevelCounts.of(store.snapshot(part, from, to), spec.definition(d, threshold(t))));
    }
    MetricsSummary all = MetricsSummary.of(counts, base); // the figures no threshold changes
    Ratio serviceLevel = sum.serviceLevel(base.formula(), base.creditsFlowOutsWithinThreshold());
    return new MetricsSummary(base, sum, serviceLevel, serviceLevel.meets(base.target()), all.abandonmentRate(),
        all.abandonmentRateExcludingShortAbandons(), all.answerRate(), all.averageSpeedOfAnswer(),
        all.averageTimeToAbandon(), all.averageHandleTime(), all.longestAnsweredWait(), all.longestAbandonedWait(),
        all.longestWait(), all.answeredWaitPercentiles());
  }

  /**
   * The one threshold of group {@code x} under definition {@code d}, when its queues do not have several: that of
   * its store groups, else (a named queue without calls) the one its key names, else the definition's (empty).
   */
  private Optional<Duration> rowThreshold(int d, int x) {
    if (groupThresholds[d][x].length == 1) {
      return threshold(groupThresholds[d][x][0]);
    }
    ReportKey key = groupKeys[x];
    QueueThresholds thresholds = spec.queueThresholds(d);
    return key.queue().flatMap(q -> key.channel().isPresent() ? thresholds.threshold(q, key.channel().get())
        : thresholds.threshold(q));
  }

  private static Optional<Duration> threshold(long seconds) {
    return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
  }

  /**
   * Returns the threshold row {@code rowIndex} is measured against under definition {@code d}: one for all its
   * calls, or empty if its queues have different thresholds (each call is then measured against its own queue's).
   */
  Optional<Duration> threshold(int rowIndex, int d) {
    int x = Objects.checkIndex(rowIndex, rows.size()) / perGroup;
    if (ownThresholds[d].length == 0) {
      return Optional.of(spec.definitions().get(d).threshold());
    }
    return groupThresholds[d][x].length > 1 ? Optional.empty()
        : Optional.of(spec.definition(d, rowThreshold(d, x)).threshold());
  }

  /** The sum of two sets of counts, as if one definition had counted both sets of calls. */
  static ServiceLevelCounts plus(ServiceLevelCounts a, ServiceLevelCounts b) {
    return new ServiceLevelCounts(a.offered() + b.offered(), a.answered() + b.answered(),
        a.answeredWithinThreshold() + b.answeredWithinThreshold(), a.abandoned() + b.abandoned(),
        a.abandonedWithinThreshold() + b.abandonedWithinThreshold(), a.shortAbandons() + b.shortAbandons(),
        a.flowOuts() + b.flowOuts(), a.flowOutsWithinThreshold() + b.flowOutsWithinThreshold(),
        a.excluded() + b.excluded());
  }

  /** The rows, each computed from the store when read. */
  private final class Rows extends AbstractList<ReportRow> implements RandomAccess {
    @Override
    public ReportRow get(int index) {
      Objects.checkIndex(index, size());
      return row(index);
    }

    @Override
    public int size() {
      return groupKeys.length * perGroup;
    }
  }

  /** {@return what the report shows} */
  public ReportSpec spec() {
    return spec;
  }

  /**
   * {@return the rows, ordered by queue, channel and interval} The list is unmodifiable; each row is computed
   * from the report's counts when it is read.
   */
  public List<ReportRow> rows() {
    return rows;
  }

  /**
   * {@return how many calls the report did not count because they (under per-event attribution: their
   * arrival or their outcome) fell outside the grid's period}
   */
  public long callsOutsidePeriod() {
    return store.callsOutsidePeriod;
  }

  /**
   * Returns the row with a key.
   *
   * @param key  the key, not null
   * @return the row, or empty if the report has no such row
   */
  public Optional<ReportRow> row(ReportKey key) {
    requireNonNull(key, "key");
    ReportKey group = new ReportKey(key.queue(), key.channel(), Optional.empty());
    int x = Arrays.binarySearch(groupKeys, group);
    if (x < 0 || !groupKeys[x].equals(group) || key.interval().isPresent() != byInterval) {
      return Optional.empty();
    }
    int j = 0;
    if (byInterval) {
      MeasurementInterval interval = key.interval().orElseThrow();
      j = interval.isEmpty() ? emptyIntervalIndex(interval) : spec.grid().indexOf(interval.start());
      if (j < 0 || !spec.grid().interval(j).equals(interval)) {
        return Optional.empty();
      }
    }
    return Optional.of(row(x * perGroup + j));
  }

  /**
   * The index of an empty interval of the grid (a day its zone skipped, such as 2011-12-30 in Pacific/Apia),
   * or −1: no instant is in it, so {@code indexOf} finds the interval after it.
   */
  private int emptyIntervalIndex(MeasurementInterval interval) {
    IntervalGrid grid = spec.grid();
    for (int i = 0; i < grid.size(); i++) {
      if (grid.interval(i).equals(interval)) {
        return i;
      }
    }
    return -1;
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
    requireNonNull(dimensions, "dimensions");
    EnumSet<Dimension> keep = EnumSet.noneOf(Dimension.class);
    keep.addAll(Arrays.asList(dimensions));
    if (!spec.dimensions().containsAll(keep)) {
      throw new IllegalArgumentException("cannot group a report by " + keep + " (expected a subset of its dimensions "
          + spec.dimensions() + ")");
    }
    return new Report(spec.toBuilder().groupBy(keep).build(), store, sources());
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
    return new Report(spec.toBuilder().grid(coarse).build(), store, sources());
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

  /** This report's groups and the store's groups each merges: what a coarser report starts from. */
  private Map<ReportKey, int[]> sources() {
    Map<ReportKey, int[]> sources = new LinkedHashMap<>();
    for (int x = 0; x < groupKeys.length; x++) {
      sources.put(groupKeys[x], members[x]);
    }
    return sources;
  }

  /** Returns the bytes of the arrays holding this report's counts and wait distributions. */
  long storeBytes() {
    return store.bytes();
  }

  @Override
  public String toString() {
    return "Report{" + spec + ", " + rows.size() + " rows, " + store.callsOutsidePeriod
        + " calls outside the period}";
  }
}
