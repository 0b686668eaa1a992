package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simple path, kept as the reference the fast path must equal: the report as it was computed before the
 * columnar store, one {@link CallTally} per queue, channel and interval, rows materialised eagerly, roll-ups
 * and regroupings from the snapshots of those finest cells (not from the rows: a row grouped without queues
 * no longer says which queues had calls, and named queues without calls get rows of their own).
 */
final class ReferenceReport {
  final ReportSpec spec;
  final List<ReportRow> rows;
  final long callsOutsidePeriod;
  /** The counts per queue, channel and interval of the finest grid the calls were counted on. */
  private final Map<ReportKey, TallySnapshot> finest;

  private ReferenceReport(ReportSpec spec, List<ReportRow> rows, long callsOutsidePeriod,
      Map<ReportKey, TallySnapshot> finest) {
    this.spec = spec;
    this.rows = rows;
    this.callsOutsidePeriod = callsOutsidePeriod;
    this.finest = finest;
  }

  static ReferenceReport of(ReportSpec spec, Iterable<Call> calls) {
    IntervalGrid grid = spec.grid();
    Map<ReportKey, CallTally> cells = new TreeMap<>();
    long outside = 0;
    for (Call call : calls) {
      Instant exit = call.outcomeAt().orElse(call.arrived());
      switch (spec.attribution()) {
        case ARRIVAL:
        case EXIT: {
          int index = grid.indexOf(spec.attribution() == io.github.callmetrics.interval.Attribution.ARRIVAL
              ? call.arrived() : exit);
          if (index < 0) {
            outside++;
          } else {
            cell(cells, call, grid.interval(index)).add(call);
          }
          break;
        }
        case PER_EVENT: {
          int arrivedIn = grid.indexOf(call.arrived());
          int exitedIn = grid.indexOf(exit);
          if (arrivedIn >= 0) {
            cell(cells, call, grid.interval(arrivedIn)).countArrival();
          }
          if (exitedIn >= 0) {
            cell(cells, call, grid.interval(exitedIn)).countOutcome(call);
          }
          if (arrivedIn < 0 || exitedIn < 0) {
            outside++;
          }
          break;
        }
      }
    }
    Map<ReportKey, TallySnapshot> finest = new TreeMap<>();
    cells.forEach((k, v) -> finest.put(k, v.snapshot()));
    return of(spec, finest, outside);
  }

  private static CallTally cell(Map<ReportKey, CallTally> cells, Call call, MeasurementInterval interval) {
    return cells.computeIfAbsent(new ReportKey(Optional.of(call.queue()), Optional.of(call.channel()),
        Optional.of(interval)), k -> new CallTally());
  }

  static ReferenceReport of(ReportSpec spec, Map<ReportKey, TallySnapshot> counts, long callsOutsidePeriod) {
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
    List<ReportRow> rows = new ArrayList<>();
    for (Map.Entry<ReportKey, CallTally> e : merged.entrySet()) {
      TallySnapshot counts2 = e.getValue().snapshot();
      List<MetricsSummary> figures = new ArrayList<>();
      for (ServiceLevelDefinition d : spec.definitions()) {
        figures.add(MetricsSummary.of(counts2, d));
      }
      rows.add(new ReportRow(e.getKey(), counts2, figures));
    }
    return new ReferenceReport(spec, rows, callsOutsidePeriod, counts);
  }

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

  ReferenceReport groupedBy(Dimension... dimensions) {
    EnumSet<Dimension> keep = EnumSet.noneOf(Dimension.class);
    keep.addAll(List.of(dimensions));
    return of(spec.toBuilder().groupBy(keep).build(), finest, callsOutsidePeriod);
  }

  ReferenceReport rollUp(IntervalLength length) {
    IntervalGrid grid = spec.grid();
    IntervalGrid coarse = IntervalGrid.of(grid.startDay(), grid.endDay(), grid.zone(), length);
    return of(spec.toBuilder().grid(coarse).build(), finest, callsOutsidePeriod);
  }
}
