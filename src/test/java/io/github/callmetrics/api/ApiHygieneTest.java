package io.github.callmetrics.api;

import com.google.common.testing.NullPointerTester;
import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.AverageDuration;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.ServiceLevelCounts;
import io.github.callmetrics.metrics.WaitPercentiles;
import io.github.callmetrics.report.ReportFormat;
import io.github.callmetrics.report.ReportKey;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.Test;

/** Every public method rejects null with a NullPointerException, and value types have lawful equals. */
class ApiHygieneTest {
  private static final Instant T = Instant.parse("2026-03-16T08:00:00Z");

  private static NullPointerTester tester() {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), IntervalLength.MINUTES_15);
    return new NullPointerTester()
        .setDefault(Instant.class, T)
        .setDefault(Duration.class, Duration.ofSeconds(20))
        .setDefault(String.class, "q")
        .setDefault(LocalDate.class, LocalDate.of(2026, 3, 16))
        .setDefault(java.time.YearMonth.class, java.time.YearMonth.of(2026, 3))
        .setDefault(ZoneId.class, ZoneId.of("UTC"))
        .setDefault(IntervalGrid.class, grid)
        .setDefault(ServiceLevelDefinition.class, ServiceLevelDefinition.standard())
        .setDefault(TallySnapshot.class, TallySnapshot.empty())
        .setDefault(WaitDistribution.class, WaitDistribution.empty())
        .setDefault(Call.class, Call.answered("id", "q", T, T.plusSeconds(5)))
        .setDefault(FlowOutReason.class, FlowOutReason.TIMEOUT)
        .setDefault(MeasurementInterval.class, MeasurementInterval.of(T, T.plusSeconds(900)));
  }

  @Test
  void everyPublicMethodRejectsNull() {
    NullPointerTester tester = tester();
    for (Class<?> type : List.of(Call.class, ServiceLevelDefinition.class, Preset.class, CallTally.class,
        TallySnapshot.class, WaitDistribution.class, Metrics.class, MetricsSummary.class, Ratio.class,
        AverageDuration.class, ServiceLevelCounts.class, WaitPercentiles.class, IntervalGrid.class,
        MeasurementInterval.class, IntervalLength.class, ReportSpec.class, ReportFormat.class, ReportKey.class)) {
      tester.testAllPublicStaticMethods(type);
    }
    tester.testAllPublicInstanceMethods(Call.answered("id", "q", T, T.plusSeconds(5)));
    tester.testAllPublicInstanceMethods(ServiceLevelDefinition.standard());
    tester.testAllPublicInstanceMethods(ServiceLevelDefinition.builder());
    tester.testAllPublicInstanceMethods(new CallTally());
    tester.testAllPublicInstanceMethods(TallySnapshot.empty());
    tester.testAllPublicInstanceMethods(WaitDistribution.of(1, 2, 3));
    tester.testAllPublicInstanceMethods(Ratio.of(1, 2));
    tester.testAllPublicInstanceMethods(MeasurementInterval.of(T, T.plusSeconds(60)));
    tester.testAllPublicInstanceMethods(IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), IntervalLength.MINUTES_15));
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), IntervalLength.DAY)).build();
    tester.testAllPublicInstanceMethods(spec);
    tester.testAllPublicInstanceMethods(spec.newAccumulator());
    tester.testAllPublicInstanceMethods(spec.report(List.of()));
  }

  @Test
  void valueTypesHaveLawfulEquals() {
    EqualsVerifier.forClass(Ratio.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(AverageDuration.class).verify();
    EqualsVerifier.forClass(MeasurementInterval.class).verify();
    EqualsVerifier.forClass(Call.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(WaitDistribution.class).suppress(Warning.NULL_FIELDS).verify();
    EqualsVerifier.forClass(IntervalGrid.class).suppress(Warning.NULL_FIELDS, Warning.ALL_FIELDS_SHOULD_BE_USED).verify();
  }
}
