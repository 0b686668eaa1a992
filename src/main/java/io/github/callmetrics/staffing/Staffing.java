package io.github.callmetrics.staffing;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.definition.ServiceLevelDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The inverse problems: the fewest agents that reach every given {@link StaffingTarget}, shrinkage from
 * agents to staff, and the required agents per interval of a report or forecast.
 *
 * <p>Every target is monotone in the number of agents, so the solvers search instead of scanning from 1
 * agent: Erlang C starts at the fewest agents that keep the queue stable ({@code ⌊A⌋ + 1}, or the
 * occupancy bound {@code ⌈A / max⌉} if higher) and steps up with one division of the Erlang B recurrence
 * per agent, stopping at the first count that meets every target (for {@code A = 10,000} Erlangs that is
 * about a hundred steps after the stable bound). Erlang A, stable at any traffic, doubles away from
 * {@code ⌈A⌉} until the answer is bracketed and then bisects.
 *
 * <p>This class is a stateless utility; its methods are thread-safe.
 */
public final class Staffing {
  private Staffing() {}

  /**
   * Finds the fewest agents that meet every target in the Erlang C model (callers never abandon).
   *
   * @param workload  the offered workload, not null
   * @param target  a target, not null
   * @param more  further targets, all of which must be met too
   * @return the fewest agents {@code N} meeting every target; 0 if the traffic is 0
   * @throws IllegalArgumentException if a target is {@link StaffingTarget.MaxAbandonment} (Erlang C has no
   *     abandonment: use the Erlang A overload), or more than 10,000,000 agents would be needed
   */
  public static int agentsFor(Workload workload, StaffingTarget target, StaffingTarget... more) {
    requireNonNull(workload, "workload");
    List<StaffingTarget> targets = targets(target, more);
    double a = workload.erlangs();
    if (a == 0) {
      return 0;
    }
    long start = (long) Math.floor(a) + 1;
    for (StaffingTarget t : targets) {
      if (t instanceof StaffingTarget.MaxAbandonment) {
        throw new IllegalArgumentException("target " + t + " needs Erlang A (expected a patience: Erlang C callers"
            + " never abandon)");
      }
      if (t instanceof StaffingTarget.MaxOccupancy) {
        // One below the exact bound: the loop below checks the double comparison itself.
        start = Math.max(start, (long) Math.ceil(a / ((StaffingTarget.MaxOccupancy) t).maximum()) - 1);
      }
    }
    if (start > Checks.MAX_AGENTS) {
      throw unreachable(workload, targets);
    }
    int n = (int) start;
    double b = ErlangB.recurrence(a, n);
    while (!meetsAll(ErlangC.of(workload, n, b), targets)) {
      if (n == Checks.MAX_AGENTS) {
        throw unreachable(workload, targets);
      }
      n++;
      b = a * b / (n + a * b);
    }
    return n;
  }

  /**
   * Finds the fewest agents that meet every target in the Erlang A model (callers abandon after an
   * exponential patience).
   *
   * @param workload  the offered workload, not null
   * @param patience  the callers' average patience, positive
   * @param target  a target, not null
   * @param more  further targets, all of which must be met too
   * @return the fewest agents {@code N} meeting every target; 0 if the traffic is 0
   * @throws IllegalArgumentException if a value is outside its range, or more than 10,000,000 agents would
   *     be needed
   */
  public static int agentsFor(Workload workload, Duration patience, StaffingTarget target, StaffingTarget... more) {
    requireNonNull(workload, "workload");
    Workload.requirePositive("patience", patience);
    List<StaffingTarget> targets = targets(target, more);
    double a = workload.erlangs();
    if (a == 0) {
      return 0;
    }
    int guess = (int) Math.min(Checks.MAX_AGENTS, Math.max(1, Math.ceil(a)));
    return fewest(n -> meetsAll(ErlangA.of(workload, n, patience), targets), guess, workload, targets);
  }

  /**
   * Turns agents on the phones into staff to schedule: {@code ⌈agents / (1 − shrinkage)⌉}, computed
   * exactly in decimal (14 agents at 30% shrinkage are exactly 20 staff).
   *
   * @param agents  agents needed on the phones, zero or more
   * @param shrinkage  the fraction of paid time not on the phones (breaks, training, absence), in [0, 1), at
   *     most 18 decimal places
   * @return the staff to schedule
   * @throws IllegalArgumentException if a value is outside its range, or the staff would be more than
   *     {@link Integer#MAX_VALUE}
   */
  public static int withShrinkage(int agents, BigDecimal shrinkage) {
    requireNonNull(shrinkage, "shrinkage");
    if (agents < 0) {
      throw new IllegalArgumentException("agents " + agents + " is negative (expected zero or more)");
    }
    // Messages use toString: toPlainString of 1E+999999999 is a billion digits. The cap on decimal places keeps
    // 1 - shrinkage short too.
    if (shrinkage.signum() < 0 || shrinkage.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "shrinkage " + shrinkage + " is outside [0, 1) (expected a fraction such as 0.30)");
    }
    if (shrinkage.scale() > 18) { // as written: 0E-999999999 is zero, and 1 - it has a billion digits
      throw new IllegalArgumentException("shrinkage " + shrinkage
          + " has more than 18 decimal places (expected a fraction such as 0.30)");
    }
    BigDecimal staff = BigDecimal.valueOf(agents).divide(BigDecimal.ONE.subtract(shrinkage), 0, RoundingMode.CEILING);
    if (staff.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("shrinkage " + shrinkage + " turns " + agents + " agents into " + staff
          + " staff, more than " + Integer.MAX_VALUE + " (expected a smaller shrinkage)");
    }
    return staff.intValueExact();
  }

  /**
   * Turns agents into staff; equivalent to {@code withShrinkage(agents, BigDecimal.valueOf(shrinkage))},
   * so {@code 0.3} is the decimal 0.3.
   *
   * @param agents  agents needed on the phones, zero or more
   * @param shrinkage  the fraction of paid time not on the phones, in [0, 1)
   * @return the staff to schedule
   */
  public static int withShrinkage(int agents, double shrinkage) {
    if (!Double.isFinite(shrinkage)) {
      throw new IllegalArgumentException("shrinkage " + shrinkage + " is outside [0, 1) (expected a fraction such as 0.30)");
    }
    return withShrinkage(agents, BigDecimal.valueOf(shrinkage));
  }

  /**
   * Computes, per interval, the agents the Erlang C model requires for a definition's threshold and
   * target, next to the interval's actual figures. An interval with no calls requires 0 agents.
   *
   * @param intervals  the intervals of a report or forecast, in order, not null
   * @param definition  gives the threshold and the target ({@code target()} must be below 1)
   * @return one result per interval, in the same order
   */
  public static List<IntervalStaffing> perInterval(List<IntervalWorkload> intervals, ServiceLevelDefinition definition) {
    return plan(intervals, definition, null);
  }

  /**
   * Computes, per interval, the agents the Erlang A model requires for a definition's threshold, formula,
   * short-abandon threshold and target, next to the interval's actual figures.
   *
   * @param intervals  the intervals of a report or forecast, in order, not null
   * @param definition  gives the threshold, the formula and the target ({@code target()} must be below 1)
   * @param patience  the callers' average patience, positive
   * @return one result per interval, in the same order
   */
  public static List<IntervalStaffing> perInterval(List<IntervalWorkload> intervals, ServiceLevelDefinition definition,
      Duration patience) {
    return plan(intervals, definition, Workload.requirePositive("patience", patience));
  }

  private static List<IntervalStaffing> plan(List<IntervalWorkload> intervals, ServiceLevelDefinition definition,
      @Nullable Duration patience) {
    requireNonNull(intervals, "intervals");
    StaffingTarget.ServiceLevel target = StaffingTarget.serviceLevel(requireNonNull(definition, "definition"));
    List<IntervalStaffing> result = new ArrayList<>(intervals.size());
    for (IntervalWorkload interval : intervals) {
      requireNonNull(interval, "interval");
      if (interval.offeredCalls() == 0) {
        result.add(new IntervalStaffing(interval, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(),
            definition.target()));
        continue;
      }
      Workload workload = interval.workload();
      int required = patience == null ? agentsFor(workload, target) : agentsFor(workload, patience, target);
      OptionalDouble atActual = OptionalDouble.empty();
      if (interval.actualAgents().isPresent() && interval.actualAgents().getAsInt() > 0) {
        atActual = serviceLevel(workload, interval.actualAgents().getAsInt(), definition, patience);
      }
      result.add(new IntervalStaffing(interval, workload.erlangs(), required,
          serviceLevel(workload, required, definition, patience), atActual, definition.target()));
    }
    return List.copyOf(result);
  }

  private static OptionalDouble serviceLevel(Workload workload, int agents, ServiceLevelDefinition definition,
      @Nullable Duration patience) {
    return patience == null
        ? ErlangC.of(workload, agents).serviceLevel(definition.threshold())
        : OptionalDouble.of(ErlangA.of(workload, agents, patience).serviceLevel(definition));
  }

  private static List<StaffingTarget> targets(StaffingTarget target, StaffingTarget... more) {
    List<StaffingTarget> all = new ArrayList<>(1 + more.length);
    all.add(requireNonNull(target, "target"));
    for (StaffingTarget t : more) {
      all.add(requireNonNull(t, "target"));
    }
    return all;
  }

  static boolean meetsAll(ErlangC model, List<StaffingTarget> targets) {
    if (!model.isStable()) {
      return false;
    }
    for (StaffingTarget t : targets) {
      boolean met;
      if (t instanceof StaffingTarget.ServiceLevel) {
        StaffingTarget.ServiceLevel sl = (StaffingTarget.ServiceLevel) t;
        met = model.serviceLevel(sl.threshold()).orElse(0) >= sl.level();
      } else if (t instanceof StaffingTarget.AverageSpeedOfAnswer) {
        double max = Workload.seconds(((StaffingTarget.AverageSpeedOfAnswer) t).maximum());
        met = model.averageSpeedOfAnswerSeconds().orElse(Double.POSITIVE_INFINITY) <= max;
      } else if (t instanceof StaffingTarget.MaxOccupancy) {
        met = model.occupancy().orElse(Double.POSITIVE_INFINITY) <= ((StaffingTarget.MaxOccupancy) t).maximum();
      } else {
        throw new IllegalArgumentException("target " + t + " needs Erlang A");
      }
      if (!met) {
        return false;
      }
    }
    return true;
  }

  static boolean meetsAll(ErlangA model, List<StaffingTarget> targets) {
    for (StaffingTarget t : targets) {
      boolean met;
      if (t instanceof StaffingTarget.ServiceLevel) {
        StaffingTarget.ServiceLevel sl = (StaffingTarget.ServiceLevel) t;
        met = model.serviceLevel(sl.threshold(), sl.formula(), sl.shortAbandonThreshold()) >= sl.level();
      } else if (t instanceof StaffingTarget.AverageSpeedOfAnswer) {
        met = model.averageSpeedOfAnswerSeconds()
            <= Workload.seconds(((StaffingTarget.AverageSpeedOfAnswer) t).maximum());
      } else if (t instanceof StaffingTarget.MaxOccupancy) {
        met = model.occupancy() <= ((StaffingTarget.MaxOccupancy) t).maximum();
      } else {
        met = model.probabilityOfAbandoning() <= ((StaffingTarget.MaxAbandonment) t).maximum();
      }
      if (!met) {
        return false;
      }
    }
    return true;
  }

  /**
   * The fewest n in [1, MAX_AGENTS] with met(n), for a monotone predicate: gallop from the guess until the
   * answer is bracketed by (not met, met), then bisect.
   */
  private static int fewest(IntPredicate met, int guess, Workload workload, List<StaffingTarget> targets) {
    long lo;
    long hi;
    if (met.test(guess)) {
      hi = guess;
      lo = guess;
      long step = 1;
      while (true) {
        lo = hi - step;
        if (lo < 1) {
          lo = 0;
          break;
        }
        if (!met.test((int) lo)) {
          break;
        }
        hi = lo;
        step *= 2;
      }
    } else {
      lo = guess;
      long step = 1;
      while (true) {
        hi = Math.min(Checks.MAX_AGENTS, lo + step);
        if (met.test((int) hi)) {
          break;
        }
        if (hi == Checks.MAX_AGENTS) {
          throw unreachable(workload, targets);
        }
        lo = hi;
        step *= 2;
      }
    }
    // Invariant: lo is 0 or not met, hi is met.
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (met.test((int) mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return (int) hi;
  }

  private static IllegalArgumentException unreachable(Workload workload, List<StaffingTarget> targets) {
    return new IllegalArgumentException("targets " + targets + " for " + workload + " need more than "
        + Checks.MAX_AGENTS + " agents (expected a smaller workload or a looser target)");
  }
}
