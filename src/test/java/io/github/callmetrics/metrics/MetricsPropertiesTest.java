package io.github.callmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ThresholdBoundary;
import io.github.callmetrics.definition.WaitResolution;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import io.github.callmetrics.testing.PropertyRunner;
import io.github.callmetrics.testing.Scene;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties of every figure on random calls and random definitions ({@link PropertyRunner}): each ratio is in
 * [0, 1] or undefined and never NaN, each figure equals a count of the calls made one by one from the rules of
 * {@code docs/counts.md}, and the service level never falls when the threshold grows.
 */
class MetricsPropertiesTest {

  @Test
  void everyRatioIsInZeroToOneOrUndefinedAndNoFigureIsNaN() {
    PropertyRunner.forAll(3_000, g -> {
      Scene scene = g.scene();
      TallySnapshot counts = TallySnapshot.of(g.note("calls", g.calls(scene, g.size(60))));
      ServiceLevelDefinition d = g.note("definition", g.definition(scene));
      MetricsSummary m = MetricsSummary.of(counts, d);

      for (Ratio r : List.of(m.serviceLevel(), m.abandonmentRate(), m.abandonmentRateExcludingShortAbandons(),
          m.answerRate(), Metrics.serviceLevel(counts, d), Metrics.abandonmentRate(counts, d),
          Metrics.abandonmentRateExcludingShortAbandons(counts, d), Metrics.answerRate(counts, d))) {
        assertRatio(r);
      }
      assertThat(m.targetStatus()).isEqualTo(expectedStatus(m.serviceLevel(), d.target()))
          .isEqualTo(Metrics.targetStatus(counts, d));

      for (AverageDuration a : List.of(m.averageSpeedOfAnswer(), m.averageTimeToAbandon(), m.averageHandleTime())) {
        assertAverage(a);
      }
      assertThat(m.averageSpeedOfAnswer().isDefined()).isEqualTo(counts.answered() > 0);
      assertThat(m.averageTimeToAbandon().isDefined()).isEqualTo(m.counts().abandoned() > 0);

      assertThat(m.longestAnsweredWait()).isEqualTo(Metrics.longestWait(counts, WaitPopulation.ANSWERED));
      assertThat(m.longestAbandonedWait()).isEqualTo(Metrics.longestAbandonWait(counts, d));
      assertThat(m.longestWait()).isEqualTo(Metrics.longestWait(counts, WaitPopulation.ALL));
      WaitPercentiles p = m.answeredWaitPercentiles();
      List<Optional<Duration>> ordered = List.of(p.p50(), p.p80(), p.p90(), p.p95(), p.p99(), m.longestAnsweredWait());
      for (int i = 0; i < ordered.size(); i++) {
        assertThat(ordered.get(i).isPresent()).as("percentile %d present", i).isEqualTo(counts.answered() > 0);
        if (i > 0 && ordered.get(i).isPresent()) {
          assertThat(ordered.get(i).get()).as("percentiles ascend").isGreaterThanOrEqualTo(ordered.get(i - 1).get());
        }
      }
      for (WaitPopulation population : WaitPopulation.values()) {
        WaitDistribution waits = Metrics.waits(counts, population);
        double percent = g.pick(0.001, 1.0, 50.0, 99.999, 100.0, 1.0 + g.nextInt(99));
        Optional<Duration> pct = Metrics.waitPercentile(counts, population, percent);
        assertThat(pct.isPresent()).isEqualTo(!waits.isEmpty());
        pct.ifPresent(w -> assertThat(w).isBetween(Duration.ZERO, Metrics.longestWait(counts, population).orElseThrow()));
      }
      assertThat(Metrics.lostOpportunity(counts, d, new BigDecimal("250.00"), new BigDecimal("0.15")))
          .isEqualByComparingTo(new BigDecimal("37.5").multiply(BigDecimal.valueOf(m.counts().abandoned())));
    });
  }

  private static void assertRatio(Ratio r) {
    assertThat(r.isDefined()).isEqualTo(r.denominator() > 0);
    assertThat(r.numerator()).isBetween(0L, r.denominator());
    assertThat(r.formatPercent(1)).doesNotContain("NaN").doesNotContain("Infinity");
    if (r.isDefined()) {
      double v = r.value().getAsDouble();
      assertThat(v).isBetween(0.0, 1.0);
      assertThat(r.percent().getAsDouble()).isBetween(0.0, 100.0);
      assertThat(r.toBigDecimal(4).orElseThrow()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    } else {
      assertThat(r).isEqualTo(Ratio.undefined());
      assertThat(r.value()).isEqualTo(OptionalDouble.empty());
      assertThat(r.percent()).isEqualTo(OptionalDouble.empty());
      assertThat(r.formatPercent(1)).isEqualTo("undefined");
      assertThat(r.meets(BigDecimal.ZERO)).isEqualTo(TargetStatus.UNDEFINED);
    }
  }

  private static TargetStatus expectedStatus(Ratio sl, BigDecimal target) {
    if (!sl.isDefined()) {
      return TargetStatus.UNDEFINED;
    }
    // numerator / denominator >= target, exactly
    return new BigDecimal(sl.numerator()).compareTo(target.multiply(new BigDecimal(sl.denominator()))) >= 0
        ? TargetStatus.MET : TargetStatus.MISSED;
  }

  private static void assertAverage(AverageDuration a) {
    assertThat(a.isDefined()).isEqualTo(a.count() > 0);
    assertThat(a.total().isNegative()).isFalse();
    assertThat(a.formatSeconds(1)).doesNotContain("NaN").doesNotContain("Infinity");
    if (a.isDefined()) {
      assertThat(a.value().orElseThrow().isNegative()).isFalse();
      double s = a.seconds().getAsDouble();
      assertThat(Double.isFinite(s) && s >= 0).as("seconds %s", s).isTrue();
    } else {
      assertThat(a.value()).isEmpty();
      assertThat(a.seconds()).isEqualTo(OptionalDouble.empty());
      assertThat(a.formatSeconds(1)).isEqualTo("undefined");
    }
  }

  /** The counts of {@code docs/counts.md}, made call by call: an oracle independent of the tally's distributions. */
  record Expected(long a, long aT, long b, long bT, long bS, long f, long fT, long excluded, long answeredWaitSeconds,
      long abandonWaitSeconds, Duration handleTotal, long handleCount) {}

  /** "Within" as docs/service-level.md states it, on the exact wait or on the truncated one. */
  static boolean within(Call call, long thresholdSeconds, ServiceLevelDefinition d) {
    boolean inclusive = d.boundary() == ThresholdBoundary.INCLUSIVE;
    if (d.waitResolution() == WaitResolution.WHOLE_SECONDS) {
      return inclusive ? call.waitSeconds() <= thresholdSeconds : call.waitSeconds() < thresholdSeconds;
    }
    int c = call.waitTime().orElseThrow().compareTo(Duration.ofSeconds(thresholdSeconds));
    return inclusive ? c <= 0 : c < 0;
  }

  static Expected countOneByOne(List<Call> calls, ServiceLevelDefinition d) {
    long t = d.thresholdSeconds();
    long a = 0;
    long aT = 0;
    long b = 0;
    long bT = 0;
    long bS = 0;
    long f = 0;
    long fT = 0;
    long excluded = 0;
    long answeredWaits = 0;
    long abandonWaits = 0;
    Duration handle = Duration.ZERO;
    long handleCount = 0;
    for (Call call : calls) {
      boolean abandon = false;
      switch (call.outcome()) {
        case WAITING:
          continue;
        case ANSWERED:
          a++;
          aT += within(call, t, d) ? 1 : 0;
          answeredWaits += call.waitSeconds();
          if (call.handleTime().isPresent()) {
            handle = handle.plus(call.handleTime().get());
            handleCount++;
          }
          break;
        case ABANDONED:
          abandon = true;
          break;
        case LEFT_UNANSWERED:
          switch (d.flowOutTreatment(call.flowOutReason().orElseThrow())) {
            case ABANDONED:
              abandon = true;
              break;
            case OFFERED:
              f++;
              fT += within(call, t, d) ? 1 : 0;
              break;
            case EXCLUDED:
              excluded++;
              break;
          }
          break;
      }
      if (abandon) {
        boolean isShort = d.shortAbandonThreshold().isPresent()
            && within(call, d.shortAbandonThreshold().get().getSeconds(), d);
        if (isShort && d.removesShortAbandonsFromAllCounts()) {
          excluded++; // never offered
        } else {
          b++;
          bT += within(call, t, d) ? 1 : 0;
          bS += isShort ? 1 : 0;
          abandonWaits += call.waitSeconds();
        }
      }
    }
    return new Expected(a, aT, b, bT, bS, f, fT, excluded, answeredWaits, abandonWaits, handle, handleCount);
  }

  /** The formula table of {@code docs/service-level.md}, on the one-by-one counts. */
  static Ratio expectedServiceLevel(Expected e, ServiceLevelDefinition d) {
    long o = e.a() + e.b() + e.f();
    long met = e.aT() + (d.creditsFlowOutsWithinThreshold() ? e.fT() : 0);
    switch (d.formula()) {
      case ANSWERED_ONLY:
        return Ratio.of(e.aT(), e.a());
      case ABANDONS_COUNT_AGAINST:
        return Ratio.of(met, o);
      case ABANDONS_WITHIN_T_IGNORED:
        return Ratio.of(met, o - e.bT());
      case ABANDONS_WITHIN_T_COUNT_FOR:
        return Ratio.of(met + e.bT(), o);
      case SHORT_ABANDONS_IGNORED:
        return Ratio.of(met, o - e.bS());
      case SHORT_ABANDONS_COUNT_FOR:
        return Ratio.of(met + e.bS(), o);
      case ABANDONS_IGNORED:
        return Ratio.of(met, o - e.b());
    }
    throw new AssertionError(d.formula());
  }

  @Test
  void everyFigureEqualsACountOfTheCallsOneByOne() {
    PropertyRunner.forAll(3_000, g -> {
      Scene scene = g.scene();
      List<Call> calls = g.note("calls", g.calls(scene, g.size(60)));
      ServiceLevelDefinition d = g.note("definition", g.definition(scene));
      TallySnapshot counts = TallySnapshot.of(calls);
      Expected e = countOneByOne(calls, d);
      MetricsSummary m = MetricsSummary.of(counts, d);

      long o = e.a() + e.b() + e.f();
      assertThat(m.counts()).isEqualTo(new ServiceLevelCounts(o, e.a(), e.aT(), e.b(), e.bT(), e.bS(), e.f(), e.fT(),
          e.excluded()));
      assertThat(m.serviceLevel()).as("service level").isEqualTo(expectedServiceLevel(e, d));
      assertThat(m.abandonmentRate()).isEqualTo(Ratio.of(e.b(), o));
      assertThat(m.abandonmentRateExcludingShortAbandons()).isEqualTo(Ratio.of(e.b() - e.bS(), o - e.bS()));
      assertThat(m.answerRate()).isEqualTo(Ratio.of(e.a(), o));
      assertThat(m.averageSpeedOfAnswer()).isEqualTo(AverageDuration.of(Duration.ofSeconds(e.answeredWaitSeconds()), e.a()));
      assertThat(m.averageTimeToAbandon()).isEqualTo(AverageDuration.of(Duration.ofSeconds(e.abandonWaitSeconds()), e.b()));
      assertThat(m.averageHandleTime()).isEqualTo(AverageDuration.of(e.handleTotal(), e.handleCount()));
      assertThat(m.longestWait().map(Duration::getSeconds)).isEqualTo(calls.stream()
          .filter(c -> c.outcomeAt().isPresent()).map(Call::waitSeconds).max(Long::compare));
    });
  }

  /**
   * Every formula's service level is non-decreasing in the threshold {@code T}: as {@code T} grows, {@code A_T},
   * {@code B_T} and {@code F_T} can only grow and nothing else changes, except the denominator of
   * {@code A_T / (O − B_T)}, which can only shrink. That denominator can reach 0 (every offered call an abandon
   * within {@code T}): the service level was then 0 for smaller thresholds, and stays undefined for larger ones.
   * So: a defined value never falls, and once undefined a service level stays undefined as {@code T} grows.
   */
  @Test
  void serviceLevelNeverFallsAsTheThresholdGrows() {
    PropertyRunner.forAll(2_000, g -> {
      Scene scene = g.scene();
      List<Call> calls = g.note("calls", g.calls(scene, g.size(60)));
      ServiceLevelDefinition d = g.note("definition", g.definition(scene));
      TallySnapshot counts = TallySnapshot.of(calls);
      long lowest = d.shortAbandonThreshold().map(s -> s.getSeconds() + 1).orElse(0L); // S < T
      TreeSet<Long> thresholds = new TreeSet<>(List.of(lowest, lowest + 1, lowest + 1_000_000_000L));
      for (Call c : calls) {
        if (c.outcomeAt().isPresent()) {
          for (long w = c.waitSeconds() - 1; w <= c.waitSeconds() + 1; w++) {
            if (w >= lowest) {
              thresholds.add(w);
            }
          }
        }
      }
      List<Ratio> levels = new ArrayList<>();
      for (long t : thresholds) {
        levels.add(Metrics.serviceLevel(counts, d.withThreshold(Duration.ofSeconds(t))));
      }
      g.note("thresholds", thresholds);
      g.note("service levels", levels);
      for (int i = 1; i < levels.size(); i++) {
        Ratio before = levels.get(i - 1);
        Ratio after = levels.get(i);
        if (!before.isDefined()) {
          assertThat(after.isDefined()).as("undefined stays undefined, step %d", i).isFalse();
        } else if (after.isDefined()) {
          assertThat(compareValues(after, before)).as("%s after %s, step %d", after, before, i).isGreaterThanOrEqualTo(0);
        } else {
          assertThat(before.numerator()).as("defined then undefined only from 0, step %d", i).isZero();
        }
      }
    });
  }

  /** Compares two defined ratios by value, exactly. */
  private static int compareValues(Ratio x, Ratio y) {
    return BigInteger.valueOf(x.numerator()).multiply(BigInteger.valueOf(y.denominator()))
        .compareTo(BigInteger.valueOf(y.numerator()).multiply(BigInteger.valueOf(x.denominator())));
  }
}
