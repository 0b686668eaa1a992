package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.testing.PropertyRunner;
import io.github.callmetrics.testing.Scene;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Properties of reports on random calls and random specs ({@link PropertyRunner}): the fast path equals the
 * simple reference path ({@link ReferenceReport}) for every spec, and its roll-ups and groupings equal the
 * reference report of the coarser spec; a day, a queue and the
 * total equal a direct tally of exactly the calls (or, per event, the parts of calls) that count there, under
 * every attribution; and merged accumulators give the report of all their calls.
 */
class ReportPropertiesTest {

  private static void assertSameReport(Report fast, ReferenceReport simple) {
    assertThat(fast.spec()).isEqualTo(simple.spec);
    assertThat(fast.callsOutsidePeriod()).as("calls outside the period").isEqualTo(simple.callsOutsidePeriod);
    assertThat(fast.rows()).hasSameSizeAs(simple.rows);
    List<ReportRow> rows = new ArrayList<>(fast.rows()); // each row once: they are computed when read
    if (!rows.equals(simple.rows)) {
      for (int i = 0; i < simple.rows.size(); i++) {
        assertThat(rows.get(i)).as("row %d", i).isEqualTo(simple.rows.get(i));
      }
    }
  }

  /** The lengths a grid of this length rolls up to. */
  private static List<IntervalLength> coarser(IntervalLength fine) {
    List<IntervalLength> lengths = new ArrayList<>(List.of(IntervalLength.WHOLE_PERIOD));
    if (fine != IntervalLength.WHOLE_PERIOD) {
      lengths.add(IntervalLength.DAY);
    }
    fine.duration().ifPresent(f -> {
      for (IntervalLength l : IntervalLength.values()) {
        if (l.duration().isPresent() && l.duration().get().toMinutes() % f.toMinutes() == 0) {
          lengths.add(l);
        }
      }
    });
    return lengths;
  }

  @Test
  void theFastPathEqualsTheReferencePathForEverySpecRollUpAndGrouping() {
    PropertyRunner.forAll(1_000, g -> {
      Scene scene = g.scene();
      ReportSpec spec = g.note("spec", g.spec(scene));
      List<Call> calls = g.note("calls", g.calls(scene, g.size(60)));
      Report fast = spec.report(calls);
      ReferenceReport simple = ReferenceReport.of(spec, calls);
      assertSameReport(fast, simple);

      // A roll-up and a grouping equal the reference report of the coarser spec, computed from the calls.
      IntervalLength coarse = g.note("roll-up", g.pick(coarser(spec.grid().length())));
      IntervalGrid grid = spec.grid();
      ReportSpec coarseSpec = spec.toBuilder()
          .grid(IntervalGrid.of(grid.startDay(), grid.endDay(), grid.zone(), coarse)).build();
      if (spec.dimensions().contains(Dimension.INTERVAL)) {
        assertSameReport(fast.rollUp(coarse), ReferenceReport.of(coarseSpec, calls));
      }
      List<Dimension> keep = new ArrayList<>();
      for (Dimension d : spec.dimensions()) {
        if (g.chance(50)) {
          keep.add(d);
        }
      }
      Dimension[] dims = g.note("grouped by", keep.toArray(new Dimension[0]));
      assertSameReport(fast.groupedBy(dims), ReferenceReport.of(spec.toBuilder().groupBy(dims).build(), calls));
      assertThat(fast.total()).isEqualTo(
          ReferenceReport.of(spec.toBuilder().groupBy().build(), calls).rows.get(0));
      for (int i = 0; i < 20 && !fast.rows().isEmpty(); i++) {
        ReportRow row = g.pick(fast.rows());
        assertThat(fast.row(row.key())).as("row by its key %s", row.key()).contains(row);
      }
    });
  }

  /** Whether the part of a call an attribution places somewhere falls in a span. */
  private static boolean arrivesIn(Call call, MeasurementInterval span) {
    return span.contains(call.arrived());
  }

  private static boolean exitsIn(Call call, MeasurementInterval span) {
    return span.contains(call.outcomeAt().orElse(call.arrived())); // a waiting call has not left
  }

  /** The tally of exactly what an attribution counts of some calls in a span: whole calls, or arrivals and outcomes. */
  static TallySnapshot direct(List<Call> calls, Attribution attribution, MeasurementInterval span, Predicate<Call> which) {
    CallTally tally = new CallTally();
    for (Call call : calls) {
      if (!which.test(call)) {
        continue;
      }
      switch (attribution) {
        case ARRIVAL:
          if (arrivesIn(call, span)) {
            tally.add(call);
          }
          break;
        case EXIT:
          if (exitsIn(call, span)) {
            tally.add(call);
          }
          break;
        case PER_EVENT:
          if (arrivesIn(call, span)) {
            tally.countArrival();
          }
          if (exitsIn(call, span)) {
            tally.countOutcome(call);
          }
          break;
      }
    }
    return tally.snapshot();
  }

  @Test
  void aDayAQueueAndTheTotalEqualADirectTallyOfTheCallsThatCountThere() {
    PropertyRunner.forAll(1_500, g -> {
      Scene scene = g.scene();
      List<Call> calls = g.note("calls", g.calls(scene, g.size(60)));
      IntervalGrid grid = g.note("grid", g.grid(scene));
      // The days, from java.time alone: each local day from its start to the next day's start.
      List<MeasurementInterval> days = new ArrayList<>();
      for (LocalDate d = scene.firstDay(); d.isBefore(scene.endDay()); d = d.plusDays(1)) {
        days.add(MeasurementInterval.of(d.atStartOfDay(scene.zone()).toInstant(),
            d.plusDays(1).atStartOfDay(scene.zone()).toInstant()));
      }
      MeasurementInterval period = MeasurementInterval.of(days.get(0).start(), days.get(days.size() - 1).end());
      for (Attribution attribution : Attribution.values()) {
        ReportSpec spec = ReportSpec.builder(grid).attribution(attribution).definitions(g.definition(scene)).build();
        Report report = spec.report(calls);
        Report byDay = grid.length() == IntervalLength.WHOLE_PERIOD ? report : report.rollUp(IntervalLength.DAY);
        if (grid.length() != IntervalLength.WHOLE_PERIOD) {
          assertThat(byDay.spec().grid().intervals()).as("days of the rolled-up grid").isEqualTo(days);
          assertThat(byDay.rows()).as("a day grid directly, %s", attribution)
              .isEqualTo(spec.toBuilder().grid(byDay.spec().grid()).build().report(calls).rows());
        }
        for (ReportRow row : byDay.rows()) {
          String queue = row.key().queue().orElseThrow();
          Channel channel = row.key().channel().orElseThrow();
          MeasurementInterval span = row.key().interval().orElseThrow();
          assertThat(row.counts()).as("%s %s %s under %s", queue, channel, span, attribution)
              .isEqualTo(direct(calls, attribution, span, c -> c.queue().equals(queue) && c.channel() == channel));
        }
        Report byQueue = report.groupedBy(Dimension.QUEUE);
        for (ReportRow row : byQueue.rows()) {
          String queue = row.key().queue().orElseThrow();
          assertThat(row.counts()).as("queue %s under %s", queue, attribution)
              .isEqualTo(direct(calls, attribution, period, c -> c.queue().equals(queue)));
        }
        List<String> queuesWithCounts = new ArrayList<>();
        for (String q : scene.queues()) {
          if (!direct(calls, attribution, period, c -> c.queue().equals(q)).isEmpty()) {
            queuesWithCounts.add(q);
          }
        }
        assertThat(byQueue.rows().stream().map(r -> r.key().queue().orElseThrow()))
            .as("queues with counts, %s", attribution).containsExactlyInAnyOrderElementsOf(queuesWithCounts);
        assertThat(report.total().counts()).as("total under %s", attribution)
            .isEqualTo(direct(calls, attribution, period, c -> true));
        long outside = calls.stream().filter(c -> attribution == Attribution.ARRIVAL ? !arrivesIn(c, period)
            : attribution == Attribution.EXIT ? !exitsIn(c, period) : !arrivesIn(c, period) || !exitsIn(c, period))
            .count();
        assertThat(report.callsOutsidePeriod()).as("outside the period under %s", attribution).isEqualTo(outside);
      }
    });
  }

  @Test
  void mergedAccumulatorsGiveTheReportOfAllTheirCalls() {
    PropertyRunner.forAll(1_000, g -> {
      Scene scene = g.scene();
      ReportSpec spec = g.note("spec", g.spec(scene));
      List<Call> calls = g.note("calls", g.calls(scene, g.size(60)));
      Report whole = spec.report(calls);
      int parts = g.between(1, 4);
      List<ReportAccumulator> accumulators = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        accumulators.add(spec.newAccumulator());
      }
      for (Call call : calls) {
        g.pick(accumulators).add(call);
      }
      ReportAccumulator merged = accumulators.remove(g.nextInt(accumulators.size()));
      while (!accumulators.isEmpty()) {
        ReportAccumulator next = accumulators.remove(g.nextInt(accumulators.size()));
        if (g.chance(50)) {
          merged.addAll(next);
        } else {
          next.addAll(merged);
          merged = next;
        }
      }
      Report report = merged.report();
      assertThat(report.callsOutsidePeriod()).isEqualTo(whole.callsOutsidePeriod());
      assertThat(report.rows()).isEqualTo(whole.rows());

      // Adding more after a merge, and merging an accumulator into itself (every count doubles).
      ReportAccumulator twice = spec.newAccumulator();
      twice.addAll(calls.subList(0, calls.size() / 2));
      twice.addAll(twice);
      twice.addAll(calls.subList(calls.size() / 2, calls.size()));
      twice.addAll(calls.subList(calls.size() / 2, calls.size()));
      List<Call> doubled = new ArrayList<>(calls);
      doubled.addAll(calls);
      assertThat(twice.report().rows()).as("self-merge").isEqualTo(spec.report(doubled).rows());
    });
  }
}
