package io.github.callmetrics.tally;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counting {@link Call} objects into a {@link CallTally}.
 *
 * <p>Run: {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="TallyBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TallyBenchmark {
  @Param({"1000000"})
  int calls;

  List<Call> input;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    input = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      Instant arrived = start.plusSeconds(i * 3L);
      long wait = (long) (-30 * Math.log(1 - random.nextDouble()));
      int kind = random.nextInt(10);
      String id = "c" + i;
      input.add(kind < 7
          ? Call.answered(id, "q" + (i % 50), arrived, arrived.plusSeconds(wait))
          : kind < 9
              ? Call.abandoned(id, "q" + (i % 50), arrived, arrived.plusSeconds(wait))
              : Call.leftUnanswered(id, "q" + (i % 50), arrived, arrived.plusSeconds(wait), FlowOutReason.TIMEOUT));
    }
  }

  @Benchmark
  public TallySnapshot tallyLoop() {
    CallTally tally = new CallTally();
    for (Call call : input) {
      tally.add(call);
    }
    return tally.snapshot();
  }

  @Benchmark
  public TallySnapshot parallelCollector() {
    return input.parallelStream().collect(CallTally.toSnapshot());
  }
}
