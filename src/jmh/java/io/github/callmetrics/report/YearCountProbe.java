package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * A quick comparison of two builds (not a benchmark): counts the first {@code calls} calls of the
 * {@link YearWorkload} into a report accumulator {@code rounds} times on one thread, and prints the fastest and the
 * median CPU time of the count ({@code addAll}) and of the whole report ({@code addAll}, then {@code report()});
 * then the wall time of the whole report on one thread ({@code spec.report}), on every core
 * ({@code spec.parallelReport}) and by a parallel stream ({@code calls.parallelStream().collect(spec.collector())}),
 * in turn, with the ratios of their medians to one thread's.
 * Run two builds in turn, a few times each: on a machine whose speed drifts by 10–20 % within minutes, the
 * fastest of many short rounds moves far less than a JMH score, and a difference of 5 % shows.
 *
 * <p>Run after {@code mvn -Pjmh -DskipTests test-compile}, with the test scope's class path ({@code <deps>} from
 * {@code mvn -Pjmh dependency:build-classpath}): {@code java -Xmx6g -Xms6g -XX:+AlwaysPreTouch -cp
 * target/classes:target/test-classes:<deps> io.github.callmetrics.report.YearCountProbe [calls [rounds]]}
 * (8,000,000 calls, about three months, and 25 rounds by default).
 */
final class YearCountProbe {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private YearCountProbe() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 8_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    List<Call> calls = YearWorkload.calls(n);
    System.gc(); // the setup's garbage, collected before the first round rather than during it
    ReportSpec spec = YearWorkload.spec();
    long[] count = new long[rounds];
    long[] whole = new long[rounds];
    long storeBytes = 0;
    for (int r = 0; r < rounds; r++) {
      long start = THREADS.getCurrentThreadCpuTime();
      ReportAccumulator acc = spec.newAccumulator();
      acc.addAll(calls);
      long counted = THREADS.getCurrentThreadCpuTime();
      Report report = acc.report();
      long done = THREADS.getCurrentThreadCpuTime();
      count[r] = counted - start;
      whole[r] = done - start;
      storeBytes = report.storeBytes();
    }
    System.out.printf("%,d calls, %d rounds, CPU ms: count fastest %d, median %d; count and report fastest %d,"
        + " median %d; store %,d bytes%n", n, rounds, fastest(count), median(count), fastest(whole), median(whole),
        storeBytes);
    // Wall time, one thread, every core and a parallel stream in turn, round by round, so that drift touches each
    // alike.
    long[] one = new long[rounds];
    long[] two = new long[rounds];
    long[] stream = new long[rounds];
    long rows = 0; // the reports' row counts, used so that no report is optimised away
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      rows += spec.report(calls).rows().size();
      long oneDone = System.nanoTime();
      rows += spec.parallelReport(calls).rows().size();
      long twoDone = System.nanoTime();
      rows += calls.parallelStream().collect(spec.collector()).rows().size();
      one[r] = oneDone - start;
      two[r] = twoDone - oneDone;
      stream[r] = System.nanoTime() - twoDone;
    }
    System.out.printf("wall ms: one thread fastest %d, median %d; parallelReport fastest %d, median %d (%.2f);"
        + " parallel stream fastest %d, median %d (%.2f) (%d rows)%n", fastest(one), median(one), fastest(two),
        median(two), (double) median(one) / median(two), fastest(stream), median(stream),
        (double) median(one) / median(stream), rows);
  }

  private static long fastest(long[] nanos) {
    return Arrays.stream(nanos).min().orElseThrow() / 1_000_000;
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1_000_000;
  }
}
