package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * Erlang B, the loss model M/M/N/N: {@code N} lines (or agents) and no queue; a call that finds every line
 * busy is blocked and lost. The blocking probability is
 * <pre>    B(N, A) = (A^N / N!) / Σ_{k=0..N} A^k / k!</pre>
 * computed with the recurrence {@code B(0) = 1}, {@code B(n) = A·B(n−1) / (n + A·B(n−1))}, which keeps
 * every intermediate value in [0, 1]: no factorial or power is ever formed, so it is exact to double
 * precision for any {@code N} up to {@value Checks#MAX_AGENTS} and any traffic, in {@code N} steps. A
 * blocking probability below about 1e-308 underflows to 0.
 *
 * <p>Assumptions: Poisson arrivals, blocked calls do not retry, holding times of any distribution with
 * the given mean (Erlang B is insensitive to it).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ErlangB {
  private final double erlangs;
  private final int lines;
  private final double blocking;

  private ErlangB(double erlangs, int lines, double blocking) {
    this.erlangs = erlangs;
    this.lines = lines;
    this.blocking = blocking;
  }

  /**
   * Computes the Erlang B model for offered traffic on a number of lines.
   *
   * @param erlangs  offered traffic {@code A} in Erlangs, finite, zero or more
   * @param lines  lines or agents {@code N}, from 1 to {@value Checks#MAX_AGENTS}
   * @return the result
   * @throws IllegalArgumentException if a value is outside its range
   */
  public static ErlangB of(double erlangs, int lines) {
    Workload.checkErlangs(erlangs);
    Checks.agents("lines", lines);
    return new ErlangB(erlangs, lines, recurrence(erlangs, lines));
  }

  /**
   * Computes the Erlang B model for a workload; equivalent to {@code of(workload.erlangs(), lines)}.
   *
   * @param workload  the offered workload, not null
   * @param lines  lines or agents, from 1 to {@value Checks#MAX_AGENTS}
   * @return the result
   */
  public static ErlangB of(Workload workload, int lines) {
    return of(requireNonNull(workload, "workload").erlangs(), lines);
  }

  /**
   * Computes the blocking probability {@code B(N, A)}; equivalent to
   * {@code of(erlangs, lines).blockingProbability()}.
   *
   * @param lines  lines {@code N}, from 1 to {@value Checks#MAX_AGENTS}
   * @param erlangs  offered traffic {@code A} in Erlangs, finite, zero or more
   * @return the probability that a call is blocked, in [0, 1]
   */
  public static double blockingProbability(int lines, double erlangs) {
    return of(erlangs, lines).blockingProbability();
  }

  /**
   * Finds the fewest lines whose blocking probability is at most a ceiling, stepping the recurrence once
   * from 1 line upwards (each step costs one division, so this is as cheap as one evaluation).
   *
   * @param erlangs  offered traffic in Erlangs, finite, zero or more
   * @param maxBlocking  the highest acceptable blocking probability, in (0, 1)
   * @return the fewest lines {@code N ≥ 1} with {@code B(N, A) ≤ maxBlocking}
   * @throws IllegalArgumentException if a value is outside its range, or more than
   *     {@value Checks#MAX_AGENTS} lines would be needed
   */
  public static int linesFor(double erlangs, double maxBlocking) {
    Workload.checkErlangs(erlangs);
    Checks.probability("maximum blocking", maxBlocking, false, false);
    double b = 1;
    for (int n = 1; n <= Checks.MAX_AGENTS; n++) {
      b = erlangs * b / (n + erlangs * b);
      if (b <= maxBlocking) {
        return n;
      }
    }
    throw new IllegalArgumentException("traffic " + erlangs + " Erlangs needs more than " + Checks.MAX_AGENTS
        + " lines for blocking " + maxBlocking + " (expected a smaller workload)");
  }

  /**
   * Finds the offered traffic at which a number of lines reaches a blocking probability (the classic
   * table: 15 lines at 1% blocking carry 8.108 Erlangs). {@code B(N, A)} increases strictly with
   * {@code A}, so the answer is found by bisection to the last bit of a double.
   *
   * @param lines  lines {@code N}, from 1 to {@value Checks#MAX_AGENTS}
   * @param blocking  the blocking probability, in (0, 1)
   * @return the largest traffic {@code A} in Erlangs with {@code B(N, A) ≤ blocking}
   * @throws IllegalArgumentException if a value is outside its range
   */
  public static double trafficFor(int lines, double blocking) {
    Checks.agents("lines", lines);
    Checks.probability("blocking", blocking, false, false);
    double lo = 0;
    double hi = lines;
    while (recurrence(hi, lines) <= blocking) {
      lo = hi;
      hi *= 2;
    }
    // Invariant: B(lo) <= blocking < B(hi).
    while (true) {
      double mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) {
        return lo;
      }
      if (recurrence(mid, lines) <= blocking) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
  }

  /** The recurrence B(n) = A·B(n−1) / (n + A·B(n−1)), B(0) = 1; every value stays in [0, 1]. */
  static double recurrence(double erlangs, int lines) {
    double b = 1;
    for (int n = 1; n <= lines; n++) {
      b = erlangs * b / (n + erlangs * b);
    }
    return b;
  }

  /** {@return the offered traffic {@code A} in Erlangs} */
  public double erlangs() {
    return erlangs;
  }

  /** {@return the number of lines {@code N}} */
  public int lines() {
    return lines;
  }

  /** {@return the blocking probability {@code B(N, A)}: the fraction of offered calls that are lost} */
  public double blockingProbability() {
    return blocking;
  }

  /** {@return the carried traffic {@code A·(1 − B)} in Erlangs: the lines busy on average} */
  public double carriedErlangs() {
    return erlangs * (1 - blocking);
  }

  /** {@return the occupancy {@code A·(1 − B) / N}: the fraction of time a line is busy, in [0, 1)} */
  public double occupancy() {
    return carriedErlangs() / lines;
  }

  /** Returns the result as text, for example {@code "Erlang B: 10.0 E on 17 lines, blocking 0.01295"}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Erlang B: %s E on %d lines, blocking %.7g", erlangs, lines, blocking);
  }
}
