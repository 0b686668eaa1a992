package io.github.callmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.csv.CsvCallReader;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.read.CollectedRead;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportFormat;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.staffing.ErlangC;
import io.github.callmetrics.staffing.Staffing;
import io.github.callmetrics.staffing.StaffingTarget;
import io.github.callmetrics.staffing.Workload;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tour of the main entry points with hand-checked values, the sample file included (the README's quick start
 * before it became one complete file; that file is compiled and run by {@link ReadmeQuickStartTest}).
 */
class QuickStartTest {
  @Test
  void quickStart() throws IOException {
    Instant t = Instant.parse("2026-03-16T08:00:00Z");
    List<Call> calls = List.of(
        Call.answered("c1", "sales", t, t.plusSeconds(12)).withHandleTime(Duration.ofSeconds(180)),
        Call.answered("c2", "sales", t.plusSeconds(60), t.plusSeconds(95)),
        Call.abandoned("c3", "sales", t.plusSeconds(90), t.plusSeconds(98)),
        Call.leftUnanswered("c4", "sales", t.plusSeconds(120), t.plusSeconds(420), FlowOutReason.TIMEOUT)
            .withChannel(Channel.VOICE));

    TallySnapshot counts = calls.stream().collect(CallTally.toSnapshot());

    Ratio sl = Metrics.serviceLevel(counts, ServiceLevelDefinition.standard());   // A_T / O, T = 20 s
    System.out.println(sl);                                                        // 1/4 (25.0%)
    Ratio sl2 = Metrics.serviceLevel(counts, Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(20)));
    System.out.println(sl2);                                                       // 2/4 (50.0%)
    MetricsSummary all = MetricsSummary.of(counts, ServiceLevelDefinition.standard());
    System.out.println(all.averageSpeedOfAnswer());                               // 23.5 s (47 s over 2)

    IntervalGrid days = IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("Europe/Amsterdam"),
        IntervalLength.MINUTES_15);
    Report report = ReportSpec.builder(days).build().report(calls);
    String table = ReportFormat.TEXT.format(report.rollUp(IntervalLength.MINUTES_60));

    IntervalGrid autumn = IntervalGrid.of(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 11, 2),
        ZoneId.of("Europe/Amsterdam"), IntervalLength.MINUTES_15);
    CollectedRead<Report> read = CsvCallReader.of(ReadMode.STRICT).withoutDuplicateIdCheck()
        .collect(Path.of("src/sample/calls.csv"), ReportSpec.builder(autumn).build().collector());
    assertThat(read.value().total().counts().arrivals()).isEqualTo(28928);
    assertThat(read.report().callCount()).isEqualTo(58186);

    Workload load = Workload.of(100, Duration.ofMinutes(30), Duration.ofSeconds(180));       // 10 Erlangs
    int agents = Staffing.agentsFor(load, StaffingTarget.serviceLevel(0.80, Duration.ofSeconds(20)));  // 14
    ErlangC c = ErlangC.of(load, agents);
    assertThat(agents).isEqualTo(14);
    assertThat(c.serviceLevel(Duration.ofSeconds(20)).getAsDouble()).isBetween(0.88835, 0.88836);

    assertThat(sl).hasToString("1/4 (25.0%)");
    assertThat(sl2).hasToString("2/4 (50.0%)");
    assertThat(all.averageSpeedOfAnswer()).hasToString("23.5 s (47 s over 2)");
    assertThat(all.abandonmentRate()).hasToString("1/4 (25.0%)");
    assertThat(report.rows()).hasSize(96);
    assertThat(table).contains("sales  voice    2026-03-16 09:00+01:00      4         2          1          1   25.0%    25.0%  23.5 s");
    assertThat(report.rollUp(IntervalLength.MINUTES_60).rows().get(9).figures(0).serviceLevel()).isEqualTo(sl);
  }
}
