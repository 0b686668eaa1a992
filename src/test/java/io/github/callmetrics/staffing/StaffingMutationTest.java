package io.github.callmetrics.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.report.Dimension;
import io.github.callmetrics.report.ReportSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edges of the staffing solvers that mutation testing (docs/development/mutation-testing.md) found untested: each target
 * kind checked against the model's own figures (not through the solver's check), a target met exactly, the
 * ten-million-agent limit, and the validation of shrinkage and intervals.
 */
class StaffingMutationTest {
  private static final Duration AHT_3_MIN = Duration.ofMinutes(3);
  private static final Duration T20 = Duration.ofSeconds(20);
  private static final Duration PATIENCE = Duration.ofMinutes(5);
  /** Call Centre Helper's example: 100 calls in 30 minutes, AHT 180 s, 10 Erlangs. */
  private static final Workload CCH = Workload.of(100, Duration.ofMinutes(30), AHT_3_MIN);
  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void erlangCEachTargetKindGivesTheFewestAgentsThatMeetIt() {
    // Erlang C at 10 Erlangs (ErlangCTest's published table): ASA 40.4 s at 12 agents, 17.1 s at 13;
    // occupancy 10/12 = 0.833 and 10/13 = 0.769.
    assertThat(Staffing.agentsFor(CCH, StaffingTarget.averageSpeedOfAnswer(T20))).isEqualTo(13);
    assertThat(ErlangC.of(CCH, 13).averageSpeedOfAnswerSeconds().getAsDouble()).isLessThanOrEqualTo(20);
    assertThat(ErlangC.of(CCH, 12).averageSpeedOfAnswerSeconds().getAsDouble()).isGreaterThan(20);
    assertThat(Staffing.agentsFor(CCH, StaffingTarget.maxOccupancy(0.8))).isEqualTo(13);
    // Three targets at once (80/20 needs 14, the others fewer): the strictest decides.
    assertThat(Staffing.agentsFor(CCH, StaffingTarget.serviceLevel(0.8, T20), StaffingTarget.maxOccupancy(0.8),
        StaffingTarget.averageSpeedOfAnswer(T20))).isEqualTo(14);
  }

  @Test
  void erlangCTargetsMetExactlyAreMet() {
    double at14 = ErlangC.of(CCH, 14).serviceLevel(T20).getAsDouble();
    assertThat(Staffing.agentsFor(CCH, StaffingTarget.serviceLevel(at14, T20))).isEqualTo(14);
    assertThat(Staffing.agentsFor(CCH, StaffingTarget.serviceLevel(Math.nextUp(at14), T20))).isEqualTo(15);
    // 8 Erlangs on 10 agents: occupancy 8/10, the double 0.8 exactly.
    assertThat(Staffing.agentsFor(Workload.ofErlangs(8, AHT_3_MIN), StaffingTarget.maxOccupancy(0.8))).isEqualTo(10);
    // M/M/1 at A = 0.5, AHT 2 s: C = 0.5, ASA = C·AHT/(1 − A) = 2 s exactly.
    Workload half = Workload.ofErlangs(0.5, Duration.ofSeconds(2));
    assertThat(ErlangC.of(half, 1).averageSpeedOfAnswerSeconds()).hasValue(2.0);
    assertThat(Staffing.agentsFor(half, StaffingTarget.averageSpeedOfAnswer(Duration.ofSeconds(2)))).isEqualTo(1);
    assertThat(Staffing.agentsFor(half, StaffingTarget.averageSpeedOfAnswer(Duration.ofMillis(1999)))).isEqualTo(2);
  }

  @Test
  void erlangCRefusesAnAbandonmentTarget() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Staffing.agentsFor(CCH, StaffingTarget.serviceLevel(0.8, T20),
            StaffingTarget.maxAbandonment(0.05)))
        .withMessage("target MaxAbandonment[maximum=0.05] needs Erlang A (expected a patience: Erlang C callers"
            + " never abandon)");
    // The model check refuses it too rather than ignoring it.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Staffing.meetsAll(ErlangC.of(CCH, 14), List.of(StaffingTarget.maxAbandonment(0.05))))
        .withMessage("target MaxAbandonment[maximum=0.05] needs Erlang A");
  }

  @Test
  void erlangCRefusesMoreThanTenMillionAgents() {
    // 9,999,999.5 Erlangs: ten million agents are stable but answer in about 360 s on average, not 1 s.
    Workload huge = Workload.ofErlangs(9_999_999.5, AHT_3_MIN);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Staffing.agentsFor(huge, StaffingTarget.averageSpeedOfAnswer(Duration.ofSeconds(1))))
        .withMessage("targets [AverageSpeedOfAnswer[maximum=PT1S]] for 9999999.5 Erlangs, AHT PT3M need more than"
            + " 10000000 agents (expected a smaller workload or a looser target)");
    // Ten million agents themselves are allowed: an ASA of an hour is met there.
    assertThat(Staffing.agentsFor(huge, StaffingTarget.averageSpeedOfAnswer(Duration.ofHours(1))))
        .isEqualTo(Checks.MAX_AGENTS);
  }

  @Test
  void erlangAEachTargetKindGivesTheFewestAgentsThatMeetIt() {
    // Erlang A at 10 Erlangs, patience 5 min, 12 and 13 agents: SL 0.772 and 0.858, P(abandon) 0.0427 and
    // 0.0250, occupancy 0.798 and 0.750, ASA 11.9 s and 6.9 s.
    ErlangA at12 = ErlangA.of(CCH, 12, PATIENCE);
    ErlangA at13 = ErlangA.of(CCH, 13, PATIENCE);
    assertThat(Staffing.agentsFor(CCH, PATIENCE, StaffingTarget.maxAbandonment(0.03))).isEqualTo(13);
    assertThat(at13.probabilityOfAbandoning()).isLessThanOrEqualTo(0.03);
    assertThat(at12.probabilityOfAbandoning()).isGreaterThan(0.03);
    assertThat(Staffing.agentsFor(CCH, PATIENCE, StaffingTarget.maxOccupancy(0.78))).isEqualTo(13);
    assertThat(at13.occupancy()).isLessThanOrEqualTo(0.78);
    assertThat(at12.occupancy()).isGreaterThan(0.78);
    assertThat(Staffing.agentsFor(CCH, PATIENCE, StaffingTarget.averageSpeedOfAnswer(Duration.ofSeconds(10))))
        .isEqualTo(13);
    assertThat(at13.averageSpeedOfAnswerSeconds()).isLessThanOrEqualTo(10);
    assertThat(at12.averageSpeedOfAnswerSeconds()).isGreaterThan(10);
  }

  @Test
  void erlangATargetsMetExactlyAreMet() {
    ErlangA at13 = ErlangA.of(CCH, 13, PATIENCE);
    assertThat(Staffing.agentsFor(CCH, PATIENCE, StaffingTarget.serviceLevel(at13.serviceLevel(T20), T20)))
        .isEqualTo(13);
    assertThat(Staffing.agentsFor(CCH, PATIENCE, StaffingTarget.maxAbandonment(at13.probabilityOfAbandoning())))
        .isEqualTo(13);
    assertThat(Staffing.agentsFor(CCH, PATIENCE, StaffingTarget.maxOccupancy(at13.occupancy()))).isEqualTo(13);
  }

  @Test
  void erlangAAverageSpeedOfAnswerTargetMetExactlyIsMet() {
    // Time scales out of the model: with handle time and patience a million times longer, the ASA at 13
    // agents is a million times 6.914 s. At 6,913,968.306065782 s the double is a whole number of
    // nanoseconds, so a target can equal it exactly.
    Workload slow = Workload.ofErlangs(10, Duration.ofSeconds(180_000_000L));
    Duration patience = Duration.ofSeconds(300_000_000L);
    double asa = ErlangA.of(slow, 13, patience).averageSpeedOfAnswerSeconds();
    Digits.assertRelative(asa, 1e6 * ErlangA.of(CCH, 13, PATIENCE).averageSpeedOfAnswerSeconds(), 1e-12);
    Duration target = Duration.ofNanos(Math.round(asa * 1e9));
    assertThat(Workload.seconds(target)).isEqualTo(asa);
    assertThat(Staffing.agentsFor(slow, patience, StaffingTarget.averageSpeedOfAnswer(target))).isEqualTo(13);
    assertThat(Staffing.agentsFor(slow, patience, StaffingTarget.averageSpeedOfAnswer(target.minusNanos(1))))
        .isEqualTo(14);
  }

  @Test
  void erlangARefusesMoreThanTenMillionAgents() {
    // 2·10^7 Erlangs: ten million agents answer a few percent within 20 s, far from 80%.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Staffing.agentsFor(Workload.ofErlangs(2e7, AHT_3_MIN), Duration.ofMinutes(1),
            StaffingTarget.serviceLevel(0.8, T20)))
        .withMessageEndingWith("for 2.0E7 Erlangs, AHT PT3M need more than 10000000 agents (expected a smaller"
            + " workload or a looser target)");
  }

  @Test
  void abandonmentCeilingIsAFractionStrictlyBetweenZeroAndOne() {
    assertThat(StaffingTarget.maxAbandonment(0.05).maximum()).isEqualTo(0.05);
    assertThatIllegalArgumentException().isThrownBy(() -> StaffingTarget.maxAbandonment(1.0))
        .withMessage("maximum abandonment 1.0 is outside (0, 1) (expected a fraction such as 0.8)");
  }

  @Test
  void shrinkageAtTheEndsOfItsRange() {
    assertThat(Staffing.withShrinkage(0, new BigDecimal("0.30"))).isZero();
    assertThat(Staffing.withShrinkage(14, BigDecimal.ZERO)).isEqualTo(14);
    // 14 / (1 − 0.999) = 14,000 exactly.
    assertThat(Staffing.withShrinkage(14, new BigDecimal("0.999"))).isEqualTo(14_000);
    assertThatIllegalArgumentException().isThrownBy(() -> Staffing.withShrinkage(-1, BigDecimal.ZERO))
        .withMessage("agents -1 is negative (expected zero or more)");
    assertThatIllegalArgumentException().isThrownBy(() -> Staffing.withShrinkage(14, new BigDecimal("-0.01")))
        .withMessage("shrinkage -0.01 is outside [0, 1) (expected a fraction such as 0.30)");
  }

  @ParameterizedTest
  @CsvSource({"NaN", "Infinity", "-Infinity"})
  void shrinkageThatIsNotANumberIsRejected(double shrinkage) {
    assertThatIllegalArgumentException().isThrownBy(() -> Staffing.withShrinkage(14, shrinkage))
        .withMessage("shrinkage " + shrinkage + " is outside [0, 1) (expected a fraction such as 0.30)");
  }

  @Test
  void intervalActualAgentsAreZeroOrMore() {
    IntervalWorkload interval = IntervalWorkload.of(NINE, Duration.ofMinutes(30), 100, AHT_3_MIN);
    assertThatIllegalArgumentException().isThrownBy(() -> interval.withActualAgents(-1))
        .withMessage("interval 2026-03-02T09:00:00Z actual agents -1 is negative (expected zero or more)");
    // Nobody on the phones: no service level to predict with them, and all 14 required agents short.
    IntervalStaffing none = Staffing.perInterval(List.of(interval.withActualAgents(0)),
        ServiceLevelDefinition.standard()).get(0);
    assertThat(none.predictedServiceLevelWithActualAgents()).isEmpty();
    assertThat(none.surplusAgents()).hasValue(-14);
  }

  @Test
  void intervalWithoutCallsHasNoWorkload() {
    IntervalWorkload quiet = IntervalWorkload.of(NINE, Duration.ofMinutes(30), 0, Duration.ZERO);
    assertThatIllegalStateException().isThrownBy(quiet::workload)
        .withMessage("interval 2026-03-02T09:00:00Z has no calls and no handle time (expected calls)");
  }

  @Test
  void intervalOfAReportRowWithoutCallsHasNoHandleTime() {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 2), ZoneId.of("UTC"), IntervalLength.MINUTES_30);
    List<Call> calls = List.of(Call.answered("c1", "sales", NINE, NINE.plusSeconds(5))
        .withHandleTime(Duration.ofSeconds(200)));
    List<IntervalWorkload> day = IntervalWorkload.of(ReportSpec.builder(grid).groupBy(Dimension.INTERVAL).build()
        .report(calls), 0, AHT_3_MIN);
    assertThat(day.get(18).averageHandleTime()).isEqualTo(Duration.ofSeconds(200));
    assertThat(day.get(17).offeredCalls()).isZero();
    assertThat(day.get(17).averageHandleTime()).isZero();
  }

  @Test
  void perIntervalWithPatiencePredictsWithErlangA() {
    IntervalWorkload interval = IntervalWorkload.of(NINE, Duration.ofMinutes(30), 100, AHT_3_MIN).withActualAgents(12);
    IntervalStaffing plan = Staffing.perInterval(List.of(interval), ServiceLevelDefinition.standard(), PATIENCE)
        .get(0);
    assertThat(plan.requiredAgents()).isEqualTo(13);
    assertThat(plan.predictedServiceLevel()).hasValue(ErlangA.of(CCH, 13, PATIENCE).serviceLevel(T20));
    assertThat(plan.predictedServiceLevelWithActualAgents()).hasValue(ErlangA.of(CCH, 12, PATIENCE).serviceLevel(T20));
  }
}
