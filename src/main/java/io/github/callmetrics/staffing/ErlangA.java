package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.definition.ServiceLevelFormula;
import java.time.Duration;
import java.util.Locale;

/**
 * Erlang A, Palm's model M/M/N+M: {@code N} agents, a first-come-first-served queue, and callers who
 * abandon when their wait exceeds an exponential patience with mean {@code 1/θ}. Unlike Erlang C the queue
 * is stable at any traffic, so every figure is defined.
 *
 * <p>Method (see
 * <a href="https://github.com/callmetrics/callmetrics/blob/main/docs/staffing.md">docs/staffing.md</a>): the number in the system is a birth-death process with birth
 * rate {@code λ = A/AHT} and death rate {@code n·μ} for {@code n ≤ N}, {@code N·μ + (n−N)·θ} above. Relative
 * to the state {@code N}, the states below sum to {@code 1/B(N, A) − 1} (Erlang B's recurrence) and the
 * states from {@code N} up sum to {@code W = c·S(c, x)} with {@code c = Nμ/θ}, {@code x = λ/θ} and
 * {@code S(c, x) = Σ_k x^k / (c(c+1)···(c+k))}, summed with rescaling (see {@code GammaSeries}) to a
 * relative tail below 1e-18. The waiting times follow from the density of the offered wait {@code V} (the
 * wait a caller with infinite patience would have) over arrivals that find all agents busy,
 * <pre>    f(v) = π_N · Nμ · exp(x·(1 − e^(−θv)) − Nμ·v)</pre>
 * (Garnett, Mandelbaum and Reiman 2002; Mandelbaum and Zeltyn), whose integrals are again the series
 * {@code S} at {@code x} and at {@code x·e^(−θt)}. A caller is answered within {@code t} when
 * {@code V ≤ t} and {@code V ≤} its patience: {@code P = (1 − P(wait)) + ∫_0^t e^(−θv) f(v) dv}.
 *
 * <p>Figures (each a fraction of offered calls unless stated): probability of waiting {@code P(n ≥ N)}
 * (arrivals see time averages); probability of abandoning {@code θ·E[Q]/λ}; expected queue length
 * {@code E[Q]}; average speed of answer of answered calls (immediate answers count as 0 s); occupancy
 * {@code A·(1 − P(abandon))/N}; service level in every formula of {@link ServiceLevelFormula}.
 *
 * <p>Assumptions: Poisson arrivals, exponential handle times, exponential patience, no retrials.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ErlangA {
  private final Workload workload;
  private final int agents;
  private final Duration patience;
  private final double patienceSeconds;
  /** c = Nμ/θ and x = λ/θ. */
  private final double c;
  private final double x;
  /** True when Erlang B underflowed (or 1/B overflows): nobody ever waits, to double precision. */
  private final boolean noQueue;
  /** Sum of all states relative to π_N. */
  private final Scaled total;
  private final Scaled belowAgents;
  /** S(c+1, x): the waiting callers eventually answered are c·S(c+1, x) relative to π_N. */
  private final Scaled answeredAfterWaitSeries;
  private final double waiting;
  private final double abandoning;
  private final double queueLength;
  private final double answeredWaitSeconds;
  private final double occupancy;

  private ErlangA(Workload workload, int agents, Duration patience) {
    this.workload = workload;
    this.agents = agents;
    this.patience = patience;
    this.patienceSeconds = Workload.seconds(patience);
    double aht = workload.averageHandleTimeSeconds();
    this.c = agents * patienceSeconds / aht;
    this.x = workload.erlangs() * patienceSeconds / aht;
    double b = ErlangB.recurrence(workload.erlangs(), agents);
    // B(N, A) of 0, or so small (1e-320 at 32 agents and 1e-9 Erlangs) that 1/B overflows: to double
    // precision nobody waits, and the states below N could not be summed relative to π_N.
    this.noQueue = !(1 / b < Double.POSITIVE_INFINITY);
    if (noQueue) {
      total = Scaled.of(1);
      belowAgents = total;
      answeredAfterWaitSeries = Scaled.ZERO;
      waiting = 0;
      abandoning = 0;
      queueLength = 0;
      answeredWaitSeconds = 0;
      occupancy = workload.erlangs() / agents;
      return;
    }
    GammaSeries atC = GammaSeries.of(c, x);
    GammaSeries atC1 = GammaSeries.of(c + 1, x);
    belowAgents = Scaled.of(1 / b - 1);
    answeredAfterWaitSeries = atC1.sum;
    Scaled atOrAbove = atC.sum.times(c);
    total = belowAgents.plus(atOrAbove);
    waiting = atOrAbove.divide(total);
    queueLength = atC.kSum.times(c).divide(total);
    abandoning = queueLength / x;
    // E[V·e^(−θV)] over waiting arrivals = c/θ · H(c+1, x), in seconds.
    double answeredWaitTotal = atC1.hSum.times(c * patienceSeconds).divide(total);
    answeredWaitSeconds = answeredWaitTotal / (1 - abandoning);
    occupancy = workload.erlangs() < agents
        ? workload.erlangs() * (1 - abandoning) / agents
        : 1 - Scaled.of(idleAgents(workload.erlangs(), agents) / agents).divide(total);
  }

  /**
   * Σ_{n<N} (N − n)·π_n / π_N, the expected idle agents relative to π_N, for A ≥ N: the terms
   * π_{N−j}/π_N = Π_{i<j} (N − i)/A fall from j = 1, so the sum is short and exact. Used for occupancy
   * when callers mostly abandon, where A·(1 − P(abandon))/N would lose digits to cancellation.
   */
  private static double idleAgents(double erlangs, int agents) {
    double term = 1;
    double sum = 0;
    for (int j = 1; j <= agents; j++) {
      term *= (agents - j + 1) / erlangs;
      sum += j * term;
      if (j * term < GammaSeries.TAIL * sum) {
        break;
      }
    }
    return sum;
  }

  /**
   * Computes the Erlang A model.
   *
   * @param workload  the offered workload, not null
   * @param agents  agents {@code N}, from 1 to {@value Checks#MAX_AGENTS}
   * @param patience  the callers' average patience {@code 1/θ}, positive, not null
   * @return the result
   * @throws IllegalArgumentException if a value is outside its range
   * @throws ArithmeticException if the queue tail needs more than 4·10^8 terms (traffic far above the
   *     agents with a patience thousands of times the handle time)
   */
  public static ErlangA of(Workload workload, int agents, Duration patience) {
    requireNonNull(workload, "workload");
    requireNonNull(patience, "patience");
    Checks.agents("agents", agents);
    Workload.requirePositive("patience", patience);
    return new ErlangA(workload, agents, patience);
  }

  /** {@return the workload} */
  public Workload workload() {
    return workload;
  }

  /** {@return the number of agents {@code N}} */
  public int agents() {
    return agents;
  }

  /** {@return the average patience {@code 1/θ}} */
  public Duration patience() {
    return patience;
  }

  /** {@return the probability that a call finds every agent busy and waits, {@code P(n ≥ N)}, in [0, 1]} */
  public double probabilityOfWaiting() {
    return waiting;
  }

  /** {@return the probability that a call is answered at once, {@code 1 − P(wait)}} */
  public double immediateAnswer() {
    return belowAgents.divide(total);
  }

  /**
   * {@return the probability that a call abandons, {@code θ·E[Q]/λ} (the abandonment rate over the arrival
   * rate), in [0, 1)}
   */
  public double probabilityOfAbandoning() {
    return abandoning;
  }

  /** {@return the expected number of calls waiting, {@code E[Q] = Σ_{n>N} (n−N)·π_n}} */
  public double expectedQueueLength() {
    return queueLength;
  }

  /**
   * {@return the average speed of answer of answered calls in seconds, immediate answers counted as 0:
   * {@code E[wait; answered] / P(answered)}}
   */
  public double averageSpeedOfAnswerSeconds() {
    return answeredWaitSeconds;
  }

  /** {@return the average speed of answer of answered calls, rounded to the nanosecond} */
  public Duration averageSpeedOfAnswer() {
    return ErlangC.toDuration(answeredWaitSeconds);
  }

  /**
   * {@return the average wait of all callers, answered or abandoned, in seconds: {@code E[Q]/λ} (Little's
   * law)}
   */
  public double averageWaitSeconds() {
    return queueLength / workload.arrivalsPerSecond();
  }

  /**
   * {@return the occupancy {@code A·(1 − P(abandon)) / N}: the fraction of time an agent is busy (computed
   * as {@code 1 − E[idle agents]/N} when {@code A ≥ N}, which is the same value without cancellation)}
   */
  public double occupancy() {
    return occupancy;
  }

  /**
   * Returns the fraction of offered calls answered with a wait of at most {@code t}, {@code A_T / O}:
   * {@code (1 − P(wait)) + ∫_0^t e^(−θv) f(v) dv}.
   *
   * @param threshold  {@code t}, zero or more, not null
   * @return a fraction in [0, 1]
   */
  public double answeredWithin(Duration threshold) {
    return immediateAnswer() + servedAfterWaitWithin(seconds(threshold));
  }

  /**
   * Returns the fraction of offered calls that abandon with a wait of at most {@code t}, {@code B_T / O}.
   *
   * @param threshold  {@code t}, zero or more, not null
   * @return a fraction in [0, P(abandon)]
   */
  public double abandonedWithin(Duration threshold) {
    double t = seconds(threshold);
    if (noQueue) {
      return 0;
    }
    // Waiting callers abandon within t unless answered within t or still waiting at t: of those whose
    // offered wait exceeds t, e^(−θt) are still there.
    Scaled stillWaiting = tailBeyond(t).times(Math.exp(-t / patienceSeconds));
    double value = waiting - servedAfterWaitWithin(t) - stillWaiting.divide(total);
    return Math.max(0, Math.min(abandoning, value));
  }

  /**
   * Returns the service level {@code A_T / O}: calls answered within {@code t} over all offered calls,
   * abandons counting against (the seeds' formula). Equivalent to {@link #answeredWithin(Duration)}.
   *
   * @param threshold  {@code t}, zero or more, not null
   * @return a fraction in [0, 1]
   */
  public double serviceLevel(Duration threshold) {
    return answeredWithin(threshold);
  }

  /**
   * Returns the service level in a formula of {@link ServiceLevelFormula}, with the model's expected
   * counts per offered call: {@code A = 1 − P(abandon)}, {@code A_T}, {@code B_T}, {@code B_S}, no flow-outs
   * ({@code ABANDONS_IGNORED} is then the same as {@code ANSWERED_ONLY}).
   *
   * @param threshold  {@code T}, zero or more, not null
   * @param formula  the formula, not null
   * @param shortAbandonThreshold  {@code S} for the short-abandon formulas, zero or more (zero: none)
   * @return a fraction in [0, 1]
   */
  public double serviceLevel(Duration threshold, ServiceLevelFormula formula, Duration shortAbandonThreshold) {
    requireNonNull(threshold, "threshold");
    requireNonNull(formula, "formula");
    requireNonNull(shortAbandonThreshold, "shortAbandonThreshold");
    Checks.notNegative("short-abandon threshold", shortAbandonThreshold);
    double within = answeredWithin(threshold);
    switch (formula) {
      case ANSWERED_ONLY:
      case ABANDONS_IGNORED:
        return within / (1 - abandoning);
      case ABANDONS_COUNT_AGAINST:
        return within;
      case ABANDONS_WITHIN_T_IGNORED:
        return within / (1 - abandonedWithin(threshold));
      case ABANDONS_WITHIN_T_COUNT_FOR:
        return within + abandonedWithin(threshold);
      case SHORT_ABANDONS_IGNORED:
        return within / (1 - abandonedWithin(shortAbandonThreshold));
      case SHORT_ABANDONS_COUNT_FOR:
        return within + abandonedWithin(shortAbandonThreshold);
      default:
        throw new AssertionError(formula);
    }
  }

  /**
   * Returns the service level as a definition counts it: its threshold, formula and short-abandon
   * threshold (the boundary makes no difference to a continuous wait, and the model has no flow-outs).
   *
   * @param definition  the definition, not null
   * @return a fraction in [0, 1]
   */
  public double serviceLevel(ServiceLevelDefinition definition) {
    requireNonNull(definition, "definition");
    return serviceLevel(definition.threshold(), definition.formula(),
        definition.shortAbandonThreshold().orElse(Duration.ZERO));
  }

  /** Returns the result as text. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Erlang A: %s E, %d agents, patience %s, P(wait) %.7g, P(abandon) %.7g",
        workload.erlangs(), agents, patience, waiting, abandoning);
  }

  private static double seconds(Duration threshold) {
    return Workload.seconds(Checks.notNegative("threshold", threshold));
  }

  /** The fraction of offered calls that wait and are answered within t seconds: ∫_0^t e^(−θv) f(v) dv. */
  private double servedAfterWaitWithin(double t) {
    if (noQueue || t == 0) {
      return 0;
    }
    double theta = 1 / patienceSeconds;
    double y = x * Math.exp(-theta * t);
    double xMinusY = -x * Math.expm1(-theta * t);
    double nmu = agents / workload.averageHandleTimeSeconds();
    Scaled all = answeredAfterWaitSeries;
    Scaled beyond = GammaSeries.of(c + 1, y).sum.times(Scaled.exp(xMinusY - (nmu + theta) * t));
    double value = all.minus(beyond).times(c).divide(total);
    return Math.max(0, value);
  }

  /** ∫_t^∞ f(v) dv relative to π_N: the waiting callers whose offered wait exceeds t. */
  private Scaled tailBeyond(double t) {
    double theta = 1 / patienceSeconds;
    double y = x * Math.exp(-theta * t);
    double xMinusY = -x * Math.expm1(-theta * t);
    double nmu = agents / workload.averageHandleTimeSeconds();
    return GammaSeries.of(c, y).sum.times(Scaled.exp(xMinusY - nmu * t)).times(c);
  }
}
