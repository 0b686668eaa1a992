package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.internal.CallAccess;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time of the year report goes (not a benchmark; a quick look): reading the fields of the
 * {@link YearWorkload} calls (on one thread, then on two, each half of the list: the wall time shows how much
 * memory bandwidth two cores get), counting them, building the store with one and two threads, and the whole
 * report with one thread and with the parallel collector. Times are CPU times of the threads that did the work
 * ({@link ThreadMXBean}): on a machine shared with other work they vary far less than wall times, and the
 * two-thread line shows each thread's share (the slower thread bounds the wall time on two idle cores); the whole
 * reports also show their wall time, which is more than the slower thread's CPU time when a thread waits.
 *
 * <p>Run after {@code mvn -Pjmh -DskipTests test-compile}, with the test scope's class path ({@code <deps>}
 * from {@code mvn -Pjmh dependency:build-classpath}): {@code java -Xmx16g -Xms16g -XX:+AlwaysPreTouch -cp
 * target/classes:target/test-classes:<deps> io.github.callmetrics.report.YearReportProfile [calls [rounds]]}.
 */
final class YearReportProfile {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private YearReportProfile() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : YearWorkload.CALLS;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<Call> calls = YearWorkload.calls(n);
    ReportSpec spec = YearWorkload.spec();
    CallAccess fields = CallAccess.Holder.get();
    for (int round = 0; round < rounds; round++) {
      long s0 = cpu();
      long sum = readFields(calls, 0, calls.size(), fields);
      long s1 = cpu();
      // The same reading on two threads, each half of the list: how much memory bandwidth two cores get.
      long r0 = System.nanoTime();
      long[] secondHalf = new long[1];
      Thread helper = new Thread(() -> secondHalf[0] = readFields(calls, calls.size() / 2, calls.size(), fields));
      helper.start();
      sum += readFields(calls, 0, calls.size() / 2, fields);
      join(helper);
      sum += secondHalf[0];
      long r1 = System.nanoTime();
      ReportAccumulator acc = spec.newAccumulator();
      acc.addAll(calls);
      long s2 = cpu();
      Report one = acc.report(1);
      long s3 = cpu();
      Map<Long, Long> before = cpuOfEveryThread();
      Report two = acc.report(2);
      String storeTwo = spent(before, cpuOfEveryThread());
      before = cpuOfEveryThread();
      long w0 = System.nanoTime();
      Report report = spec.report(calls);
      long w1 = System.nanoTime();
      String wholeOne = spent(before, cpuOfEveryThread());
      before = cpuOfEveryThread();
      long w2 = System.nanoTime();
      Report collected = calls.parallelStream().collect(spec.collector());
      long w3 = System.nanoTime();
      String wholeTwo = spent(before, cpuOfEveryThread());
      System.out.printf("CPU ms: read the fields %d (on 2 threads, wall %d), count %d, store %d, store on 2 threads"
          + " %s; report on 1 thread %s (wall %d), collector on 2 threads %s (wall %d) (%d %d %d %d)%n", ms(s1 - s0),
          ms(r1 - r0), ms(s2 - s1), ms(s3 - s2), storeTwo, wholeOne, ms(w1 - w0), wholeTwo, ms(w3 - w2), sum,
          one.storeBytes(), two.storeBytes() + report.storeBytes(), collected.storeBytes());
    }
  }

  /** Reads the fields the report reads, of the calls {@code [from, to)}. */
  private static long readFields(List<Call> calls, int from, int to, CallAccess fields) {
    long sum = 0;
    for (int i = from; i < to; i++) {
      Call c = calls.get(i);
      sum += fields.arrivedSecond(c) + c.waitSeconds() + c.queue().hashCode() + fields.channelOrdinal(c)
          + fields.outcomeOrdinal(c) + fields.handleSeconds(c);
    }
    return sum;
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** CPU time per live thread but the JIT compilers'. */
  private static Map<Long, Long> cpuOfEveryThread() {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
      if (info != null && !info.getThreadName().contains("Compiler")) {
        cpu.put(id, THREADS.getThreadCpuTime(id));
      }
    }
    return cpu;
  }

  /** The CPU time each thread spent (those that spent more than 5 ms), the slowest first. */
  private static String spent(Map<Long, Long> before, Map<Long, Long> after) {
    return after.entrySet().stream()
        .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
        .filter(t -> t > 5_000_000)
        .boxed()
        .sorted((a, b) -> Long.compare(b, a))
        .map(t -> Long.toString(ms(t)))
        .reduce((a, b) -> a + " + " + b)
        .orElse("0");
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
