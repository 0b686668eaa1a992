package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportKey;
import io.github.callmetrics.report.ReportRow;
import io.github.callmetrics.report.ReportSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A generated day fed as events gives exactly the batch report of the same calls, under every attribution. */
class LiveMonitorBatchAgreementTest {
  private static final Instant CUT = GeneratedDay.DAY.atTime(23, 50).atZone(GeneratedDay.AMSTERDAM).toInstant();

  static ReportSpec spec(Attribution attribution) {
    return ReportSpec.builder(IntervalGrid.ofDay(GeneratedDay.DAY, GeneratedDay.AMSTERDAM, IntervalLength.MINUTES_15))
        .attribution(attribution)
        .definitions(ServiceLevelDefinition.standard(), Preset.ASTERISK_SL2.definition(),
            Preset.AMAZON_CONNECT.withThreshold(Duration.ofSeconds(30)),
            Preset.CISCO_UCCE_ABANDONS_IGNORED.definition().toBuilder().shortAbandonThreshold(Duration.ofSeconds(5))
                .build())
        .build();
  }

  @ParameterizedTest
  @EnumSource(Attribution.class)
  void aDayOfEventsGivesTheBatchReportRowByRow(Attribution attribution) {
    GeneratedDay day = new GeneratedDay(20260316L + attribution.ordinal(), 20_000, CUT, 3_000);
    ReportSpec spec = spec(attribution);
    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    for (GeneratedDay.Delivery d : day.deliveries) {
      assertThat(monitor.accept(d.event())).as("%s", d.event()).isTrue();
    }

    Report batch = spec.report(day.calls);
    Report live = monitor.report();
    assertThat(monitor.lateEventCount()).isZero();
    assertThat(monitor.rejectedEventCount()).isZero();
    assertThat(live.rows()).hasSize(batch.rows().size());
    for (int i = 0; i < batch.rows().size(); i++) {
      assertThat(live.rows().get(i)).as("row %d", i).isEqualTo(batch.rows().get(i));
    }
    assertThat(live.callsOutsidePeriod()).isEqualTo(batch.callsOutsidePeriod());
    assertThat(day.calls.stream().filter(c -> c.outcome() == io.github.callmetrics.call.Outcome.WAITING))
        .as("some calls still wait at the cut").isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Attribution.class)
  void snapshotsShowTheBatchCountsOfTheCallsSeenSoFar(Attribution attribution) {
    GeneratedDay day = new GeneratedDay(7L + attribution.ordinal(), 3_000, CUT, 3_000);
    ReportSpec spec = spec(attribution);
    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    Map<String, Call> seen = new HashMap<>();
    Map<String, Call> byId = new HashMap<>();
    for (Call c : day.calls) {
      byId.put(c.id(), c);
    }
    int n = 0;
    for (GeneratedDay.Delivery d : day.deliveries) {
      monitor.accept(d.event());
      Call full = byId.get(d.event().callId());
      seen.put(full.id(), d.event().kind() == CallEvent.Kind.ENTERED
          ? Call.waiting(full.id(), full.queue(), full.arrived()).withChannel(full.channel()) : full);
      if (++n % 500 == 0) {
        Report batch = spec.report(new ArrayList<>(seen.values()));
        for (LiveSnapshot s : monitor.snapshots()) {
          for (Optional<LiveFigures> f : List.of(s.currentInterval(), s.previousInterval())) {
            if (f.isPresent()) {
              ReportKey key = new ReportKey(Optional.of(s.queue()), Optional.of(s.channel()),
                  Optional.of(f.get().span()));
              ReportRow row = batch.row(key).orElseThrow();
              assertThat(f.get().counts()).as("%s at %s", key, s.at()).isEqualTo(row.counts());
              if (s.waitingNow() == 0) {
                assertThat(f.get().figures()).isEqualTo(row.figures());
              }
            }
          }
        }
      }
    }
  }
}
