package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.tally.TallySnapshot;
import io.github.callmetrics.tally.WaitDistribution;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The year report of issue 8 ({@link YearWorkload}: 30 million calls, 50 queues × 2 channels × 35,040 quarter
 * hours) from calls already in memory, our path beside a naive twin and the memory floor, in one run:
 *
 * <ul>
 *   <li>{@code naiveTwin}: what one writes first, as issue 8 describes it: the calls as objects with
 *       {@code Instant} fields ({@link NaiveCall}, made from the same calls in the setup), then
 *       {@code stream().collect(groupingBy(...))} with a {@code ZonedDateTime} truncation per call, and per cell
 *       counts, sums, maxima and percentiles by sorting the answered waits. Lives here, not in the library.
 *   <li>{@code oursFromCalls}: {@code spec.report(calls)}, the README's API on one thread: every count, sum,
 *       maximum and an exact 1-s wait distribution per cell, for any roll-up.
 *   <li>{@code oursFromCallsWithTotal}: the same plus the whole year's total row (exact percentiles of all calls).
 *   <li>{@code oursTwoThreads}: {@code spec.parallelReport(calls)} on both cores: a range of the list per
 *       thread, and the thread done first takes blocks from the end of the other's.
 *   <li>{@code oursParallelStream}: {@code calls.parallelStream().collect(spec.collector())} on both cores: each
 *       thread counts two fixed quarters of the list.
 *   <li>{@code oursEveryRowRead}: {@code spec.report(calls)}, then every row read and the naive twin's figures
 *       taken from it (our rows are views, built when read).
 *   <li>{@code columnsCountsOnly}: a hand-written loop over primitive columns of the same calls: counts, wait
 *       sums and maxima per cell (interval-major, as our store), no distributions.
 *   <li>{@code columnsFloor}: a plain sum over those columns, the memory floor.
 * </ul>
 *
 * <p>Run (one JMH run at a time on the machine; the heap must hold 30 M {@code Call} objects with their ids,
 * about 4.6 GB, and in the naive twin's fork its records as well):
 * {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="YearReportBenchmark -f 1 -wi 1 -i 3"} (the fork
 * already gets {@code -Xmx16g -Xms16g -XX:+AlwaysPreTouch}; add {@code -prof gc} for allocation). The setup prints
 * the bytes of the year report's store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The heap is touched when the JVM starts: the kernel's first-touch page faults would otherwise fall on the first
// ops' fresh arrays (about 150 ms an op for the 450 MB our report allocates), not on the work measured.
// The heap holds the calls twice in the naive twin's fork: as Call objects (4.6 GB with their ids) and as the naive
// twin's records with Instant fields (3.4 GB more), with room for the twin's 19 GB of garbage an op.
@Fork(value = 1, jvmArgsAppend = {"-Xmx16g", "-Xms16g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
public class YearReportBenchmark {
  /** The naive twin's percentiles. */
  private static final double[] PERCENTS = {50, 80, 90, 95, 99};

  @Param({"30000000"})
  int calls;

  List<Call> input;
  YearWorkload.Columns columns;
  ReportSpec spec;
  IntervalGrid grid;

  @Setup
  public void setUp() {
    input = YearWorkload.calls(calls);
    columns = new YearWorkload.Columns(calls);
    spec = YearWorkload.spec();
    grid = spec.grid();
    Report report = spec.report(input);
    System.out.printf("%nyear report: %d rows, store %,d bytes (%.1f MiB), %d calls%n", report.rows().size(),
        report.storeBytes(), report.storeBytes() / 1048576.0, report.total().counts().arrivals());
  }

  @Benchmark
  public Report oursFromCalls() {
    return spec.report(input);
  }

  @Benchmark
  public ReportRow oursFromCallsWithTotal() {
    return spec.report(input).total();
  }

  @Benchmark
  public Report oursTwoThreads() {
    return spec.parallelReport(input);
  }

  @Benchmark
  public Report oursParallelStream() {
    return input.parallelStream().collect(spec.collector());
  }

  /**
   * The report, then every one of its 3.5 M rows read and the naive twin's figures taken from it: arrivals,
   * counts per outcome, wait sums and maxima, handle time and the answered waits' p50, p80, p90, p95 and p99.
   * Rows are views: each is built when read, its waits copied and sorted then.
   */
  @Benchmark
  public long oursEveryRowRead() {
    long sum = 0;
    for (ReportRow row : spec.report(input).rows()) {
      TallySnapshot counts = row.counts();
      WaitDistribution answered = counts.answeredWaits();
      WaitDistribution abandoned = counts.abandonedWaits();
      sum += counts.arrivals() + counts.answered() + counts.abandoned() + counts.flowOuts()
          + answered.totalSeconds() + abandoned.totalSeconds() + answered.maxSeconds().orElse(0)
          + abandoned.maxSeconds().orElse(0) + counts.handleTimeTotal().getSeconds();
      for (double p : PERCENTS) {
        sum += answered.percentile(p).map(Duration::getSeconds).orElse(0L);
      }
    }
    return sum;
  }

  /**
   * The naive twin's call: a record of {@code java.time} values, as one models a call first (our {@link Call} keeps
   * its instants as primitives and makes an {@code Instant} only when asked). The flow-out reason and the handle
   * time are null when there is none.
   */
  public record NaiveCall(String id, String queue, Channel channel, Instant arrived, Instant left, Outcome outcome,
      @Nullable FlowOutReason flowOutReason, @Nullable Duration handleTime) {}

  /** The naive twin's input: the same calls as {@link NaiveCall}s, made only in the naive twin's fork. */
  @State(Scope.Benchmark)
  public static class NaiveInput {
    List<NaiveCall> calls;

    @Setup
    public void setUp(YearReportBenchmark benchmark) {
      calls = new ArrayList<>(benchmark.input.size());
      for (Call c : benchmark.input) {
        calls.add(new NaiveCall(c.id(), c.queue(), c.channel(), c.arrived(), c.outcomeAt().orElseThrow(), c.outcome(),
            c.flowOutReason().orElse(null), c.handleTime().orElse(null)));
      }
    }
  }

  /** The naive twin's cell key. */
  public record Cell(String queue, Channel channel, ZonedDateTime start) {}

  /** The naive twin's row: counts, sums, maxima and percentiles p50, p80, p90, p95, p99 of answered waits. */
  @SuppressWarnings("ArrayRecordComponent") // a benchmark's result, returned to the blackhole, never compared
  public record NaiveRow(long arrivals, long[] byOutcome, long answeredWaitSum, long abandonedWaitSum, long maxAnswered,
      long maxAbandoned, long handleSum, long[] percentiles) {}

  @Benchmark
  public Map<Cell, NaiveRow> naiveTwin(NaiveInput naive) {
    Map<Cell, List<NaiveCall>> byCell = naive.calls.stream()
        .collect(Collectors.groupingBy(c -> new Cell(c.queue(), c.channel(), quarterHour(c.arrived()))));
    Map<Cell, NaiveRow> rows = new HashMap<>();
    for (Map.Entry<Cell, List<NaiveCall>> e : byCell.entrySet()) {
      long[] byOutcome = new long[6];
      long answeredSum = 0;
      long abandonedSum = 0;
      long maxAnswered = 0;
      long maxAbandoned = 0;
      long handle = 0;
      long[] answeredWaits = e.getValue().stream().filter(c -> c.outcome() == Outcome.ANSWERED)
          .mapToLong(c -> Duration.between(c.arrived(), c.left()).getSeconds()).toArray();
      for (NaiveCall c : e.getValue()) {
        long wait = Duration.between(c.arrived(), c.left()).getSeconds();
        switch (c.outcome()) {
          case ANSWERED:
            byOutcome[0]++;
            answeredSum += wait;
            maxAnswered = Math.max(maxAnswered, wait);
            handle += c.handleTime() == null ? 0 : c.handleTime().getSeconds();
            break;
          case ABANDONED:
            byOutcome[1]++;
            abandonedSum += wait;
            maxAbandoned = Math.max(maxAbandoned, wait);
            break;
          default:
            byOutcome[2 + Objects.requireNonNull(c.flowOutReason()).ordinal()]++;
            break;
        }
      }
      Arrays.sort(answeredWaits);
      long[] percentiles = new long[5];
      for (int p = 0; p < 5 && answeredWaits.length > 0; p++) {
        int rank = (int) Math.ceil(PERCENTS[p] * answeredWaits.length / 100);
        percentiles[p] = answeredWaits[Math.max(rank, 1) - 1];
      }
      rows.put(e.getKey(), new NaiveRow(e.getValue().size(), byOutcome, answeredSum, abandonedSum, maxAnswered,
          maxAbandoned, handle, percentiles));
    }
    return rows;
  }

  private static ZonedDateTime quarterHour(Instant instant) {
    ZonedDateTime z = instant.atZone(YearWorkload.ZONE);
    return z.truncatedTo(ChronoUnit.HOURS).plusMinutes(z.getMinute() / 15 * 15L);
  }

  /**
   * Per cell: arrivals and counts per outcome class, wait sums and maxima of answered and abandoned, handle sum.
   * Cells are interval-major ({@code interval × groups + group}), as in our store: the calls come in time order,
   * so the cells of one interval are all that is touched at a time. (The first version of this reference had
   * group-major cells, one cache line and one page per group for each interval, and took about 4 times as long
   * as the prototype; it was not an honest reference.)
   */
  @Benchmark
  public long columnsCountsOnly() {
    YearWorkload.Columns c = columns;
    int size = grid.size();
    int groups = YearWorkload.QUEUES * 2;
    int cells = groups * size;
    int[] counts = new int[cells * 6];
    long[] waitSums = new long[cells * 2];
    char[] maxima = new char[cells * 2];
    long[] handle = new long[cells];
    long from = 1;
    long to = 0;
    int interval = 0;
    for (int i = 0; i < c.size(); i++) {
      long arrived = c.arrived[i];
      if (arrived < from || arrived >= to) { // the same interval as the last call's, mostly
        interval = grid.indexOfEpochSecond(arrived);
        from = grid.interval(interval).start().getEpochSecond();
        to = grid.interval(interval).end().getEpochSecond();
      }
      int cell = interval * groups + c.queue[i] * 2 + c.channel[i];
      int kind = c.kind[i];
      counts[cell * 6 + kind]++;
      if (kind < 2) {
        int w = c.wait[i];
        waitSums[cell * 2 + kind] += w;
        if (w > maxima[cell * 2 + kind]) {
          maxima[cell * 2 + kind] = (char) w;
        }
      }
      handle[cell] += c.handle[i];
    }
    return counts[cells] + waitSums[cells] + maxima[cells] + handle[cells / 2];
  }

  /** A plain sum over the same columns: the cost of reading them, the floor of any report from them. */
  @Benchmark
  public long columnsFloor() {
    YearWorkload.Columns c = columns;
    long sum = 0;
    for (int i = 0; i < c.size(); i++) {
      sum += c.queue[i] + c.channel[i] + c.arrived[i] + c.kind[i] + c.wait[i] + c.handle[i];
    }
    return sum;
  }
}
