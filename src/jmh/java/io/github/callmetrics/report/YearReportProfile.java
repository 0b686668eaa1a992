package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import java.util.List;

/** Where the time of the year report goes: counting vs building the store (not a benchmark; a quick look). */
final class YearReportProfile {
  private YearReportProfile() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : YearWorkload.CALLS;
    List<Call> calls = YearWorkload.calls(n);
    ReportSpec spec = YearWorkload.spec();
    for (int round = 0; round < 6; round++) {
      long s0 = System.nanoTime();
      long sum = 0;
      for (Call c : calls) {
        sum += c.arrived().getEpochSecond() + c.waitSeconds() + c.queue().hashCode() + c.channel().ordinal()
            + c.handleTime().map(d -> d.getSeconds()).orElse(0L);
      }
      long s1 = System.nanoTime();
      System.out.printf("touch every field used: %d ms (%d)%n", (s1 - s0) / 1_000_000, sum);
      long t0 = System.nanoTime();
      ReportAccumulator acc = spec.newAccumulator();
      acc.addAll(calls);
      long t1 = System.nanoTime();
      Report report = acc.report(1);
      long t2 = System.nanoTime();
      Report parallel = acc.report(2);
      long t3 = System.nanoTime();
      System.out.printf("count %d ms, store (1 thread) %d ms, store (2 threads) %d ms, %d bytes%n", (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, report.storeBytes() + parallel.storeBytes() * 0);
    }
  }
}
