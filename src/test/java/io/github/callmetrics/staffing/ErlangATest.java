package io.github.callmetrics.staffing;

import static io.github.callmetrics.staffing.Digits.assertRelative;
import static io.github.callmetrics.staffing.Digits.assertShowsAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErlangATest {
  private static final Duration AHT_3_MIN = Duration.ofMinutes(3);
  private static final Workload CCH = Workload.of(100, Duration.ofMinutes(30), AHT_3_MIN);
  private static final Duration T20 = Duration.ofSeconds(20);

  @Test
  void publishedExample() {
    // Source: product spec §7 (Erlang A for Call Centre Helper's example): 100 calls per 30 min, AHT 3 min,
    // mean patience 5 min, 14 agents → P(wait) 0.14526, P(abandon) 0.013984.
    ErlangA a = ErlangA.of(CCH, 14, Duration.ofMinutes(5));
    assertShowsAs(a.probabilityOfWaiting(), "0.14526");
    assertShowsAs(a.probabilityOfAbandoning(), "0.013984");
  }

  @Test
  @SuppressWarnings("FloatingPointLiteralPrecision") // the reference digits as mpmath printed them
  void agreesWithFortyDigitComputation() {
    // Recomputed with mpmath at 40 digits: direct stationary distribution, and numeric quadrature of the
    // offered-wait density for A_T, B_T and ASA (the script is in docs/staffing.md).
    check(ErlangA.of(CCH, 14, Duration.ofMinutes(5)), T20, 0.1452601142963612, 0.013983744122408938,
        0.91679209186354687, 0.0071639354111986052, 3.8784800445210219, 0.23306240204014896);
    check(ErlangA.of(Workload.ofErlangs(48, Duration.ofSeconds(240)), 55, Duration.ofSeconds(120)),
        Duration.ofSeconds(15), 0.15012099373969607, 0.016968244043230322, 0.93461015707306712,
        0.0119544433129566, 1.8668888399037561, 0.40723785703752774);
    // Overloaded (A > N): Erlang C is undefined here, Erlang A is not.
    check(ErlangA.of(Workload.ofErlangs(50, AHT_3_MIN), 40, Duration.ofMinutes(1)), T20, 0.78359543171371568,
        0.21436309222595751, 0.57252687298453434, 0.16828305425664642, 12.889007735104319, 3.5727182037659584);
  }

  private static void check(ErlangA a, Duration t, double waiting, double abandoning, double answeredWithin,
      double abandonedWithin, double asa, double queue) {
    assertRelative(a.probabilityOfWaiting(), waiting, 1e-12);
    assertRelative(a.probabilityOfAbandoning(), abandoning, 1e-12);
    assertRelative(a.answeredWithin(t), answeredWithin, 1e-12);
    assertRelative(a.abandonedWithin(t), abandonedWithin, 1e-11);
    assertRelative(a.averageSpeedOfAnswerSeconds(), asa, 1e-12);
    assertRelative(a.expectedQueueLength(), queue, 1e-12);
  }

  @Test
  void agreesWithPerCallerComputation() {
    // An independent route: the stationary distribution by products, then per caller who finds k waiting
    // ahead: answered with probability Nμ/(Nμ + (k+1)θ), and answered within t by uniformization of the
    // Markov chain "callers ahead of me" with my own patience as a killing rate.
    double[][] cases = {{10, 14, 180, 300, 20}, {48, 55, 240, 120, 15}, {50, 40, 180, 60, 20}, {3.2, 3, 300, 30, 60}};
    for (double[] k : cases) {
      Workload w = Workload.ofErlangs(k[0], Duration.ofSeconds((long) k[2]));
      ErlangA model = ErlangA.of(w, (int) k[1], Duration.ofSeconds((long) k[3]));
      PerCaller direct = PerCaller.of(k[0], (int) k[1], k[2], k[3], k[4]);
      assertRelative(model.probabilityOfWaiting(), direct.waiting, 1e-12);
      assertRelative(model.probabilityOfAbandoning(), direct.abandoning, 1e-12);
      assertRelative(model.averageSpeedOfAnswerSeconds(), direct.asa, 1e-12);
      assertRelative(model.answeredWithin(Duration.ofSeconds((long) k[4])), direct.answeredWithin, 1e-12);
    }
  }

  @Test
  void longPatienceApproachesErlangC() {
    ErlangC c = ErlangC.of(CCH, 14);
    ErlangA a = ErlangA.of(CCH, 14, Duration.ofDays(3650));
    assertThat(a.probabilityOfWaiting()).isCloseTo(c.probabilityOfWaiting().getAsDouble(), within(1e-5));
    assertThat(a.serviceLevel(T20)).isCloseTo(c.serviceLevel(T20).getAsDouble(), within(1e-5));
    assertThat(a.averageSpeedOfAnswerSeconds()).isCloseTo(c.averageSpeedOfAnswerSeconds().getAsDouble(), within(1e-3));
    assertThat(a.probabilityOfAbandoning()).isLessThan(1e-5);
  }

  @Test
  void serviceLevelVariants() {
    ErlangA a = ErlangA.of(CCH, 12, Duration.ofMinutes(2));
    double at = a.answeredWithin(T20);
    double bt = a.abandonedWithin(T20);
    double bs = a.abandonedWithin(Duration.ofSeconds(5));
    double answered = 1 - a.probabilityOfAbandoning();
    assertThat(a.serviceLevel(T20, ServiceLevelFormula.ABANDONS_COUNT_AGAINST, Duration.ZERO)).isEqualTo(at);
    assertThat(a.serviceLevel(T20, ServiceLevelFormula.ANSWERED_ONLY, Duration.ZERO)).isEqualTo(at / answered);
    assertThat(a.serviceLevel(T20, ServiceLevelFormula.ABANDONS_IGNORED, Duration.ZERO)).isEqualTo(at / answered);
    assertThat(a.serviceLevel(T20, ServiceLevelFormula.ABANDONS_WITHIN_T_IGNORED, Duration.ZERO)).isEqualTo(at / (1 - bt));
    assertThat(a.serviceLevel(T20, ServiceLevelFormula.ABANDONS_WITHIN_T_COUNT_FOR, Duration.ZERO)).isEqualTo(at + bt);
    assertThat(a.serviceLevel(T20, ServiceLevelFormula.SHORT_ABANDONS_IGNORED, Duration.ofSeconds(5)))
        .isEqualTo(at / (1 - bs));
    assertThat(a.serviceLevel(T20, ServiceLevelFormula.SHORT_ABANDONS_COUNT_FOR, Duration.ofSeconds(5)))
        .isEqualTo(at + bs);
    assertThat(a.serviceLevel(ServiceLevelDefinition.standard())).isEqualTo(at);
    // Counts: 0 < B_S < B_T < B, and the variants in their natural order.
    assertThat(bs).isPositive().isLessThan(bt);
    assertThat(bt).isLessThan(a.probabilityOfAbandoning());
    assertThat(a.abandonedWithin(Duration.ZERO)).isZero();
    assertThat(a.answeredWithin(Duration.ZERO)).isEqualTo(a.immediateAnswer());
    assertThat(a.answeredWithin(Duration.ofDays(1))).isCloseTo(answered, within(1e-14));
    assertThat(a.abandonedWithin(Duration.ofDays(1))).isCloseTo(a.probabilityOfAbandoning(), within(1e-14));
  }

  @Test
  void monotoneInAgentsAndThreshold() {
    Duration patience = Duration.ofMinutes(3);
    for (double traffic : new double[] {2.5, 10, 120}) {
      Workload w = Workload.ofErlangs(traffic, AHT_3_MIN);
      List<ErlangA> models = new ArrayList<>();
      for (int n = 1; n < traffic * 1.6 + 5; n++) {
        models.add(ErlangA.of(w, n, patience));
      }
      for (int i = 1; i < models.size(); i++) {
        ErlangA less = models.get(i - 1);
        ErlangA more = models.get(i);
        assertThat(more.serviceLevel(T20)).isGreaterThanOrEqualTo(less.serviceLevel(T20));
        assertThat(more.probabilityOfAbandoning()).isLessThanOrEqualTo(less.probabilityOfAbandoning());
        assertThat(more.probabilityOfWaiting()).isLessThanOrEqualTo(less.probabilityOfWaiting());
        assertThat(more.averageSpeedOfAnswerSeconds()).isLessThanOrEqualTo(less.averageSpeedOfAnswerSeconds());
        assertThat(more.occupancy()).isLessThanOrEqualTo(less.occupancy());
      }
    }
    ErlangA a = ErlangA.of(CCH, 11, patience);
    double previous = 0;
    for (int t = 0; t <= 900; t += 15) {
      double sl = a.serviceLevel(Duration.ofSeconds(t));
      assertThat(sl).isGreaterThanOrEqualTo(previous);
      previous = sl;
    }
  }

  @Test
  void atScaleWithoutOverflow() {
    // 100,000 agents at 90,000 Erlangs: P(wait) ≈ B(100000, 90000) ≈ 2e-236, nobody waits to double precision. At 120,000 Erlangs the tail's
    // terms reach e^(thousands): they are rescaled, and the figures stay probabilities.
    ErlangA light = ErlangA.of(Workload.ofErlangs(90_000, AHT_3_MIN), 100_000, Duration.ofMinutes(5));
    assertThat(light.probabilityOfWaiting()).isLessThan(1e-234);
    assertThat(light.serviceLevel(T20)).isEqualTo(1.0);
    ErlangA heavy = ErlangA.of(Workload.ofErlangs(120_000, AHT_3_MIN), 100_000, Duration.ofMinutes(5));
    assertThat(heavy.probabilityOfWaiting()).isEqualTo(1.0);
    // Fluid limit (Garnett, Mandelbaum, Reiman): abandoned fraction → 1 − N/A = 1/6 as the scale grows.
    assertThat(heavy.probabilityOfAbandoning()).isCloseTo(1.0 / 6, within(1e-3));
    assertThat(heavy.occupancy()).isCloseTo(1.0, within(1e-3));
    assertThat(heavy.serviceLevel(T20)).isBetween(0.0, 1.0);
    ErlangA near = ErlangA.of(Workload.ofErlangs(99_900, AHT_3_MIN), 100_000, Duration.ofMinutes(5));
    assertThat(near.probabilityOfWaiting()).isBetween(0.0, 1.0);
    assertThat(near.serviceLevel(T20)).isBetween(near.immediateAnswer(), 1.0);
  }

  /**
   * Regression, found by {@code ErlangPropertiesTest} (seed -4910343599907396918): at 1e-9 Erlangs on 32 agents
   * Erlang B is about 1e-320, 1/B overflows, and every figure came out NaN. Nobody waits, to double precision.
   */
  @Test
  void tinyTrafficOnManyAgentsWaitsForNothing() {
    ErlangA model = ErlangA.of(Workload.ofErlangs(1e-9, Duration.ofSeconds(619)), 32, Duration.ofSeconds(434));
    assertThat(model.probabilityOfWaiting()).isZero();
    assertThat(model.probabilityOfAbandoning()).isZero();
    assertThat(model.immediateAnswer()).isEqualTo(1.0);
    assertThat(model.serviceLevel(Duration.ofSeconds(20))).isEqualTo(1.0);
    assertThat(model.averageSpeedOfAnswerSeconds()).isZero();
    assertThat(model.occupancy()).isEqualTo(1e-9 / 32);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> ErlangA.of(CCH, 14, Duration.ZERO)).hasMessageContaining("patience PT0S is not positive");
    assertThatThrownBy(() -> ErlangA.of(CCH, -3, Duration.ofMinutes(1)))
        .hasMessage("agents -3 is not positive (expected at least 1)");
  }

  /** Per-caller computation, independent of the integral representation in {@link ErlangA}. */
  private static final class PerCaller {
    double waiting;
    double abandoning;
    double asa;
    double answeredWithin;

    static PerCaller of(double erlangs, int n, double aht, double patience, double t) {
      double mu = 1 / aht;
      double theta = 1 / patience;
      double lambda = erlangs * mu;
      double nmu = n * mu;
      List<Double> pi = new ArrayList<>();
      pi.add(1.0);
      for (int i = 1; i <= n; i++) {
        pi.add(pi.get(i - 1) * lambda / (i * mu));
      }
      for (int k = 1; pi.get(pi.size() - 1) > 1e-30 * pi.get(n) || k < 10; k++) {
        pi.add(pi.get(pi.size() - 1) * lambda / (nmu + k * theta));
      }
      double z = 0;
      for (double p : pi) {
        z += p;
      }
      PerCaller r = new PerCaller();
      int queued = pi.size() - n; // k = 0 .. queued-1 waiting ahead on arrival
      double[] start = new double[queued];
      double answeredWaitTotal = 0;
      double immediate = 0;
      for (int i = 0; i < n; i++) {
        immediate += pi.get(i) / z;
      }
      for (int k = 0; k < queued; k++) {
        double p = pi.get(n + k) / z;
        start[k] = p;
        r.waiting += p;
        double served = nmu / (nmu + (k + 1) * theta);
        r.abandoning += p * (1 - served);
        double meanTilted = 0;
        for (int i = 1; i <= k + 1; i++) {
          meanTilted += 1 / (nmu + i * theta);
        }
        answeredWaitTotal += p * served * meanTilted;
      }
      r.asa = answeredWaitTotal / (1 - r.abandoning);
      r.answeredWithin = immediate + uniformized(start, nmu, theta, t);
      return r;
    }

    /** P(answered by t) for a caller with j ahead: ahead leave at Nμ + jθ, the caller abandons at θ. */
    static double uniformized(double[] start, double nmu, double theta, double t) {
      int states = start.length;
      double rate = nmu + states * theta;
      double[] v = start.clone();
      double answered = 0;
      double lt = rate * t;
      double poisson = Math.exp(-lt);
      double cumulativeAnswered = 0;
      double result = 0;
      for (int step = 0; step < lt + 60 * Math.sqrt(lt) + 200; step++) {
        result += poisson * cumulativeAnswered;
        double[] next = new double[states];
        for (int j = 0; j < states; j++) {
          double out = nmu + j * theta + theta;
          next[j] += v[j] * (1 - out / rate);
          if (j == 0) {
            answered = v[0] * nmu / rate;
          } else {
            next[j - 1] += v[j] * (nmu + j * theta) / rate;
          }
        }
        cumulativeAnswered += answered;
        v = next;
        poisson *= lt / (step + 1);
      }
      return result;
    }
  }
}
