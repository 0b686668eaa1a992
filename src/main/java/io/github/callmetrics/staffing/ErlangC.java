package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Erlang C, the delay model M/M/N: {@code N} agents, an unlimited queue served first come first served,
 * callers who never hang up. With traffic {@code A} Erlangs and average handle time {@code AHT}:
 * <ul>
 *   <li>probability of waiting {@code C = N·B / (N − A·(1 − B))}, from Erlang B's {@code B = B(N, A)}
 *       (equal to the textbook {@code (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A))});
 *   <li>service level {@code P(wait ≤ t) = 1 − C·e^(−(N−A)·t/AHT)};
 *   <li>average speed of answer {@code ASA = C·AHT / (N − A)}, over all calls;
 *   <li>occupancy {@code A / N}; immediate answer {@code 1 − C};
 *   <li>expected queue length {@code C·A / (N − A)}.
 * </ul>
 *
 * <p>The queue is stable only when {@code A < N}. Otherwise it grows without bound, none of the figures
 * exists, and every one of them is empty: {@link #isStable()} is false. They are never NaN or infinite.
 *
 * <p>Assumptions: Poisson arrivals, exponential handle times, no abandonment and no retrials. Where
 * callers do hang up, Erlang C overstates waiting and so overstaffs; use {@link ErlangA}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ErlangC {
  private final Workload workload;
  private final int agents;
  /** Probability of waiting, or NaN internally (never returned) when the queue is unstable. */
  private final double waiting;

  private ErlangC(Workload workload, int agents, double erlangB) {
    this.workload = workload;
    this.agents = agents;
    double a = workload.erlangs();
    this.waiting = a < agents ? agents * erlangB / (agents - a * (1 - erlangB)) : Double.NaN;
  }

  /**
   * Computes the Erlang C model for a workload and a number of agents, in {@code N} steps of the Erlang B
   * recurrence.
   *
   * @param workload  the offered workload, not null
   * @param agents  agents {@code N}, from 1 to {@value Checks#MAX_AGENTS}
   * @return the result, stable if and only if {@code A < N}
   * @throws IllegalArgumentException if the number of agents is outside its range
   */
  public static ErlangC of(Workload workload, int agents) {
    requireNonNull(workload, "workload");
    Checks.agents("agents", agents);
    return new ErlangC(workload, agents, ErlangB.recurrence(workload.erlangs(), agents));
  }

  /** Builds the result from Erlang B's {@code B(agents, A)} already computed (for the solvers). */
  static ErlangC of(Workload workload, int agents, double erlangB) {
    return new ErlangC(workload, agents, erlangB);
  }

  /** {@return the workload} */
  public Workload workload() {
    return workload;
  }

  /** {@return the number of agents {@code N}} */
  public int agents() {
    return agents;
  }

  /** {@return whether the queue is stable, {@code A < N}; if not, every figure is empty} */
  public boolean isStable() {
    return !Double.isNaN(waiting);
  }

  /**
   * Returns the probability that a call waits, {@code C = N·B / (N − A·(1 − B))}.
   *
   * @return a probability in [0, 1), or empty if the queue is unstable ({@code A ≥ N})
   */
  public OptionalDouble probabilityOfWaiting() {
    return isStable() ? OptionalDouble.of(waiting) : OptionalDouble.empty();
  }

  /**
   * Returns the probability that a call is answered at once, {@code 1 − C}.
   *
   * @return a probability in (0, 1], or empty if the queue is unstable
   */
  public OptionalDouble immediateAnswer() {
    return isStable() ? OptionalDouble.of(1 - waiting) : OptionalDouble.empty();
  }

  /**
   * Returns the service level, the probability that a call waits at most {@code t}:
   * {@code 1 − C·e^(−(N−A)·t/AHT)}. Every call is answered in this model, so every formula of
   * {@link io.github.callmetrics.definition.ServiceLevelFormula} gives this same value.
   *
   * @param threshold  the threshold {@code t}, zero or more, not null
   * @return a probability in (0, 1], or empty if the queue is unstable
   * @throws IllegalArgumentException if the threshold is negative
   */
  public OptionalDouble serviceLevel(Duration threshold) {
    double t = Workload.seconds(Checks.notNegative("threshold", threshold));
    if (!isStable()) {
      return OptionalDouble.empty();
    }
    double decay = (agents - workload.erlangs()) * t / workload.averageHandleTimeSeconds();
    return OptionalDouble.of(1 - waiting * Math.exp(-decay));
  }

  /**
   * Returns the average speed of answer over all calls, {@code C·AHT / (N − A)}, in seconds.
   *
   * @return seconds, zero or more, or empty if the queue is unstable
   */
  public OptionalDouble averageSpeedOfAnswerSeconds() {
    return isStable()
        ? OptionalDouble.of(waiting * workload.averageHandleTimeSeconds() / (agents - workload.erlangs()))
        : OptionalDouble.empty();
  }

  /**
   * Returns the average speed of answer rounded to the nanosecond; see
   * {@link #averageSpeedOfAnswerSeconds()}.
   *
   * @return the duration, or empty if the queue is unstable
   */
  public Optional<Duration> averageSpeedOfAnswer() {
    OptionalDouble s = averageSpeedOfAnswerSeconds();
    return s.isPresent() ? Optional.of(toDuration(s.getAsDouble())) : Optional.empty();
  }

  /**
   * Returns the occupancy {@code A / N}: the fraction of time an agent is busy.
   *
   * @return a fraction in [0, 1), or empty if the queue is unstable
   */
  public OptionalDouble occupancy() {
    return isStable() ? OptionalDouble.of(workload.erlangs() / agents) : OptionalDouble.empty();
  }

  /**
   * Returns the expected number of calls waiting, {@code C·A / (N − A)} (Little's law: arrival rate
   * times ASA).
   *
   * @return calls, zero or more, or empty if the queue is unstable
   */
  public OptionalDouble expectedQueueLength() {
    return isStable()
        ? OptionalDouble.of(waiting * workload.erlangs() / (agents - workload.erlangs()))
        : OptionalDouble.empty();
  }

  /** Returns the result as text, for example {@code "Erlang C: 10.0 E, 14 agents, P(wait) 0.1741319"}. */
  @Override
  public String toString() {
    return isStable()
        ? String.format(Locale.ROOT, "Erlang C: %s E, %d agents, P(wait) %.7g", workload.erlangs(), agents, waiting)
        : String.format(Locale.ROOT, "Erlang C: %s E, %d agents, unstable (A >= N)", workload.erlangs(), agents);
  }

  static Duration toDuration(double seconds) {
    long whole = (long) Math.floor(seconds);
    long nanos = Math.round((seconds - whole) * 1e9);
    return Duration.ofSeconds(whole, nanos);
  }
}
