package io.github.callmetrics.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.report.Dimension;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffingFromReportTest {
  @Test
  void requiredAgentsPerIntervalNextToTheMeasuredServiceLevel() {
    // 09:00-09:30: 100 calls of 180 s (10 Erlangs), 60 answered within 20 s: Call Centre Helper's example
    // needs 14 agents for 80/20. 09:30-10:00: no calls, 0 agents.
    Instant nine = Instant.parse("2026-03-16T09:00:00Z");
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Instant arrived = nine.plusSeconds(i * 18L);
      long wait = i < 60 ? 5 : 45;
      calls.add(Call.answered("c" + i, "sales", arrived, arrived.plusSeconds(wait)).withHandleTime(Duration.ofSeconds(180)));
    }
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), IntervalLength.MINUTES_30);
    Report report = ReportSpec.builder(grid).groupBy(Dimension.INTERVAL).build().report(calls);
    List<IntervalWorkload> workloads = IntervalWorkload.of(report, 0, Duration.ofMinutes(3));
    assertThat(workloads).hasSize(48);
    IntervalWorkload busy = workloads.get(18);
    assertThat(busy.start()).isEqualTo(nine);
    assertThat(busy.offeredCalls()).isEqualTo(100);
    assertThat(busy.averageHandleTime()).isEqualTo(Duration.ofSeconds(180));
    assertThat(busy.actualServiceLevel()).isEqualTo(Ratio.of(60, 100));
    List<IntervalStaffing> plan = Staffing.perInterval(workloads, ServiceLevelDefinition.standard());
    assertThat(plan.get(18).trafficErlangs()).isEqualTo(10.0);
    assertThat(plan.get(18).requiredAgents()).isEqualTo(14);
    assertThat(plan.get(19).requiredAgents()).isZero();
    assertThat(plan.get(18).actualTargetStatus()).hasToString("MISSED");
  }

  @Test
  void rowsWithoutAnIntervalAreRejected() {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), IntervalLength.DAY);
    Report report = ReportSpec.builder(grid).groupBy(Dimension.QUEUE).queues("sales").build().report(List.of());
    assertThatThrownBy(() -> IntervalWorkload.of(report, 0, Duration.ofMinutes(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not for one interval (expected a report grouped by interval)");
  }
}
