package io.github.callmetrics.staffing;

import static io.github.callmetrics.staffing.Digits.assertRelative;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Erlang B and C against an exact computation in integers: with {@code A = p/q}, the textbook sums times
 * {@code q^N·N!} are the integers {@code u_k = p^k·q^(N−k)·N!/k!}, so
 * {@code B = u_N / Σ_{k≤N} u_k} and {@code C = u_N·Nq / ((Nq − p)·Σ_{k<N} u_k + u_N·Nq)}, divided only at
 * the end, to 40 digits.
 */
class ExactArithmeticTest {
  private static final MathContext DIGITS_40 = new MathContext(40);
  private static final Duration AHT = Duration.ofMinutes(3);

  @Test
  void gridAgreesToTwelveDigits() {
    int[] agents = {1, 2, 3, 5, 10, 14, 33, 50, 100, 250, 500, 1000};
    // Fractions of N with small binary denominators, so the double A is exactly p/q.
    int[][] fractions = {{1, 64}, {1, 8}, {1, 2}, {3, 4}, {7, 8}, {15, 16}, {127, 128}, {5, 4}, {3, 1}};
    for (int n : agents) {
      for (int[] f : fractions) {
        BigInteger p = BigInteger.valueOf((long) n * f[0]);
        BigInteger q = BigInteger.valueOf(f[1]);
        double a = (double) n * f[0] / f[1];
        Exact exact = Exact.of(n, p, q);
        assertAgrees(ErlangB.blockingProbability(n, a), exact.blocking);
        ErlangC c = ErlangC.of(Workload.ofErlangs(a, AHT), n);
        if (exact.waiting != null) {
          assertAgrees(c.probabilityOfWaiting().getAsDouble(), exact.waiting);
        } else {
          org.assertj.core.api.Assertions.assertThat(c.isStable()).isFalse();
        }
      }
    }
  }

  @Test
  void oneThousandLinesAtNineHundredFiftyErlangs() {
    Exact exact = Exact.of(1000, BigInteger.valueOf(950), BigInteger.ONE);
    assertRelative(ErlangB.blockingProbability(1000, 950), exact.blocking.doubleValue(), 1e-12);
    assertRelative(ErlangC.of(Workload.ofErlangs(950, AHT), 1000).probabilityOfWaiting().getAsDouble(),
        exact.waiting.doubleValue(), 1e-12);
  }

  @Test
  void hundredThousandAgentsAgreeWithFortyDigitRecurrence() {
    // At this size the integers have half a million digits; the same stable recurrence in 40-digit
    // decimal arithmetic measures the rounding error the double recurrence accumulates over 100,000 steps.
    int n = 100_000;
    for (double a : new double[] {90_000, 99_000, 99_999.5}) {
      BigDecimal traffic = new BigDecimal(a);
      BigDecimal b = BigDecimal.ONE;
      for (int k = 1; k <= n; k++) {
        BigDecimal ab = traffic.multiply(b, DIGITS_40);
        b = ab.divide(BigDecimal.valueOf(k).add(ab, DIGITS_40), DIGITS_40);
      }
      assertRelative(ErlangB.blockingProbability(n, a), b.doubleValue(), 1e-12);
      BigDecimal bigN = BigDecimal.valueOf(n);
      BigDecimal c = bigN.multiply(b, DIGITS_40)
          .divide(bigN.subtract(traffic.multiply(BigDecimal.ONE.subtract(b), DIGITS_40), DIGITS_40), DIGITS_40);
      assertRelative(ErlangC.of(Workload.ofErlangs(a, AHT), n).probabilityOfWaiting().getAsDouble(),
          c.doubleValue(), 1e-12);
    }
  }

  /** Relative agreement to 1e-12 in the normal double range; below it, both are negligible. */
  private static void assertAgrees(double actual, BigDecimal exact) {
    if (exact.compareTo(new BigDecimal("1e-290")) < 0) {
      org.assertj.core.api.Assertions.assertThat(actual).isLessThan(1e-289);
    } else {
      assertRelative(actual, exact.doubleValue(), 1e-12);
    }
  }

  /** Exact B and C from integer sums. */
  private static final class Exact {
    final BigDecimal blocking;
    final BigDecimal waiting;

    private Exact(BigDecimal blocking, BigDecimal waiting) {
      this.blocking = blocking;
      this.waiting = waiting;
    }

    static Exact of(int n, BigInteger p, BigInteger q) {
      BigInteger factorial = BigInteger.ONE;
      for (int k = 2; k <= n; k++) {
        factorial = factorial.multiply(BigInteger.valueOf(k));
      }
      BigInteger u = q.pow(n).multiply(factorial); // u_0
      BigInteger below = BigInteger.ZERO; // Σ_{k<N} u_k
      for (int k = 1; k <= n; k++) {
        below = below.add(u);
        u = u.multiply(p).divide(q.multiply(BigInteger.valueOf(k))); // exact: u_k is an integer
      }
      BigDecimal blocking = new BigDecimal(u).divide(new BigDecimal(below.add(u)), DIGITS_40);
      BigInteger nq = q.multiply(BigInteger.valueOf(n));
      if (nq.compareTo(p) <= 0) {
        return new Exact(blocking, null);
      }
      BigInteger top = u.multiply(nq);
      BigDecimal waiting = new BigDecimal(top)
          .divide(new BigDecimal(below.multiply(nq.subtract(p)).add(top)), DIGITS_40);
      return new Exact(blocking, waiting);
    }
  }
}
