package io.github.callmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.live.LiveSnapshot;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Waits with fractions of a second (sources with millisecond instants) against whole-second thresholds, at the
 * source's resolution and in whole seconds, by hand; the batch report and the live monitor count them as
 * {@link Metrics} does.
 */
class WaitResolutionTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  private static Call answered(String id, long millis) {
    return Call.answered(id, "q", T0, T0.plusMillis(millis));
  }

  private static Call abandoned(String id, long millis) {
    return Call.abandoned(id, "q", T0, T0.plusMillis(millis));
  }

  private static ServiceLevelDefinition definition(ServiceLevelFormula formula, ThresholdBoundary boundary,
      WaitResolution resolution) {
    return ServiceLevelDefinition.builder().formula(formula).boundary(boundary).waitResolution(resolution).build();
  }

  /** The batch report (one day, one row per queue) and the live monitor fed the same calls as events. */
  private static void reportAndLiveAgreeWithMetrics(List<Call> calls, ServiceLevelDefinition d) {
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(T0.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC,
        IntervalLength.DAY)).definitions(d).build();
    MetricsSummary expected = MetricsSummary.of(TallySnapshot.of(calls), d);
    Report batch = spec.report(calls);
    assertThat(batch.total().figures(0)).isEqualTo(expected);
    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    List<Call> byEnd = new ArrayList<>(calls);
    byEnd.sort((a, b) -> a.outcomeAt().orElseThrow().compareTo(b.outcomeAt().orElseThrow()));
    for (Call c : calls) {
      assertThat(monitor.entered(c.queue(), c.id(), Channel.VOICE, c.arrived())).isTrue();
    }
    for (Call c : byEnd) {
      Instant at = c.outcomeAt().orElseThrow();
      boolean accepted = c.outcome() == io.github.callmetrics.call.Outcome.ANSWERED
          ? monitor.answered(c.queue(), c.id(), at) : monitor.abandoned(c.queue(), c.id(), at);
      assertThat(accepted).isTrue();
    }
    assertThat(monitor.report().total().figures(0)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}, {1}: {2} of 4 within 20 s")
  @CsvSource({"INCLUSIVE, SOURCE, 2", "INCLUSIVE, WHOLE_SECONDS, 4", "STRICT, SOURCE, 1", "STRICT, WHOLE_SECONDS, 1"})
  void waitsAroundTheThresholdAreWithinAsTheResolutionSays(ThresholdBoundary boundary, WaitResolution resolution,
      long within) {
    // 19.999 s and 20.000 s are at most 20 s; 20.001 s and 20.9 s are over it, but truncate to 20 s.
    List<Call> calls = List.of(answered("a", 19_999), answered("b", 20_000), answered("c", 20_001),
        answered("d", 20_900));
    ServiceLevelDefinition d = definition(ServiceLevelFormula.ANSWERED_ONLY, boundary, resolution);
    TallySnapshot s = TallySnapshot.of(calls);
    assertThat(ServiceLevelCounts.of(s, d).answeredWithinThreshold()).isEqualTo(within);
    assertThat(Metrics.serviceLevel(s, d)).isEqualTo(Ratio.of(within, 4));
    assertThat(s.answeredWaits().countWithin(20, boundary, resolution)).isEqualTo(within);
    assertThat(s.answeredWaits().notWithin(20, boundary, resolution).count()).isEqualTo(4 - within);
    reportAndLiveAgreeWithMetrics(calls, d);
  }

  @ParameterizedTest(name = "{0}, {1}: {2} of 5 abandons short")
  @CsvSource({"INCLUSIVE, SOURCE, 2", "INCLUSIVE, WHOLE_SECONDS, 4", "STRICT, SOURCE, 1", "STRICT, WHOLE_SECONDS, 1"})
  void shortAbandonsAtFractionalWaits(ThresholdBoundary boundary, WaitResolution resolution, long shortAbandons) {
    // S = 5 s, T = 20 s; one call answered after 10 s; abandons after 4.5, 5.0, 5.001, 5.999 and 6.0 s.
    List<Call> calls = List.of(answered("a", 10_000), abandoned("b1", 4_500), abandoned("b2", 5_000),
        abandoned("b3", 5_001), abandoned("b4", 5_999), abandoned("b5", 6_000));
    ServiceLevelDefinition d = definition(ServiceLevelFormula.SHORT_ABANDONS_IGNORED, boundary, resolution)
        .toBuilder().shortAbandonThreshold(Duration.ofSeconds(5)).build();
    TallySnapshot s = TallySnapshot.of(calls);
    assertThat(ServiceLevelCounts.of(s, d).shortAbandons()).isEqualTo(shortAbandons);
    // A_T / (O − B_S) = 1 / (6 − B_S)
    assertThat(Metrics.serviceLevel(s, d)).isEqualTo(Ratio.of(1, 6 - shortAbandons));
    reportAndLiveAgreeWithMetrics(calls, d);

    // Cisco UCCE removes them from every count: B = 5 − B_S, and the same calls are excluded.
    ServiceLevelDefinition removing = d.toBuilder().removeShortAbandonsFromAllCounts(true).build();
    assertThat(ServiceLevelCounts.of(s, removing))
        .isEqualTo(new ServiceLevelCounts(6 - shortAbandons, 1, 1, 5 - shortAbandons, 5 - shortAbandons, 0, 0, 0,
            shortAbandons));
    reportAndLiveAgreeWithMetrics(calls, removing);
  }

  @Test
  void percentilesOfFractionalWaitsAreTheirWholeSecondsExactly() {
    WaitDistribution w = TallySnapshot.of(List.of(answered("a", 10_200), answered("b", 10_700), answered("c", 11_000),
        answered("d", 11_500), answered("e", 30_900))).answeredWaits();
    // Nearest rank on 10.2, 10.7, 11.0, 11.5, 30.9 s, truncated: the same as on 10, 10, 11, 11, 30 s.
    assertThat(w.percentile(20)).contains(Duration.ofSeconds(10)); // rank 1
    assertThat(w.percentile(50)).contains(Duration.ofSeconds(11)); // rank 3: 11.0 s
    assertThat(w.percentile(80)).contains(Duration.ofSeconds(11)); // rank 4: 11.5 s
    assertThat(w.percentile(100)).contains(Duration.ofSeconds(30)); // 30.9 s
    WaitDistribution truncated = WaitDistribution.of(10, 10, 11, 11, 30);
    for (double p : new double[] {1, 20, 40, 41, 50, 60, 80, 81, 90, 95, 99, 100}) {
      assertThat(w.percentile(p)).as("p%s", p).isEqualTo(truncated.percentile(p));
    }
    assertThat(w.max()).contains(Duration.ofSeconds(30));
    assertThat(w.totalSeconds()).isEqualTo(10 + 10 + 11 + 11 + 30);
    assertThat(w.countAt(10)).isEqualTo(2);
    assertThat(w.countAt(11)).isEqualTo(2);
    assertThat(w.countAtMost(10)).isZero();
    assertThat(w.countAtMost(11)).isEqualTo(3);
    assertThat(w.longerThan(11).count()).isEqualTo(2);
    assertThat(w.notWithin(11, ThresholdBoundary.INCLUSIVE, WaitResolution.WHOLE_SECONDS).count()).isEqualTo(1);
    assertThat(w).hasToString("WaitDistribution{(10,11)s×2, 11s×1, (11,12)s×1, (30,31)s×1}");
    assertThat(w).isNotEqualTo(truncated);
  }

  @Test
  void asteriskPresetsTruncateAndTheOthersDoNot() {
    for (Preset p : Preset.values()) {
      boolean asterisk = p == Preset.ASTERISK_SL || p == Preset.ASTERISK_SL2;
      assertThat(p.definition().waitResolution()).as("%s", p)
          .isEqualTo(asterisk ? WaitResolution.WHOLE_SECONDS : WaitResolution.SOURCE);
    }
    assertThat(ServiceLevelDefinition.standard().waitResolution()).isEqualTo(WaitResolution.SOURCE);
    TallySnapshot s = TallySnapshot.of(List.of(answered("a", 20_900)));
    assertThat(Metrics.serviceLevel(s, Preset.ASTERISK_SL.definition())).isEqualTo(Ratio.of(1, 1));
    assertThat(Metrics.serviceLevel(s, ServiceLevelDefinition.standard())).isEqualTo(Ratio.of(0, 1));
    assertThat(WaitResolution.parse("whole-seconds")).isEqualTo(WaitResolution.WHOLE_SECONDS);
    assertThat(WaitResolution.parse(" Source ")).isEqualTo(WaitResolution.SOURCE);
  }

  @Test
  void aWaitingCallIsOverTheThresholdAsItsDefinitionCounts() {
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(T0.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC,
        IntervalLength.MINUTES_60)).definitions(ServiceLevelDefinition.standard(), Preset.ASTERISK_SL.definition()).build();
    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    monitor.entered("q", "w", Channel.VOICE, T0);
    monitor.advanceTo(T0.plusMillis(20_500));
    LiveSnapshot at = monitor.snapshot("q", Channel.VOICE);
    // 20.5 s is over 20 s at the source's resolution, and 20 s (within) in whole seconds.
    assertThat(at.thresholds().get(0).overThreshold()).isEqualTo(1);
    assertThat(at.thresholds().get(1).overThreshold()).isZero();
    // The wallboard's figures count it answered now where it is over: 0/1 under the default, 1/1 under Asterisk SL.
    assertThat(at.window().figures(0).serviceLevel()).isEqualTo(Ratio.of(0, 1));
    assertThat(at.window().figures(1).serviceLevel()).isEqualTo(Ratio.of(0, 0));
    assertThat(at.oldestWaiting().orElseThrow().waited()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void onRandomMillisecondCallsTheResolutionsDifferByTheWaitsJustOverTheThreshold() {
    // A random day of a source with millisecond instants: waits exponential with a mean of 25 s.
    SplittableRandom random = new SplittableRandom(20_261_207L);
    List<Call> calls = new ArrayList<>();
    long justOver = 0; // answered after more than 20 s and less than 21 s
    long withinExactly = 0;
    for (int i = 0; i < 20_000; i++) {
      long millis = (long) (-25_000 * Math.log(1 - random.nextDouble()));
      Instant arrived = T0.plusMillis(random.nextLong(36_000_000));
      if (random.nextInt(10) < 8) {
        calls.add(Call.answered("c" + i, "q", arrived, arrived.plusMillis(millis)));
        withinExactly += millis <= 20_000 ? 1 : 0;
        justOver += millis > 20_000 && millis < 21_000 ? 1 : 0;
      } else {
        calls.add(Call.abandoned("c" + i, "q", arrived, arrived.plusMillis(millis)));
      }
    }
    TallySnapshot s = TallySnapshot.of(calls);
    ServiceLevelDefinition source = ServiceLevelDefinition.standard();
    ServiceLevelDefinition whole = source.toBuilder().waitResolution(WaitResolution.WHOLE_SECONDS).build();
    assertThat(justOver).as("calls answered in (20, 21) s").isGreaterThan(100);
    assertThat(Metrics.serviceLevel(s, source)).isEqualTo(Ratio.of(withinExactly, calls.size()));
    assertThat(Metrics.serviceLevel(s, whole)).isEqualTo(Ratio.of(withinExactly + justOver, calls.size()));
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(T0.atZone(ZoneOffset.UTC).toLocalDate(), ZoneOffset.UTC,
        IntervalLength.MINUTES_15)).definitions(source, whole).build();
    Report report = spec.report(calls);
    assertThat(report.total().figures(0)).isEqualTo(MetricsSummary.of(s, source));
    assertThat(report.total().figures(1)).isEqualTo(MetricsSummary.of(s, whole));
  }
}
