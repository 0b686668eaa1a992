package io.github.callmetrics.staffing;

import static io.github.callmetrics.staffing.Digits.assertShowsAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.metrics.TargetStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffingTest {
  private static final Duration AHT_3_MIN = Duration.ofMinutes(3);
  private static final Duration T20 = Duration.ofSeconds(20);
  private static final Workload CCH = Workload.of(100, Duration.ofMinutes(30), AHT_3_MIN);
  private static final StaffingTarget EIGHTY_TWENTY = StaffingTarget.serviceLevel(0.8, T20);

  @Test
  void callCentreHelperNeedsFourteenAndTwentyStaff() {
    // Source: Call Centre Helper's Erlang C worked example (product spec §7): 80/20 needs 14 agents;
    // with 30% shrinkage, 20 staff.
    int agents = Staffing.agentsFor(CCH, EIGHTY_TWENTY);
    assertThat(agents).isEqualTo(14);
    assertThat(Staffing.withShrinkage(agents, new BigDecimal("0.30"))).isEqualTo(20);
    assertThat(Staffing.withShrinkage(agents, 0.3)).isEqualTo(20);
    assertThat(Staffing.withShrinkage(agents, 0.0)).isEqualTo(14);
    assertThat(Staffing.withShrinkage(15, 0.3)).isEqualTo(22);
  }

  @Test
  void occupancyCapSetsTheAnswer() {
    // Source: product spec §7: 1000 calls per hour, AHT 120 s, 80/20 with occupancy ≤ 85% → 40 agents;
    // 39 already reach SL 90.12%; with 40, SL 93.72% and ASA 3.43 s.
    Workload w = Workload.of(1000, Duration.ofHours(1), Duration.ofSeconds(120));
    assertThat(Staffing.agentsFor(w, EIGHTY_TWENTY)).isLessThanOrEqualTo(39);
    assertShowsAs(ErlangC.of(w, 39).serviceLevel(T20).getAsDouble(), "0.9012");
    int agents = Staffing.agentsFor(w, EIGHTY_TWENTY, StaffingTarget.maxOccupancy(0.85));
    assertThat(agents).isEqualTo(40);
    assertShowsAs(ErlangC.of(w, 40).serviceLevel(T20).getAsDouble(), "0.9372");
    assertShowsAs(ErlangC.of(w, 40).averageSpeedOfAnswerSeconds().getAsDouble(), "3.43");
  }

  @Test
  void solvesEveryTargetAsTheFewestAgents() {
    List<StaffingTarget> targets = List.of(EIGHTY_TWENTY, StaffingTarget.serviceLevel(0.95, Duration.ZERO),
        StaffingTarget.averageSpeedOfAnswer(Duration.ofSeconds(15)), StaffingTarget.maxOccupancy(0.9),
        StaffingTarget.serviceLevel(0.0, T20));
    for (double a : new double[] {0.05, 1, 10, 33.3, 480, 10_000, 90_000}) {
      Workload w = Workload.ofErlangs(a, AHT_3_MIN);
      for (StaffingTarget target : targets) {
        int n = Staffing.agentsFor(w, target);
        assertThat(Staffing.meetsAll(ErlangC.of(w, n), List.of(target))).as("%s E %s at %d", a, target, n).isTrue();
        if (n > 1) {
          assertThat(Staffing.meetsAll(ErlangC.of(w, n - 1), List.of(target))).as("%s E %s at %d", a, target, n - 1)
              .isFalse();
        }
      }
    }
  }

  @Test
  void erlangAFewestAgents() {
    Duration patience = Duration.ofMinutes(5);
    List<StaffingTarget> targets = List.of(EIGHTY_TWENTY, StaffingTarget.maxAbandonment(0.05),
        StaffingTarget.averageSpeedOfAnswer(Duration.ofSeconds(10)), StaffingTarget.maxOccupancy(0.8));
    for (double a : new double[] {0.5, 10, 250, 10_000}) {
      Workload w = Workload.ofErlangs(a, AHT_3_MIN);
      for (StaffingTarget target : targets) {
        int n = Staffing.agentsFor(w, patience, target);
        assertThat(Staffing.meetsAll(ErlangA.of(w, n, patience), List.of(target))).isTrue();
        if (n > 1) {
          assertThat(Staffing.meetsAll(ErlangA.of(w, n - 1, patience), List.of(target))).isFalse();
        }
      }
    }
    // Erlang C overstaffs when callers abandon: Erlang A needs no more agents for 80/20 at 10 Erlangs.
    assertThat(Staffing.agentsFor(CCH, patience, EIGHTY_TWENTY)).isEqualTo(13);
    // Overloaded traffic can still meet an abandonment ceiling loosely.
    assertThat(Staffing.agentsFor(CCH, patience, StaffingTarget.maxAbandonment(0.5))).isLessThan(10);
  }

  @Test
  void zeroTrafficNeedsNoAgents() {
    assertThat(Staffing.agentsFor(Workload.ofErlangs(0, AHT_3_MIN), EIGHTY_TWENTY)).isZero();
    assertThat(Staffing.agentsFor(Workload.ofErlangs(0, AHT_3_MIN), Duration.ofMinutes(1), EIGHTY_TWENTY)).isZero();
  }

  /**
   * Found by CommandLineFuzzTest's contract on edge values: erlang --shrinkage 0.9999999999999999999999 failed
   * with "Overflow".
   */
  @Test
  void shrinkageThatWouldOverflowTheStaffIsRejectedWithItsRule() {
    assertThatThrownBy(() -> Staffing.withShrinkage(6, new BigDecimal("0.999999999999999999")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("shrinkage 0.999999999999999999 turns 6 agents into 6000000000000000000 staff, more than 2147483647"
            + " (expected a smaller shrinkage)");
    assertThatThrownBy(() -> Staffing.withShrinkage(6, new BigDecimal("0.9999999999999999999999")))
        .hasMessage("shrinkage 0.9999999999999999999999 has more than 18 decimal places (expected a fraction such as 0.30)");
    assertThatThrownBy(() -> Staffing.withShrinkage(6, new BigDecimal("1e999999999")))
        .hasMessage("shrinkage 1E+999999999 is outside [0, 1) (expected a fraction such as 0.30)");
    assertThatThrownBy(() -> Staffing.withShrinkage(6, new BigDecimal("0E-999999999")))
        .hasMessage("shrinkage 0E-999999999 has more than 18 decimal places (expected a fraction such as 0.30)");
    // The largest staff still fits: 2147483647 agents at no shrinkage, 1 agent at 0.5 is 2.
    assertThat(Staffing.withShrinkage(Integer.MAX_VALUE, BigDecimal.ZERO)).isEqualTo(Integer.MAX_VALUE);
    assertThat(Staffing.withShrinkage(1, new BigDecimal("0.5"))).isEqualTo(2);
  }

  @Test
  void rejectsWhatCannotBeSolved() {
    assertThatThrownBy(() -> Staffing.agentsFor(CCH, StaffingTarget.maxAbandonment(0.05)))
        .hasMessageContaining("needs Erlang A");
    assertThatThrownBy(() -> StaffingTarget.serviceLevel(1.0, T20))
        .hasMessage("service level target 1.0 is outside [0, 1) (expected a fraction such as 0.8)");
    assertThatThrownBy(() -> StaffingTarget.maxOccupancy(0)).hasMessageContaining("maximum occupancy 0.0 is outside (0, 1]");
    assertThatThrownBy(() -> Staffing.withShrinkage(14, 1.0)).hasMessageContaining("shrinkage 1.0 is outside [0, 1)");
    assertThatThrownBy(() -> Staffing.agentsFor(Workload.ofErlangs(2e7, AHT_3_MIN), EIGHTY_TWENTY))
        .hasMessageContaining("need more than 10000000 agents");
  }

  @Test
  void perIntervalNextToActuals() {
    Instant nine = Instant.parse("2026-03-02T09:00:00Z");
    Duration half = Duration.ofMinutes(30);
    List<IntervalWorkload> day = List.of(
        IntervalWorkload.of(nine, half, 100, AHT_3_MIN).withActualAgents(12).withActualServiceLevel(Ratio.of(61, 100)),
        IntervalWorkload.of(nine.plus(half), half, 360, Duration.ofSeconds(240)).withActualAgents(60)
            .withActualServiceLevel(Ratio.of(350, 360)),
        IntervalWorkload.of(nine.plus(half.multipliedBy(2)), half, 0, Duration.ZERO),
        IntervalWorkload.of(nine.plus(half.multipliedBy(3)), half, 100, AHT_3_MIN).withActualAgents(14));
    List<IntervalStaffing> plan = Staffing.perInterval(day, ServiceLevelDefinition.standard());
    assertThat(plan).extracting(IntervalStaffing::requiredAgents).containsExactly(14, 54, 0, 14);
    assertThat(plan).extracting(IntervalStaffing::status).containsExactly(StaffingStatus.UNDERSTAFFED,
        StaffingStatus.OVERSTAFFED, StaffingStatus.UNKNOWN, StaffingStatus.AS_REQUIRED);
    assertThat(plan.get(0).surplusAgents()).hasValue(-2);
    assertThat(plan.get(0).trafficErlangs()).isEqualTo(10.0);
    assertShowsAs(plan.get(0).predictedServiceLevel().getAsDouble(), "0.88835");
    assertShowsAs(plan.get(0).predictedServiceLevelWithActualAgents().getAsDouble(), "0.6402");
    assertThat(plan.get(0).actualTargetStatus()).isEqualTo(TargetStatus.MISSED);
    assertThat(plan.get(1).actualTargetStatus()).isEqualTo(TargetStatus.MET);
    assertThat(plan.get(2).predictedServiceLevel()).isEmpty();
    assertThat(plan.get(2).actualTargetStatus()).isEqualTo(TargetStatus.UNDEFINED);

    List<IntervalStaffing> withAbandons = Staffing.perInterval(day, ServiceLevelDefinition.standard(),
        Duration.ofMinutes(5));
    assertThat(withAbandons.get(0).requiredAgents()).isEqualTo(13);
  }

  @Test
  void intervalValidation() {
    Instant nine = Instant.parse("2026-03-02T09:00:00Z");
    assertThatThrownBy(() -> IntervalWorkload.of(nine, Duration.ofMinutes(30), 5, Duration.ZERO))
        .hasMessage("interval 2026-03-02T09:00:00Z average handle time PT0S is not positive (expected for example PT3M)");
    assertThatThrownBy(() -> IntervalWorkload.of(nine, Duration.ofMinutes(30), -1, AHT_3_MIN))
        .hasMessageContaining("offered calls -1 is negative");
  }
}
