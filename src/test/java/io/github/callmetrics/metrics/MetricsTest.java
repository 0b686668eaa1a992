package io.github.callmetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.testing.Calls;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The figures of docs/metrics.md on the worked example used there. */
class MetricsTest {
  private static final Instant T0 = Calls.T0;
  /** T = 20 s, S = 5 s, A_T / O, flow-outs offered, target 0.80. */
  private static final ServiceLevelDefinition DEFINITION = ServiceLevelDefinition.builder()
      .shortAbandonThreshold(Duration.ofSeconds(5)).build();

  /**
   * The worked example of docs/metrics.md: 10 calls.
   * Answered after 0, 6, 12, 15, 18, 22, 40 s with handle times 180, 240, 300, 200, 150, 420, 330 s;
   * abandoned after 3, 9, 47 s.
   */
  static TallySnapshot example() {
    long[] waits = {0, 6, 12, 15, 18, 22, 40};
    long[] handle = {180, 240, 300, 200, 150, 420, 330};
    Calls calls = Calls.builder();
    for (int i = 0; i < waits.length; i++) {
      Instant arrived = T0.plusSeconds(60L * i);
      calls.add(Call.answered("a" + i, "sales", arrived, arrived.plusSeconds(waits[i]))
          .withHandleTime(Duration.ofSeconds(handle[i])));
    }
    return calls.abandoned(3, 9, 47).snapshot();
  }

  @Test
  void workedExample() {
    TallySnapshot s = example();
    // O = 7 + 3 = 10; A_T = 5 (0, 6, 12, 15, 18 s); B_T = 2 (3, 9 s); B_S = 1 (3 s).
    assertThat(ServiceLevelCounts.of(s, DEFINITION)).isEqualTo(new ServiceLevelCounts(10, 7, 5, 3, 2, 1, 0, 0, 0));
    // service level A_T / O = 5/10 = 50.0%, below the 0.80 target
    assertThat(Metrics.serviceLevel(s, DEFINITION)).isEqualTo(Ratio.of(5, 10));
    assertThat(Metrics.targetStatus(s, DEFINITION)).isEqualTo(TargetStatus.MISSED);
    // abandonment rate B / O = 3/10 = 30.0%
    assertThat(Metrics.abandonmentRate(s, DEFINITION)).isEqualTo(Ratio.of(3, 10));
    // short abandons excluded: (3 - 1)/(10 - 1) = 2/9 = 22.2%
    Ratio excludingShort = Metrics.abandonmentRateExcludingShortAbandons(s, DEFINITION);
    assertThat(excludingShort).isEqualTo(Ratio.of(2, 9));
    assertThat(excludingShort.formatPercent(1)).isEqualTo("22.2%");
    // answer rate A / O = 7/10 = 70.0%
    assertThat(Metrics.answerRate(s, DEFINITION)).isEqualTo(Ratio.of(7, 10));
    // ASA = (0 + 6 + 12 + 15 + 18 + 22 + 40)/7 = 113/7 = 16.142857... s -> 16.1 s
    AverageDuration asa = Metrics.averageSpeedOfAnswer(s);
    assertThat(asa).isEqualTo(AverageDuration.of(Duration.ofSeconds(113), 7));
    assertThat(asa.formatSeconds(1)).isEqualTo("16.1 s");
    assertThat(asa.value()).contains(Duration.ofNanos(16_142_857_143L));
    // average time to abandon = (3 + 9 + 47)/3 = 59/3 = 19.67 s -> 19.7 s
    AverageDuration ata = Metrics.averageTimeToAbandon(s, DEFINITION);
    assertThat(ata).isEqualTo(AverageDuration.of(Duration.ofSeconds(59), 3));
    assertThat(ata.formatSeconds(1)).isEqualTo("19.7 s");
    // AHT = (180 + 240 + 300 + 200 + 150 + 420 + 330)/7 = 1820/7 = 260 s
    assertThat(Metrics.averageHandleTime(s).value()).contains(Duration.ofSeconds(260));
    // longest waits: answered 40 s, abandoned 47 s, overall 47 s; nothing flowed out
    assertThat(Metrics.longestWait(s, WaitPopulation.ANSWERED)).contains(Duration.ofSeconds(40));
    assertThat(Metrics.longestWait(s, WaitPopulation.ABANDONED)).contains(Duration.ofSeconds(47));
    assertThat(Metrics.longestWait(s, WaitPopulation.ALL)).contains(Duration.ofSeconds(47));
    assertThat(Metrics.longestWait(s, WaitPopulation.FLOWED_OUT)).isEmpty();
    // answered waits sorted 0 6 12 15 18 22 40 (n = 7): p50 rank ceil(3.5) = 4 -> 15 s; p80 ceil(5.6) = 6
    // -> 22 s; p90 ceil(6.3) = 7 -> 40 s; p95, p99 -> rank 7, 40 s.
    assertThat(WaitPercentiles.of(s.answeredWaits())).isEqualTo(new WaitPercentiles(
        secs(15), secs(22), secs(40), secs(40), secs(40)));
    // all 10 waits sorted 0 3 6 9 12 15 18 22 40 47: p90 = rank 9 -> 40 s
    assertThat(Metrics.waitPercentile(s, WaitPopulation.ALL, 90)).contains(Duration.ofSeconds(40));
    // lost opportunity: 3 abandons x 250.00 = 750.00; at 15% conversion 3 x 250.00 x 0.15 = 112.5000
    assertThat(Metrics.lostOpportunity(s, DEFINITION, new BigDecimal("250.00"))).isEqualTo("750.00");
    assertThat(Metrics.lostOpportunity(s, DEFINITION, new BigDecimal("250.00"), new BigDecimal("0.15")))
        .isEqualTo("112.5000");
  }

  @Test
  void summaryEqualsTheSingleCalculators() {
    TallySnapshot s = example();
    MetricsSummary m = MetricsSummary.of(s, DEFINITION);
    assertThat(m.definition()).isEqualTo(DEFINITION);
    assertThat(m.counts()).isEqualTo(ServiceLevelCounts.of(s, DEFINITION));
    assertThat(m.serviceLevel()).isEqualTo(Metrics.serviceLevel(s, DEFINITION));
    assertThat(m.targetStatus()).isEqualTo(Metrics.targetStatus(s, DEFINITION));
    assertThat(m.abandonmentRate()).isEqualTo(Metrics.abandonmentRate(s, DEFINITION));
    assertThat(m.abandonmentRateExcludingShortAbandons())
        .isEqualTo(Metrics.abandonmentRateExcludingShortAbandons(s, DEFINITION));
    assertThat(m.answerRate()).isEqualTo(Metrics.answerRate(s, DEFINITION));
    assertThat(m.averageSpeedOfAnswer()).isEqualTo(Metrics.averageSpeedOfAnswer(s));
    assertThat(m.averageTimeToAbandon()).isEqualTo(Metrics.averageTimeToAbandon(s, DEFINITION));
    assertThat(m.averageHandleTime()).isEqualTo(Metrics.averageHandleTime(s));
    assertThat(m.longestAnsweredWait()).isEqualTo(Metrics.longestWait(s, WaitPopulation.ANSWERED));
    assertThat(m.longestAbandonedWait()).isEqualTo(Metrics.longestAbandonWait(s, DEFINITION));
    assertThat(m.longestWait()).isEqualTo(Metrics.longestWait(s, WaitPopulation.ALL));
    assertThat(m.answeredWaitPercentiles()).isEqualTo(WaitPercentiles.of(s.answeredWaits()));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Preset.class)
  void noCallsLeaveEveryFigureUndefined(Preset preset) {
    TallySnapshot s = TallySnapshot.empty();
    ServiceLevelDefinition d = preset.definition().toBuilder().shortAbandonThreshold(Duration.ofSeconds(5)).build();
    MetricsSummary m = MetricsSummary.of(s, d);
    assertThat(m.counts()).isEqualTo(new ServiceLevelCounts(0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(m.serviceLevel()).isEqualTo(Ratio.undefined());
    assertThat(m.serviceLevel().formatPercent(1)).isEqualTo("undefined");
    assertThat(m.targetStatus()).isEqualTo(TargetStatus.UNDEFINED);
    assertThat(m.abandonmentRate().isDefined()).isFalse();
    assertThat(m.abandonmentRateExcludingShortAbandons().isDefined()).isFalse();
    assertThat(m.answerRate().isDefined()).isFalse();
    assertThat(m.averageSpeedOfAnswer().isDefined()).isFalse();
    assertThat(m.averageTimeToAbandon().isDefined()).isFalse();
    assertThat(m.averageHandleTime().isDefined()).isFalse();
    assertThat(m.averageSpeedOfAnswer().formatSeconds(1)).isEqualTo("undefined");
    assertThat(m.longestAnsweredWait()).isEmpty();
    assertThat(m.longestAbandonedWait()).isEmpty();
    assertThat(m.longestWait()).isEmpty();
    assertThat(m.answeredWaitPercentiles()).isEqualTo(new WaitPercentiles(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    for (WaitPopulation population : WaitPopulation.values()) {
      assertThat(Metrics.waitPercentile(s, population, 100)).isEmpty();
    }
    assertThat(Metrics.lostOpportunity(s, d, new BigDecimal("250.00"))).isEqualByComparingTo("0");
  }

  @Test
  void allAbandoned() {
    // 3 abandons after 2, 10, 30 s, T = 20 s: A = 0, B = 3, B_T = 2, O = 3.
    TallySnapshot s = Calls.builder().abandoned(2, 10, 30).snapshot();
    ServiceLevelDefinition d = ServiceLevelDefinition.standard();
    assertThat(Metrics.serviceLevel(s, d)).isEqualTo(Ratio.of(0, 3));                         // A_T / O
    assertThat(Metrics.serviceLevel(s, Preset.ASTERISK_SL.definition())).isEqualTo(Ratio.undefined()); // A_T / A
    assertThat(Metrics.serviceLevel(s, Preset.ASTERISK_SL2.definition())).isEqualTo(Ratio.of(2, 3)); // (0 + 2)/3
    assertThat(Metrics.serviceLevel(s, Preset.CISCO_UCCX_WITHOUT_ABANDONED.definition()))
        .isEqualTo(Ratio.of(0, 1));                                                              // 0/(3 - 2)
    assertThat(Metrics.abandonmentRate(s, d)).isEqualTo(Ratio.of(3, 3));
    assertThat(Metrics.answerRate(s, d)).isEqualTo(Ratio.of(0, 3));
    assertThat(Metrics.averageSpeedOfAnswer(s).isDefined()).isFalse();
    assertThat(Metrics.averageTimeToAbandon(s, d).value()).contains(Duration.ofSeconds(14)); // 42/3
    assertThat(Metrics.targetStatus(s, Preset.ASTERISK_SL.definition())).isEqualTo(TargetStatus.UNDEFINED);
  }

  @Test
  void abandonsAreCountedAsTheDefinitionCountsThem() {
    // 1 abandon after 4 s and 1 timeout after 30 s; Asterisk counts the timeout as an abandon.
    TallySnapshot s = Calls.builder().answered(10).abandoned(4).leftUnanswered(FlowOutReason.TIMEOUT, 30).snapshot();
    ServiceLevelDefinition asterisk = Preset.ASTERISK_SL2.definition();
    assertThat(Metrics.abandonmentRate(s, asterisk)).isEqualTo(Ratio.of(2, 3));
    assertThat(Metrics.averageTimeToAbandon(s, asterisk).value()).contains(Duration.ofSeconds(17)); // (4 + 30)/2
    assertThat(Metrics.lostOpportunity(s, asterisk, new BigDecimal("99.90"))).isEqualTo("199.80");
    // The default offers the timeout as a flow-out: 1 abandon of 3 offered.
    assertThat(Metrics.abandonmentRate(s, ServiceLevelDefinition.standard())).isEqualTo(Ratio.of(1, 3));
    assertThat(Metrics.averageTimeToAbandon(s, ServiceLevelDefinition.standard()).value())
        .contains(Duration.ofSeconds(4));
    // Longest abandoned wait is over callers who hung up only, whatever the definition.
    assertThat(Metrics.longestWait(s, WaitPopulation.ABANDONED)).contains(Duration.ofSeconds(4));
    assertThat(Metrics.longestWait(s, WaitPopulation.FLOWED_OUT)).contains(Duration.ofSeconds(30));
    // The longest abandon as the definition counts it goes with the average time to abandon.
    assertThat(Metrics.longestAbandonWait(s, asterisk)).contains(Duration.ofSeconds(30));
    assertThat(MetricsSummary.of(s, asterisk).longestAbandonedWait()).contains(Duration.ofSeconds(30));
    assertThat(Metrics.longestAbandonWait(s, ServiceLevelDefinition.standard())).contains(Duration.ofSeconds(4));
  }

  @Test
  void ciscoUcceAverageTimeToAbandonLeavesShortCallsOut() {
    // abandons after 2, 3, 10, 30 s; S = 5 s removes the first two: (10 + 30)/2 = 20 s.
    TallySnapshot s = Calls.builder().abandoned(2, 3, 10, 30).snapshot();
    ServiceLevelDefinition ucce = Preset.CISCO_UCCE_ABANDONS_NEGATIVE.definition().toBuilder()
        .shortAbandonThreshold(Duration.ofSeconds(5)).build();
    assertThat(Metrics.averageTimeToAbandon(s, ucce).value()).contains(Duration.ofSeconds(20));
    assertThat(Metrics.abandonmentRate(s, ucce)).isEqualTo(Ratio.of(2, 2));
    assertThat(Metrics.lostOpportunity(s, ucce, BigDecimal.TEN)).isEqualTo("20");
  }

  @Test
  void targetIsComparedExactly() {
    // 4 of 5 within 20 s: exactly 0.80, met; 79,999 of 100,000: prints 80.0% but misses.
    TallySnapshot met = Calls.builder().answered(1, 2, 3, 4, 25).snapshot();
    assertThat(Metrics.targetStatus(met, ServiceLevelDefinition.standard())).isEqualTo(TargetStatus.MET);
    TallySnapshot missed = Calls.builder().answeredTimes(79_999, 10).answeredTimes(20_001, 30).snapshot();
    Ratio sl = Metrics.serviceLevel(missed, ServiceLevelDefinition.standard());
    assertThat(sl.formatPercent(1)).isEqualTo("80.0%");
    assertThat(Metrics.targetStatus(missed, ServiceLevelDefinition.standard())).isEqualTo(TargetStatus.MISSED);
  }

  @Test
  void lostOpportunityRejectsNegativeValuesAndRatesOutsideZeroToOne() {
    TallySnapshot s = example();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Metrics.lostOpportunity(s, DEFINITION, new BigDecimal("-1.00")))
        .withMessage("value per call -1.00 is negative (expected zero or more)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Metrics.lostOpportunity(s, DEFINITION, BigDecimal.TEN, new BigDecimal("1.5")))
        .withMessage("conversion rate 1.5 is outside [0, 1] (expected a fraction such as 0.15)");
  }

  @Test
  void lostOpportunityOfThePublishedSalesExample() {
    // 40 abandons x 250.00 per sale x 0.15 of calls that become a sale = 1500.0000 (exact, scale 2 + 2).
    TallySnapshot s = Calls.builder().abandonedTimes(40, 30).snapshot();
    BigDecimal lost = Metrics.lostOpportunity(s, ServiceLevelDefinition.standard(), new BigDecimal("250.00"),
        new BigDecimal("0.15"));
    assertThat(lost).isEqualTo("1500.0000");
    assertThat(Metrics.lostOpportunity(s, ServiceLevelDefinition.standard(), new BigDecimal("250.00")))
        .isEqualTo("10000.00");
  }

  @Test
  void longerPeriodsSumCountsNeverAveragePercentages() {
    // Interval 1: 9 of 10 within 20 s (90%); interval 2: 1 of 2 (50%). The two together: 10/12 = 83.3%, not 70%.
    TallySnapshot first = Calls.builder().answeredTimes(9, 5).answered(60).snapshot();
    TallySnapshot second = Calls.builder().answered(5, 60).snapshot();
    Ratio day = Metrics.serviceLevel(first.plus(second), ServiceLevelDefinition.standard());
    assertThat(day).isEqualTo(Ratio.of(10, 12));
    assertThat(day.formatPercent(1)).isEqualTo("83.3%");
    // An interval with no calls adds nothing to either count.
    assertThat(Metrics.serviceLevel(first.plus(TallySnapshot.empty()), ServiceLevelDefinition.standard()))
        .isEqualTo(Ratio.of(9, 10));
  }

  private static Optional<Duration> secs(long seconds) {
    return Optional.of(Duration.ofSeconds(seconds));
  }
}
