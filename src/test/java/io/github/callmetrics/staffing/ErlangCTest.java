package io.github.callmetrics.staffing;

import static io.github.callmetrics.staffing.Digits.assertRelative;
import static io.github.callmetrics.staffing.Digits.assertShowsAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ErlangCTest {
  private static final Duration AHT_3_MIN = Duration.ofMinutes(3);
  /** Call Centre Helper's Erlang C example: 100 calls in 30 minutes, AHT 180 s. */
  private static final Workload CCH = Workload.of(100, Duration.ofMinutes(30), AHT_3_MIN);

  @Test
  void workloadInErlangs() {
    assertThat(CCH.erlangs()).isEqualTo(10.0);
    assertThat(CCH.arrivalsPerSecond()).isEqualTo(100.0 / 1800);
    assertThat(Workload.of(1000, Duration.ofHours(1), Duration.ofSeconds(120)).erlangs())
        .isEqualTo(100.0 / 3);
  }

  @Test
  void handWorkedOneAgent() {
    // M/M/1 with A = 0.5: C = ρ = 0.5, SL(t) = 1 − 0.5·e^(−0.5·t/AHT), ASA = ρ/(1−ρ)·AHT = AHT.
    ErlangC c = ErlangC.of(Workload.ofErlangs(0.5, Duration.ofSeconds(100)), 1);
    assertThat(c.probabilityOfWaiting().getAsDouble()).isEqualTo(0.5);
    assertRelative(c.serviceLevel(Duration.ofSeconds(100)).getAsDouble(), 1 - 0.5 * Math.exp(-0.5), 1e-15);
    assertRelative(c.averageSpeedOfAnswerSeconds().getAsDouble(), 100, 1e-15);
    assertThat(c.occupancy().getAsDouble()).isEqualTo(0.5);
    assertRelative(c.expectedQueueLength().getAsDouble(), 0.5, 1e-15);
  }

  @Test
  void handWorkedTwoAgents() {
    // N = 2, A = 1: Σ_{k<2} A^k/k! = 2, A^2/2!·N/(N−A) = 1, so C = 1/3; ASA = C·AHT/(N−A) = AHT/3.
    ErlangC c = ErlangC.of(Workload.ofErlangs(1, Duration.ofSeconds(60)), 2);
    assertRelative(c.probabilityOfWaiting().getAsDouble(), 1.0 / 3, 1e-15);
    assertRelative(c.averageSpeedOfAnswerSeconds().getAsDouble(), 20, 1e-15);
    assertThat(c.averageSpeedOfAnswer()).contains(Duration.ofSeconds(20));
    assertRelative(c.immediateAnswer().getAsDouble(), 2.0 / 3, 1e-15);
  }

  static Stream<Arguments> callCentreHelper() {
    // Source: Call Centre Helper, "Erlang C formula – made simple with an easy worked example"
    // (callcentrehelper.com), as recorded in the product spec §7.
    return Stream.of(
        Arguments.of(14, "0.1741319", "0.88835", "7.836"),
        Arguments.of(13, "0.2853", "0.7956", "17.12"),
        Arguments.of(12, "0.4494", "0.6402", null),
        Arguments.of(11, "0.6821", "0.3896", null));
  }

  @ParameterizedTest
  @MethodSource
  void callCentreHelper(int agents, String waiting, String serviceLevel, String asa) {
    ErlangC c = ErlangC.of(CCH, agents);
    assertShowsAs(c.probabilityOfWaiting().getAsDouble(), waiting);
    assertShowsAs(c.serviceLevel(Duration.ofSeconds(20)).getAsDouble(), serviceLevel);
    if (asa != null) {
      assertShowsAs(c.averageSpeedOfAnswerSeconds().getAsDouble(), asa);
    }
  }

  @Test
  void callCentreHelperOccupancy() {
    // Source: Call Centre Helper's worked example, 14 agents: occupancy 71.42857%.
    assertShowsAs(ErlangC.of(CCH, 14).occupancy().getAsDouble(), "0.7142857");
  }

  @Test
  void fortyEightErlangs() {
    // Source: product spec §7 (360 calls per 30 min, AHT 240 s, 55 agents, T = 15 s).
    Workload w = Workload.of(360, Duration.ofMinutes(30), Duration.ofSeconds(240));
    assertThat(w.erlangs()).isEqualTo(48.0);
    ErlangC c = ErlangC.of(w, 55);
    assertShowsAs(c.probabilityOfWaiting().getAsDouble(), "0.2387");
    assertShowsAs(c.averageSpeedOfAnswerSeconds().getAsDouble(), "8.184");
    assertShowsAs(c.serviceLevel(Duration.ofSeconds(15)).getAsDouble(), "0.8459");
  }

  @Test
  void atScale() {
    // Source: product spec §7, B(1000, 950) = 0.00364929 and C = 0.0682534.
    ErlangC c = ErlangC.of(Workload.ofErlangs(950, AHT_3_MIN), 1000);
    assertShowsAs(c.probabilityOfWaiting().getAsDouble(), "0.0682534");
    // 100,000 agents at 99,000 Erlangs, recomputed with mpmath at 40 digits: C = 8.219082374107954e-4.
    ErlangC big = ErlangC.of(Workload.ofErlangs(99_000, AHT_3_MIN), 100_000);
    assertRelative(big.probabilityOfWaiting().getAsDouble(), 8.219082374107954e-4, 1e-12);
  }

  @Test
  void undefinedWhenTrafficReachesAgents() {
    for (int agents : new int[] {9, 10}) {
      ErlangC c = ErlangC.of(CCH, agents);
      assertThat(c.isStable()).isFalse();
      assertThat(c.probabilityOfWaiting()).isEmpty();
      assertThat(c.serviceLevel(Duration.ofSeconds(20))).isEmpty();
      assertThat(c.averageSpeedOfAnswerSeconds()).isEmpty();
      assertThat(c.averageSpeedOfAnswer()).isEmpty();
      assertThat(c.occupancy()).isEmpty();
      assertThat(c.immediateAnswer()).isEmpty();
      assertThat(c.expectedQueueLength()).isEmpty();
      assertThat(c.toString()).contains("unstable");
    }
    assertThat(ErlangC.of(CCH, 11).isStable()).isTrue();
  }

  @Test
  void zeroTraffic() {
    ErlangC c = ErlangC.of(Workload.ofErlangs(0, AHT_3_MIN), 1);
    assertThat(c.probabilityOfWaiting().getAsDouble()).isZero();
    assertThat(c.serviceLevel(Duration.ZERO).getAsDouble()).isEqualTo(1.0);
  }

  @Test
  void moreAgentsNeverLowerTheServiceLevel() {
    for (double a : new double[] {0.3, 7.5, 99.9, 950, 9_999.5}) {
      Workload w = Workload.ofErlangs(a, AHT_3_MIN);
      double previousSl = 0;
      double previousAsa = Double.POSITIVE_INFINITY;
      for (int n = (int) Math.floor(a) + 1; n < a + 4 * Math.sqrt(a) + 10; n++) {
        ErlangC c = ErlangC.of(w, n);
        double sl = c.serviceLevel(Duration.ofSeconds(20)).getAsDouble();
        double asa = c.averageSpeedOfAnswerSeconds().getAsDouble();
        assertThat(sl).as("SL at %s agents, %s E", n, a).isGreaterThanOrEqualTo(previousSl);
        assertThat(asa).as("ASA at %s agents, %s E", n, a).isLessThanOrEqualTo(previousAsa);
        previousSl = sl;
        previousAsa = asa;
      }
    }
  }

  @Test
  void longerThresholdsNeverLowerTheServiceLevel() {
    ErlangC c = ErlangC.of(CCH, 12);
    double previous = 0;
    for (int t = 0; t <= 600; t += 5) {
      double sl = c.serviceLevel(Duration.ofSeconds(t)).getAsDouble();
      assertThat(sl).isGreaterThanOrEqualTo(previous);
      previous = sl;
    }
    assertThat(c.serviceLevel(Duration.ZERO).getAsDouble()).isEqualTo(c.immediateAnswer().getAsDouble());
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> ErlangC.of(CCH, 0)).hasMessage("agents 0 is not positive (expected at least 1)");
    assertThatThrownBy(() -> ErlangC.of(CCH, 14).serviceLevel(Duration.ofSeconds(-1)))
        .hasMessageContaining("threshold PT-1S is negative");
    assertThatThrownBy(() -> Workload.ofErlangs(Double.NaN, AHT_3_MIN)).hasMessageContaining("traffic NaN Erlangs");
    assertThatThrownBy(() -> Workload.of(-1, Duration.ofMinutes(30), AHT_3_MIN))
        .hasMessage("calls -1 is negative (expected zero or more)");
    assertThatThrownBy(() -> Workload.of(1, Duration.ZERO, AHT_3_MIN)).hasMessageContaining("interval PT0S is not positive");
    assertThatThrownBy(() -> Workload.ofErlangs(1, Duration.ZERO))
        .hasMessageContaining("average handle time PT0S is not positive");
  }
}
