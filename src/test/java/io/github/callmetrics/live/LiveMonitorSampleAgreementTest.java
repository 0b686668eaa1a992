package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.sample.SampleCallGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped sample (58,186 calls, both 2026 daylight-saving days) fed as events equals its batch report. */
class LiveMonitorSampleAgreementTest {
  private record Timed(Instant at, int order, CallEvent event) {}

  private static Call withoutHandleTime(Call c) {
    Instant at = c.outcomeAt().orElseThrow();
    Call bare = switch (c.outcome()) {
      case ANSWERED -> Call.answered(c.id(), c.queue(), c.arrived(), at);
      case ABANDONED -> Call.abandoned(c.id(), c.queue(), c.arrived(), at);
      default -> Call.leftUnanswered(c.id(), c.queue(), c.arrived(), at, c.flowOutReason().orElseThrow());
    };
    return bare.withChannel(c.channel());
  }

  @ParameterizedTest
  @EnumSource(Attribution.class)
  void theSampleFedAsEventsGivesTheBatchReportInEveryInterval(Attribution attribution) {
    List<Call> calls = SampleCallGenerator.calls();
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 11, 2),
        ZoneId.of("Europe/Amsterdam"), IntervalLength.MINUTES_15);
    ReportSpec spec = ReportSpec.builder(grid).attribution(attribution)
        .definitions(ServiceLevelDefinition.standard(), Preset.ASTERISK_SL2.definition()).build();

    List<Timed> events = new ArrayList<>();
    for (Call call : calls) {
      events.add(new Timed(call.arrived(), 0,
          CallEvent.entered(call.queue(), call.id(), call.channel(), call.arrived())));
      Instant at = call.outcomeAt().orElseThrow();
      CallEvent outcome = switch (call.outcome()) {
        case ANSWERED -> CallEvent.answered(call.queue(), call.id(), at);
        case ABANDONED -> CallEvent.abandoned(call.queue(), call.id(), at);
        default -> CallEvent.leftUnanswered(call.queue(), call.id(), at, call.flowOutReason().orElseThrow());
      };
      events.add(new Timed(at, 1, outcome));
    }
    events.sort(Comparator.comparing(Timed::at).thenComparingInt(Timed::order));

    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    for (Timed t : events) {
      assertThat(monitor.accept(t.event())).as("%s", t.event()).isTrue();
    }
    Report live = monitor.report();
    // The event model carries no handle time (it is known only after the call, not at its answer), so the
    // batch side counts the same calls without one.
    Report batch = spec.report(calls.stream().map(LiveMonitorSampleAgreementTest::withoutHandleTime).toList());
    assertThat(monitor.lateEventCount()).isZero();
    assertThat(monitor.rejectedEventCount()).isZero();
    assertThat(live.rows()).hasSameSizeAs(batch.rows()).hasSize(5 * grid.size());
    for (int i = 0; i < batch.rows().size(); i++) {
      assertThat(live.rows().get(i)).as("row %d", i).isEqualTo(batch.rows().get(i));
    }
    assertThat(live.total().counts().arrivals()).isEqualTo(58_186);
  }
}
