package io.github.callmetrics.staffing;

import static io.github.callmetrics.staffing.Digits.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edges of the Erlang models that mutation testing (docs/development/mutation-testing.md) found untested: closed forms
 * that pin single code paths, the ends of every accepted range, the bisections' exact stops, and the
 * internal arithmetic beyond a double's range.
 */
class ErlangMutationTest {
  private static final Duration AHT_3_MIN = Duration.ofMinutes(3);

  // Erlang A with patience equal to the handle time (θ = μ) is the M/M/∞ queue whatever N is: every caller
  // leaves at rate μ, served or not, so the number in the system is Poisson(A): π_n = e^(−A)·A^n/n!.

  @Test
  void erlangAOneAgentOneErlangPatienceEqualToHandleTime() {
    // P(wait) = P(n ≥ 1) = 1 − 1/e; E[Q] = E[n] − P(n ≥ 1) = 1/e; P(abandon) = θ·E[Q]/λ = E[Q]/A = 1/e;
    // occupancy = P(n ≥ 1) = 1 − 1/e (A = N: the idle-agent route); average wait E[Q]/λ = 180/e s.
    ErlangA a = ErlangA.of(Workload.ofErlangs(1, AHT_3_MIN), 1, AHT_3_MIN);
    assertRelative(a.probabilityOfWaiting(), 1 - Math.exp(-1), 1e-14);
    assertRelative(a.immediateAnswer(), Math.exp(-1), 1e-14);
    assertRelative(a.expectedQueueLength(), Math.exp(-1), 1e-14);
    assertRelative(a.probabilityOfAbandoning(), Math.exp(-1), 1e-14);
    assertRelative(a.occupancy(), 1 - Math.exp(-1), 1e-14);
    assertRelative(a.averageWaitSeconds(), 180 * Math.exp(-1), 1e-14);
  }

  @Test
  void erlangATwoAgentsTwoErlangsPatienceEqualToHandleTime() {
    // π = Poisson(2): P(wait) = 1 − 3e^−2; E[Q] = E[(n−2)+] = 4e^−2; P(abandon) = E[Q]/2 = 2e^−2;
    // occupancy = E[min(n, 2)]/2 = 1 − 2e^−2, here through the idle agents (A ≥ N) and their two terms.
    ErlangA a = ErlangA.of(Workload.ofErlangs(2, AHT_3_MIN), 2, AHT_3_MIN);
    assertRelative(a.probabilityOfWaiting(), 1 - 3 * Math.exp(-2), 1e-14);
    assertRelative(a.probabilityOfAbandoning(), 2 * Math.exp(-2), 1e-14);
    assertRelative(a.occupancy(), 1 - 2 * Math.exp(-2), 1e-14);
    // Three agents for two Erlangs: idle agents j = 1..3; E[min(n, 1)·...] by the same Poisson sums.
    ErlangA over = ErlangA.of(Workload.ofErlangs(4, AHT_3_MIN), 3, AHT_3_MIN);
    double e4 = Math.exp(-4);
    double busy = 3 - (3 * e4 + 2 * 4 * e4 + 1 * 8 * e4); // E[min(n, 3)] = 3 − Σ_{n<3} (3 − n)·π_n
    assertRelative(over.occupancy(), busy / 3, 1e-14);
  }

  @Test
  void erlangAFewerErlangsThanAgents() {
    // π = Poisson(1), N = 3: E[Q] = E[n] − 3 + Σ_{n<3} (3 − n)·π_n = 5.5/e − 2; occupancy = A·(1 − P(abandon))/N.
    ErlangA a = ErlangA.of(Workload.ofErlangs(1, AHT_3_MIN), 3, AHT_3_MIN);
    assertRelative(a.probabilityOfAbandoning(), 5.5 / Math.E - 2, 1e-12);
    assertRelative(a.occupancy(), (3 - 5.5 / Math.E) / 3, 1e-14);
    // 1 Erlang on 170 agents: P(abandon) ≈ 3e-310, so the occupancy is A/N to the last bit.
    assertThat(ErlangA.of(Workload.ofErlangs(1, AHT_3_MIN), 170, AHT_3_MIN).occupancy()).isEqualTo(1.0 / 170);
  }

  @Test
  void erlangAWhereNobodyEverWaits() {
    // B(1000, 1) = 1/1000!/Σ... underflows to 0: every figure of a queue nobody joins.
    ErlangA a = ErlangA.of(Workload.ofErlangs(1, AHT_3_MIN), 1000, Duration.ofMinutes(5));
    assertThat(a.immediateAnswer()).isEqualTo(1.0);
    assertThat(a.probabilityOfWaiting()).isZero();
    assertThat(a.answeredWithin(Duration.ZERO)).isEqualTo(1.0);
    assertThat(a.answeredWithin(Duration.ofSeconds(20))).isEqualTo(1.0);
    assertThat(a.abandonedWithin(Duration.ofSeconds(20))).isZero();
    assertThat(a.averageSpeedOfAnswerSeconds()).isZero();
    assertThat(a.occupancy()).isEqualTo(0.001);
  }

  @Test
  void erlangAHandsBackItsInputsAndDescribesItself() {
    Workload w = Workload.ofErlangs(1, AHT_3_MIN);
    ErlangA a = ErlangA.of(w, 1, AHT_3_MIN);
    assertThat(a.workload()).isEqualTo(w);
    assertThat(a.agents()).isEqualTo(1);
    assertThat(a.patience()).isEqualTo(AHT_3_MIN);
    assertThat(a.averageSpeedOfAnswer())
        .isEqualTo(Duration.ofNanos(Math.round(a.averageSpeedOfAnswerSeconds() * 1e9)));
    assertThat(a.averageSpeedOfAnswer()).isBetween(Duration.ofSeconds(46), Duration.ofSeconds(47));
    // P(wait) = 1 − 1/e = 0.63212056, P(abandon) = 1/e = 0.36787944 to seven significant digits.
    assertThat(a).hasToString("Erlang A: 1.0 E, 1 agents, patience PT3M, P(wait) 0.6321206, P(abandon) 0.3678794");
  }

  @Test
  void erlangBHandsBackItsInputsAndDescribesItself() {
    ErlangB b = ErlangB.of(Workload.ofErlangs(10, AHT_3_MIN), 17);
    assertThat(b.erlangs()).isEqualTo(10.0);
    assertThat(b.lines()).isEqualTo(17);
    assertThat(b.blockingProbability()).isEqualTo(ErlangB.blockingProbability(17, 10));
    // B(17, 10) = 0.01295 published (ErlangBTest); seven significant digits here.
    assertThat(b).hasToString("Erlang B: 10.0 E on 17 lines, blocking 0.01294888");
  }

  @Test
  void linesForStopsAtABlockingExactlyEqualToTheCeiling() {
    assertThat(ErlangB.linesFor(10, ErlangB.blockingProbability(17, 10))).isEqualTo(17);
    assertThat(ErlangB.linesFor(10, Math.nextUp(ErlangB.blockingProbability(17, 10)))).isEqualTo(17);
    assertThat(ErlangB.linesFor(10, Math.nextDown(ErlangB.blockingProbability(17, 10)))).isEqualTo(18);
    // B(1, 1) = 1/2.
    assertThat(ErlangB.linesFor(1, 0.5)).isEqualTo(1);
  }

  @Test
  void linesForRefusesMoreThanTenMillionLines() {
    // B(N, 2·10^7) ≈ 1 − N/A = 0.5 at ten million lines: a ceiling of 0.4 needs more.
    assertThatIllegalArgumentException().isThrownBy(() -> ErlangB.linesFor(2e7, 0.4))
        .withMessage("traffic 2.0E7 Erlangs needs more than 10000000 lines for blocking 0.4 (expected a smaller workload)");
    // Exactly ten million lines are allowed.
    assertThat(ErlangB.linesFor(1e7, ErlangB.blockingProbability(Checks.MAX_AGENTS, 1e7))).isEqualTo(Checks.MAX_AGENTS);
  }

  @ParameterizedTest(name = "{0} lines at blocking {1}: {2} Erlangs")
  @CsvSource({
      "1, 0.5, 1.0",                   // B(1, A) = A/(1 + A) = 1/2 at A = 1: found while doubling
      "1, 0.3333333333333333, 0.5",    // B(1, 0.5) = 0.5/1.5, the double nearest 1/3: a bisection step hits it
      "2, 0.2, 1.0",                   // B(2, 1) = (1/2)/(1 + 1 + 1/2) = 1/5
      "1, 0.9, 9.000000000000007"})    // A/(1 + A) = 0.9 at A = 9, above the lines: found by doubling
  void trafficForFindsTheLargestTrafficWithinTheBlocking(int lines, double blocking, double erlangs) {
    assertThat(ErlangB.trafficFor(lines, blocking)).isEqualTo(erlangs);
  }

  @Test
  void trafficForChecksItsArguments() {
    assertThatIllegalArgumentException().isThrownBy(() -> ErlangB.trafficFor(0, 0.01))
        .withMessage("lines 0 is not positive (expected at least 1)");
    assertThatIllegalArgumentException().isThrownBy(() -> ErlangB.trafficFor(15, 0))
        .withMessage("blocking 0.0 is outside (0, 1) (expected a fraction such as 0.8)");
  }

  @ParameterizedTest(name = "{0} lines at blocking {1}")
  @CsvSource({"15, 0.01", "17, 0.01294888", "100, 0.05", "3, 0.999", "1000, 1e-6", "7, 0.3", "1, 0.9"})
  void trafficForStopsOnTheLastDoubleWithinTheBlocking(int lines, double blocking) {
    double erlangs = ErlangB.trafficFor(lines, blocking);
    assertThat(ErlangB.blockingProbability(lines, erlangs)).isLessThanOrEqualTo(blocking);
    assertThat(ErlangB.blockingProbability(lines, Math.nextUp(erlangs))).isGreaterThan(blocking);
  }

  @Test
  void erlangCHandsBackItsWorkloadAndDescribesAnUnstableQueue() {
    Workload w = Workload.ofErlangs(10, AHT_3_MIN);
    assertThat(ErlangC.of(w, 11).workload()).isEqualTo(w);
    assertThat(ErlangC.of(w, 10)).hasToString("Erlang C: 10.0 E, 10 agents, unstable (A >= N)");
    // P(wait) at 14 agents: Call Centre Helper's 0.1741319 (ErlangCTest).
    assertThat(ErlangC.of(w, 14)).hasToString("Erlang C: 10.0 E, 14 agents, P(wait) 0.1741319");
  }

  @Test
  void erlangCAverageSpeedOfAnswerKeepsItsNanoseconds() {
    // N = 2, A = 1: C = 1/3, ASA = C·AHT/(N − A) = 100/3 s = 33.333333333 s.
    ErlangC c = ErlangC.of(Workload.ofErlangs(1, Duration.ofSeconds(100)), 2);
    assertThat(c.averageSpeedOfAnswer()).contains(Duration.ofSeconds(33, 333_333_333));
  }

  @Test
  void workloadIsAValueWithItsHandleTime() {
    EqualsVerifier.forClass(Workload.class).withNonnullFields("averageHandleTime").verify();
    Workload w = Workload.ofErlangs(10, AHT_3_MIN);
    assertThat(w.averageHandleTime()).isEqualTo(AHT_3_MIN);
    assertThat(w).hasToString("10.0 Erlangs, AHT PT3M");
    assertThat(Workload.ofErlangs(1, Duration.ofMillis(1500)).averageHandleTimeSeconds()).isEqualTo(1.5);
    assertThat(Workload.ofErlangs(1, Duration.ofSeconds(2, 250_000_000)).arrivalsPerSecond()).isEqualTo(1 / 2.25);
    assertThat(Workload.of(0, Duration.ofMinutes(30), AHT_3_MIN).erlangs()).isZero();
  }

  @Test
  void workloadRejectsWhatIsNotATraffic() {
    assertThatIllegalArgumentException().isThrownBy(() -> Workload.ofErlangs(Double.POSITIVE_INFINITY, AHT_3_MIN))
        .withMessage("traffic Infinity Erlangs is not a finite number, zero or more (expected for example 10.0)");
    assertThatIllegalArgumentException().isThrownBy(() -> Workload.ofErlangs(-0.5, AHT_3_MIN))
        .withMessage("traffic -0.5 Erlangs is not a finite number, zero or more (expected for example 10.0)");
    assertThatIllegalArgumentException().isThrownBy(() -> Workload.ofErlangs(1, Duration.ofSeconds(-180)))
        .withMessage("average handle time PT-3M is not positive (expected for example PT3M)");
    assertThat(Workload.ofErlangs(0, Duration.ofNanos(1)).erlangs()).isZero();
  }

  @Test
  void agentsAreCheckedAgainstBothEnds() {
    Checks.agents("agents", 1);
    Checks.agents("agents", Checks.MAX_AGENTS);
    assertThatIllegalArgumentException().isThrownBy(() -> Checks.agents("lines", Checks.MAX_AGENTS + 1))
        .withMessage("lines 10000001 is above 10000000 (expected at most 10000000)");
    assertThatIllegalArgumentException().isThrownBy(() -> Checks.agents("lines", 0))
        .withMessage("lines 0 is not positive (expected at least 1)");
  }

  @ParameterizedTest(name = "{0} with zero allowed {1}, one allowed {2}: {3}")
  @CsvSource({
      "0.0, false, true, '(0, 1]'",
      "0.0, false, false, '(0, 1)'",
      "1.0, true, false, '[0, 1)'",
      "1.0, false, false, '(0, 1)'",
      "NaN, true, true, '[0, 1]'",
      "-1e-300, true, true, '[0, 1]'",
      "1.0000000000000002, true, true, '[0, 1]'"})
  void probabilitiesOutsideTheirRangeAreRejected(double p, boolean zeroAllowed, boolean oneAllowed, String range) {
    assertThatIllegalArgumentException().isThrownBy(() -> Checks.probability("target", p, zeroAllowed, oneAllowed))
        .withMessage("target " + p + " is outside " + range + " (expected a fraction such as 0.8)");
  }

  @ParameterizedTest(name = "{0} with zero allowed {1}, one allowed {2}")
  @CsvSource({"0.0, true, false", "1.0, false, true", "0.0, true, true", "1.0, true, true", "0.5, false, false"})
  void probabilitiesAtTheAllowedEndsAreAccepted(double p, boolean zeroAllowed, boolean oneAllowed) {
    Checks.probability("target", p, zeroAllowed, oneAllowed);
  }

  @Test
  void scaledExponentialsGoBeyondADouble() {
    // e^2000 and e^−2000 overflow and underflow a double; their ratios to e^1999 and e^−2001 are e.
    assertRelative(Scaled.exp(2000).divide(Scaled.exp(1999)), Math.E, 1e-12);
    assertRelative(Scaled.exp(-2000).divide(Scaled.exp(-2001)), Math.E, 1e-12);
    assertRelative(Scaled.exp(2000).times(Scaled.exp(-2000)).divide(Scaled.of(1)), 1, 1e-12);
  }

  @Test
  void scaledZeroIsOneValue() {
    assertThat(Scaled.of(0)).isEqualTo(Scaled.ZERO);
    assertThat(Scaled.of(5).minus(Scaled.of(5))).isEqualTo(Scaled.ZERO);
    assertThat(Scaled.ZERO.divide(Scaled.ZERO)).isZero();
    assertThat(Scaled.ZERO.divide(Scaled.of(3))).isZero();
    assertThat(Scaled.ZERO.minus(Scaled.of(3))).isEqualTo(Scaled.of(-3));
    assertThat(Scaled.ZERO.plus(Scaled.of(3))).isEqualTo(Scaled.of(3));
  }

  @Test
  void scaledSumsKeepNumbersFarBelowADouble() {
    Scaled tiny = Scaled.normalize(1, -5000); // 2^−5000
    assertThat(tiny.plus(Scaled.ZERO)).isEqualTo(tiny);
    assertThat(Scaled.ZERO.plus(tiny)).isEqualTo(tiny);
    assertThat(tiny.plus(tiny)).isEqualTo(Scaled.normalize(1, -4999));
    assertThat(tiny.plus(tiny).divide(tiny)).isEqualTo(2.0);
  }
}
