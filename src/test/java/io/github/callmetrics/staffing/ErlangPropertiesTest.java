package io.github.callmetrics.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.testing.Generators;
import io.github.callmetrics.testing.PropertyRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Properties of the staffing models on random workloads ({@link PropertyRunner}): every probability is in
 * [0, 1]; more agents never make a figure worse; and a solved number of agents {@code N} meets its targets
 * while {@code N − 1} (and, for small {@code N}, every smaller number) does not.
 */
class ErlangPropertiesTest {

  /** Traffic in Erlangs: tiny, fractional, on and next to whole numbers, up to {@code max}. */
  private static double erlangs(Generators g, double max) {
    switch (g.nextInt(5)) {
      case 0:
        return g.pick(1e-9, 1e-3, 0.5, 1.0);
      case 1:
        return Math.floor(g.nextDouble() * max) + g.pick(0.0, 1e-9, -1e-9, 0.5);
      default:
        return g.nextDouble() * max;
    }
  }

  private static Workload workload(Generators g, double maxErlangs) {
    double a = Math.max(0, erlangs(g, maxErlangs));
    return Workload.ofErlangs(a, Duration.ofSeconds(1 + g.nextInt(900), g.chance(20) ? g.nextInt(1_000_000_000) : 0));
  }

  private static Duration threshold(Generators g) {
    return Duration.ofSeconds(g.pick(0, 1, 10, 20, 30, 60, 300, g.nextInt(600)));
  }

  @Test
  void erlangBIsAProbabilityThatFallsWithLinesAndItsSolverIsMinimal() {
    PropertyRunner.forAll(3_000, g -> {
      double a = g.note("erlangs", Math.max(0, erlangs(g, g.chance(80) ? 50 : 2_000)));
      int n = g.note("lines", 1 + g.nextInt(g.chance(80) ? 80 : 3_000));
      double b = ErlangB.blockingProbability(n, a);
      assertThat(b).isBetween(0.0, 1.0);
      assertThat(ErlangB.blockingProbability(n + 1, a)).as("one more line").isLessThanOrEqualTo(b);
      assertThat(ErlangB.blockingProbability(n, a * 1.5 + 1)).as("more traffic").isGreaterThanOrEqualTo(b);
      ErlangB model = ErlangB.of(a, n);
      assertThat(model.carriedErlangs()).isBetween(0.0, a);
      assertThat(model.occupancy()).isBetween(0.0, 1.0);

      double ceiling = g.note("max blocking", g.pick(1e-6, 0.001, 0.01, 0.02, 0.05, 0.5, 0.999, 0.01 + g.nextDouble() * 0.9));
      int lines = ErlangB.linesFor(a, ceiling);
      assertThat(ErlangB.blockingProbability(lines, a)).as("%d lines meet %s", lines, ceiling).isLessThanOrEqualTo(ceiling);
      if (lines > 1) {
        assertThat(ErlangB.blockingProbability(lines - 1, a)).as("%d lines do not", lines - 1).isGreaterThan(ceiling);
      }
    });
  }

  @Test
  void erlangCFiguresAreProbabilitiesAndMoreAgentsNeverMakeThemWorse() {
    PropertyRunner.forAll(3_000, g -> {
      Workload w = g.note("workload", workload(g, g.chance(80) ? 60 : 3_000));
      int n = g.note("agents", Math.max(1, (int) Math.floor(w.erlangs()) + g.between(-2, 20)));
      Duration t = g.note("threshold", threshold(g));
      ErlangC c = ErlangC.of(w, n);
      ErlangC more = ErlangC.of(w, n + 1);
      if (!c.isStable()) {
        assertThat(w.erlangs()).isGreaterThanOrEqualTo(n);
        assertThat(c.probabilityOfWaiting()).isEmpty();
        assertThat(c.serviceLevel(t)).isEmpty();
        assertThat(c.averageSpeedOfAnswerSeconds()).isEmpty();
        return;
      }
      double wait = c.probabilityOfWaiting().getAsDouble();
      double sl = c.serviceLevel(t).getAsDouble();
      assertThat(wait).isBetween(0.0, 1.0);
      assertThat(sl).isBetween(0.0, 1.0);
      assertThat(c.immediateAnswer().getAsDouble()).isBetween(0.0, 1.0);
      assertThat(c.occupancy().getAsDouble()).isBetween(0.0, 1.0);
      assertThat(c.averageSpeedOfAnswerSeconds().getAsDouble()).isGreaterThanOrEqualTo(0);
      assertThat(more.isStable()).isTrue();
      assertThat(more.probabilityOfWaiting().getAsDouble()).as("P(wait) with one more").isLessThanOrEqualTo(wait);
      assertThat(more.serviceLevel(t).getAsDouble()).as("SL with one more").isGreaterThanOrEqualTo(sl);
      assertThat(more.averageSpeedOfAnswerSeconds().getAsDouble()).as("ASA with one more")
          .isLessThanOrEqualTo(c.averageSpeedOfAnswerSeconds().getAsDouble());
      assertThat(c.serviceLevel(t.plusSeconds(1)).getAsDouble()).as("SL with a longer threshold").isGreaterThanOrEqualTo(sl);
    });
  }

  private static List<StaffingTarget> targets(Generators g, boolean erlangA) {
    List<StaffingTarget> targets = new ArrayList<>();
    targets.add(StaffingTarget.serviceLevel(g.pick(0.0, 0.5, 0.8, 0.9, 0.95, 0.99, g.nextDouble() * 0.999), threshold(g)));
    if (g.chance(30)) {
      targets.add(StaffingTarget.averageSpeedOfAnswer(Duration.ofSeconds(1 + g.nextInt(120))));
    }
    if (g.chance(30)) {
      targets.add(StaffingTarget.maxOccupancy(g.pick(0.5, 0.85, 0.9, 1.0, 0.05 + g.nextDouble() * 0.95)));
    }
    if (erlangA && g.chance(30)) {
      targets.add(StaffingTarget.maxAbandonment(g.pick(0.01, 0.05, 0.2, 0.001 + g.nextDouble() * 0.9)));
    }
    return g.note("targets", targets);
  }

  /** Whether an Erlang C model meets every target, read from its public figures. */
  private static boolean meets(ErlangC c, List<StaffingTarget> targets) {
    if (!c.isStable()) {
      return false;
    }
    for (StaffingTarget t : targets) {
      if (t instanceof StaffingTarget.ServiceLevel sl) {
        if (c.serviceLevel(sl.threshold()).getAsDouble() < sl.level()) {
          return false;
        }
      } else if (t instanceof StaffingTarget.AverageSpeedOfAnswer asa) {
        if (c.averageSpeedOfAnswerSeconds().getAsDouble() > Workload.seconds(asa.maximum())) {
          return false;
        }
      } else if (t instanceof StaffingTarget.MaxOccupancy occupancy) {
        if (c.occupancy().getAsDouble() > occupancy.maximum()) {
          return false;
        }
      } else {
        throw new AssertionError(t);
      }
    }
    return true;
  }

  /** Whether an Erlang A model meets every target, read from its public figures. */
  private static boolean meets(ErlangA a, List<StaffingTarget> targets) {
    for (StaffingTarget t : targets) {
      boolean met;
      if (t instanceof StaffingTarget.ServiceLevel sl) {
        met = a.serviceLevel(sl.threshold(), sl.formula(), sl.shortAbandonThreshold()) >= sl.level();
      } else if (t instanceof StaffingTarget.AverageSpeedOfAnswer asa) {
        met = a.averageSpeedOfAnswerSeconds() <= Workload.seconds(asa.maximum());
      } else if (t instanceof StaffingTarget.MaxOccupancy occupancy) {
        met = a.occupancy() <= occupancy.maximum();
      } else {
        met = a.probabilityOfAbandoning() <= ((StaffingTarget.MaxAbandonment) t).maximum();
      }
      if (!met) {
        return false;
      }
    }
    return true;
  }

  @Test
  void theErlangCSolverFindsTheFewestAgentsThatMeetEveryTarget() {
    PropertyRunner.forAll(2_000, g -> {
      Workload w = g.note("workload", workload(g, g.chance(85) ? 60 : 3_000));
      List<StaffingTarget> targets = targets(g, false);
      StaffingTarget[] rest = targets.subList(1, targets.size()).toArray(new StaffingTarget[0]);
      int n = Staffing.agentsFor(w, targets.get(0), rest);
      if (w.erlangs() == 0) {
        assertThat(n).isZero();
        return;
      }
      assertThat(meets(ErlangC.of(w, n), targets)).as("%d agents meet the targets", n).isTrue();
      for (int m = n - 1; m >= Math.max(1, n <= 300 ? 1 : n - 1); m--) {
        assertThat(meets(ErlangC.of(w, m), targets)).as("%d agents do not", m).isFalse();
      }
    });
  }

  @Test
  void erlangAFiguresAreProbabilitiesAndItsSolverFindsTheFewestAgents() {
    PropertyRunner.forAll(3_000, g -> {
      Workload w = g.note("workload", workload(g, g.chance(90) ? 40 : 400));
      Duration patience = g.note("patience", Duration.ofSeconds(1 + g.nextInt(900)));
      int agents = g.note("agents", 1 + g.nextInt(60));
      ErlangA model = ErlangA.of(w, agents, patience);
      Duration t = threshold(g);
      for (double p : new double[] {model.probabilityOfWaiting(), model.probabilityOfAbandoning(),
          model.serviceLevel(t), model.immediateAnswer(), model.occupancy()}) {
        assertThat(p).isBetween(0.0, 1.0);
      }
      assertThat(model.averageSpeedOfAnswerSeconds()).isGreaterThanOrEqualTo(0);
      assertThat(ErlangA.of(w, agents + 1, patience).probabilityOfAbandoning()).as("abandoning with one more")
          .isLessThanOrEqualTo(model.probabilityOfAbandoning() + 1e-12);

      List<StaffingTarget> targets = targets(g, true);
      StaffingTarget[] rest = targets.subList(1, targets.size()).toArray(new StaffingTarget[0]);
      int n = Staffing.agentsFor(w, patience, targets.get(0), rest);
      if (w.erlangs() == 0) {
        assertThat(n).isZero();
        return;
      }
      assertThat(meets(ErlangA.of(w, n, patience), targets)).as("%d agents meet the targets", n).isTrue();
      for (int m = n - 1; m >= Math.max(1, n <= 60 ? 1 : n - 1); m--) {
        assertThat(meets(ErlangA.of(w, m, patience), targets)).as("%d agents do not", m).isFalse();
      }
    });
  }
}
