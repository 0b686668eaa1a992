package io.github.callmetrics.staffing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Erlang C at scale: one service level for N = 10,000 agents (goal: under 100 µs) and the fewest agents
 * for 80/20 at A = 10,000 Erlangs (goal: under 10 ms), each next to a naive twin: the textbook power
 * series in double (which overflows to NaN at this size: it is here for its cost and its failure) and a
 * linear scan from 1 agent that evaluates Erlang C from scratch at each count.
 *
 * <p>Run: {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="ErlangBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ErlangBenchmark {
  static final Duration AHT = Duration.ofMinutes(3);
  static final Duration T20 = Duration.ofSeconds(20);

  Workload slWorkload;
  Workload solveWorkload;
  StaffingTarget eightyTwenty;

  @Setup
  public void setUp() {
    slWorkload = Workload.ofErlangs(9_500, AHT);
    solveWorkload = Workload.ofErlangs(10_000, AHT);
    eightyTwenty = StaffingTarget.serviceLevel(0.8, T20);
  }

  @Benchmark
  public double serviceLevelAt10000Agents() {
    return ErlangC.of(slWorkload, 10_000).serviceLevel(T20).getAsDouble();
  }

  /** The textbook formula: Σ A^k/k! by repeated multiplication; overflows (NaN) once A^k/k! passes 1e308. */
  @Benchmark
  public double serviceLevelTextbookTwin() {
    double a = slWorkload.erlangs();
    int n = 10_000;
    double term = 1;
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += term;
      term = term * a / (k + 1);
    }
    double top = term * n / (n - a);
    double c = top / (sum + top);
    return 1 - c * Math.exp(-(n - a) * 20 / 180.0);
  }

  @Benchmark
  public int agentsFor10000Erlangs() {
    return Staffing.agentsFor(solveWorkload, eightyTwenty);
  }

  /** Erlang A, stable at any traffic: gallop and bisect, each step a full evaluation. */
  @Benchmark
  public int agentsFor10000ErlangsErlangA() {
    return Staffing.agentsFor(solveWorkload, Duration.ofMinutes(5), eightyTwenty);
  }

  /** The naive twin: a scan from 1 agent, Erlang C from scratch at each count. */
  @Benchmark
  public int agentsLinearScanTwin() {
    for (int n = 1; ; n++) {
      ErlangC c = ErlangC.of(solveWorkload, n);
      if (c.isStable() && c.serviceLevel(T20).getAsDouble() >= 0.8) {
        return n;
      }
    }
  }
}
