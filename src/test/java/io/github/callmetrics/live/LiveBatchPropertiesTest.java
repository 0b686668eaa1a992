package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.report.Dimension;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportKey;
import io.github.callmetrics.report.ReportRow;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.testing.Generators;
import io.github.callmetrics.testing.PropertyRunner;
import io.github.callmetrics.testing.Scene;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A {@link LiveMonitor} fed the events of random calls gives the batch report of the same calls
 * ({@link PropertyRunner}): for every spec (grid, attribution, dimensions, definitions), events delivered out of
 * order within the late tolerance, calls still waiting at the end; row by row, and in every snapshot's closed and
 * current interval and sliding window.
 */
class LiveBatchPropertiesTest {
  /** One event and the order it is delivered in: its instant plus a jitter, never before its call's entry. */
  private record Delivery(CallEvent event, Instant key, int seq) {}

  private static List<Delivery> deliveries(Generators g, List<Call> calls, Duration tolerance) {
    List<Delivery> out = new ArrayList<>();
    int seq = 0;
    for (Call call : calls) {
      Instant entered = call.arrived().plusNanos(g.nextLong(tolerance.toNanos() + 1));
      out.add(new Delivery(CallEvent.entered(call.queue(), call.id(), call.channel(), call.arrived()), entered, seq++));
      if (call.outcome() == Outcome.WAITING) {
        continue;
      }
      Instant at = call.outcomeAt().orElseThrow();
      CallEvent outcome = call.outcome() == Outcome.ANSWERED ? CallEvent.answered(call.queue(), call.id(), at)
          : call.outcome() == Outcome.ABANDONED ? CallEvent.abandoned(call.queue(), call.id(), at)
          : CallEvent.leftUnanswered(call.queue(), call.id(), at, call.flowOutReason().orElseThrow());
      Instant key = at.plusNanos(g.nextLong(tolerance.toNanos() + 1));
      out.add(new Delivery(outcome, key.isBefore(entered) ? entered : key, seq++));
    }
    out.sort(Comparator.comparing(Delivery::key).thenComparingInt(Delivery::seq));
    return out;
  }

  /** The call as its events describe it: events carry no handle time. */
  private static Call asEvents(Call c) {
    Call call;
    switch (c.outcome()) {
      case ANSWERED:
        call = Call.answered(c.id(), c.queue(), c.arrived(), c.outcomeAt().orElseThrow());
        break;
      case ABANDONED:
        call = Call.abandoned(c.id(), c.queue(), c.arrived(), c.outcomeAt().orElseThrow());
        break;
      case LEFT_UNANSWERED:
        call = Call.leftUnanswered(c.id(), c.queue(), c.arrived(), c.outcomeAt().orElseThrow(),
            c.flowOutReason().orElseThrow());
        break;
      default:
        call = Call.waiting(c.id(), c.queue(), c.arrived());
        break;
    }
    return call.withChannel(c.channel());
  }

  @Test
  void aMonitorFedTheEventsGivesTheBatchReport() {
    PropertyRunner.forAll(1_000, g -> {
      Scene scene = g.scene();
      ReportSpec spec = g.note("spec", g.spec(scene));
      Instant start = spec.grid().period().start();
      List<Call> calls = new ArrayList<>();
      for (Call c : g.calls(scene, g.size(60))) {
        if (!c.arrived().isBefore(start)) { // an event before the period's start would be late
          calls.add(asEvents(c));
        }
      }
      g.note("calls", calls);
      Duration tolerance = g.note("late tolerance", g.pick(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(2)));
      Duration window = g.note("window", Duration.ofSeconds(g.pick(1, 60, 900, 1_800, 3_600, 1 + g.nextInt(7_200))));
      LiveMonitor monitor = LiveMonitor.builder(spec).lateTolerance(tolerance).window(window).build();
      for (Delivery d : deliveries(g, calls, tolerance)) {
        assertThat(monitor.accept(d.event())).as("%s accepted; rejected %s, late %s", d.event(),
            monitor.rejectedEvents(), monitor.lateEvents()).isTrue();
      }
      assertThat(monitor.lateEventCount()).isZero();
      assertThat(monitor.rejectedEventCount()).isZero();

      Report batch = spec.report(calls);
      Report live = monitor.report();
      assertThat(live.callsOutsidePeriod()).isEqualTo(batch.callsOutsidePeriod());
      assertThat(live.rows()).hasSameSizeAs(batch.rows());
      List<ReportRow> liveRows = new ArrayList<>(live.rows());
      List<ReportRow> batchRows = new ArrayList<>(batch.rows());
      for (int i = 0; i < batchRows.size(); i++) {
        assertThat(liveRows.get(i)).as("row %d", i).isEqualTo(batchRows.get(i));
      }

      // Every snapshot's intervals show the batch counts of their row; the window, the calls that ended in it.
      Report cells = spec.toBuilder().groupBy(Dimension.values()).build().report(calls);
      for (LiveSnapshot s : monitor.snapshots()) {
        for (Optional<LiveFigures> f : List.of(s.previousInterval(), s.currentInterval())) {
          if (f.isPresent()) {
            ReportKey key = new ReportKey(Optional.of(s.queue()), Optional.of(s.channel()), Optional.of(f.get().span()));
            TallySnapshot expected = cells.row(key).map(ReportRow::counts).orElse(TallySnapshot.empty());
            assertThat(f.get().counts()).as("%s at %s", key, s.at()).isEqualTo(expected);
            if (s.waitingNow() == 0) {
              assertThat(f.get().figures()).as("figures of %s", key)
                  .isEqualTo(cells.row(key).map(ReportRow::figures).orElse(f.get().figures()));
            }
          }
        }
        long now = s.at().getEpochSecond();
        List<Call> endedInWindow = new ArrayList<>();
        for (Call c : calls) {
          if (c.queue().equals(s.queue()) && c.channel() == s.channel() && c.outcomeAt().isPresent()) {
            long second = c.outcomeAt().get().getEpochSecond();
            if (second > now - window.getSeconds() && second <= now) {
              endedInWindow.add(c);
            }
          }
        }
        assertThat(s.window().counts()).as("window of %s %s at %s", s.queue(), s.channel(), s.at())
            .isEqualTo(TallySnapshot.of(endedInWindow));
        assertThat(s.waitingNow()).isEqualTo(calls.stream().filter(c -> c.outcome() == Outcome.WAITING
            && c.queue().equals(s.queue()) && c.channel() == s.channel()).count());
      }
    });
  }
}
