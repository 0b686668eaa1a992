package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * {@link ReportSpec#parallelReport}: a list of calls cut into one range per thread, each thread counting its own
 * range from the front, block by block, and then taking blocks from the back of the range with the most left.
 *
 * <p>Why not a parallel stream's fixed parts: on two cores a parallel stream cuts a list in four quarters and
 * each thread counts two. Where one stretch of the list is slower to read than the rest (in the year benchmark the
 * first quarter's calls take two to three times as long to read as the others', wherever the young collections
 * that built the list left them), the thread with that stretch finishes last while the other waits. Here the
 * faster thread goes on with the slower one's range from its far end, so both finish within a block of each
 * other.
 *
 * <p>Why ranges, not blocks dealt out in turn: each thread's accumulator then keeps to its own stretch of the
 * period (plus what it took over at the seam), and counts it in time order, the order its chunks of intervals are
 * grouped in while counting. Blocks dealt out in turn (measured on 2026-11-23 and 2026-11-24) made every thread's
 * accumulator span the whole year, with cell arrays for every chunk twice over, and were no faster than the
 * parallel stream.
 */
final class ParallelCount {
  /** Calls a thread claims at a time: about 100 µs of counting, so the threads finish that close together. */
  static final int BLOCK = 4096;

  private ParallelCount() {}

  /** Returns the threads {@link ReportSpec#parallelReport} uses: the calling thread and the common pool's. */
  static int threads() {
    return Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1);
  }

  /**
   * Counts the calls with up to {@code threads} threads (the caller and tasks of the common pool), each into an
   * accumulator of its own, claiming {@code block} calls at a time, and merges the accumulators. A list of fewer
   * than two blocks is counted on the calling thread.
   */
  static Report report(ReportSpec spec, List<Call> calls, int threads, int block) {
    requireNonNull(calls, "calls");
    List<Call> list = calls instanceof RandomAccess ? calls : new ArrayList<>(calls);
    int n = list.size();
    int workers = (int) Math.min(threads, n / (long) block);
    if (workers <= 1) {
      return spec.report(list);
    }
    Ranges ranges = new Ranges(spec, list, workers, block);
    List<Counter> counters = new ArrayList<>(workers);
    for (int t = 0; t < workers; t++) {
      counters.add(new Counter(ranges, t));
    }
    ForkJoinTask.invokeAll(counters);
    Throwable failure = ranges.failure.get();
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    ReportAccumulator total = counters.get(0).getRawResult();
    for (int t = 1; t < workers; t++) {
      total.combine(counters.get(t).getRawResult());
    }
    return total.report(workers);
  }

  /**
   * The list and the part of each thread's range not claimed yet, {@code [front, back)}, both in one {@code long}
   * so that the owner (at the front) and the others (at the back) claim with one compare-and-set, and no call is
   * claimed twice.
   */
  private static final class Ranges {
    final ReportSpec spec;
    final List<Call> calls;
    final int block;
    final AtomicLongArray left;
    final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

    Ranges(ReportSpec spec, List<Call> calls, int threads, int block) {
      this.spec = spec;
      this.calls = calls;
      this.block = block;
      this.left = new AtomicLongArray(threads);
      int n = calls.size();
      for (int t = 0; t < threads; t++) {
        left.set(t, pack((int) ((long) n * t / threads), (int) ((long) n * (t + 1) / threads)));
      }
    }

    static long pack(int front, int back) {
      return (long) front << 32 | (back & 0xFFFF_FFFFL);
    }

    static int front(long range) {
      return (int) (range >>> 32);
    }

    static int back(long range) {
      return (int) range;
    }

    /** Claims the next block at the front of range {@code r}: {@code from << 32 | to}, or −1 if none is left. */
    long claimFront(int r) {
      while (true) {
        long range = left.get(r);
        int front = front(range);
        int back = back(range);
        if (front >= back) {
          return -1;
        }
        int to = Math.min(back, front + block);
        if (left.compareAndSet(r, range, pack(to, back))) {
          return pack(front, to);
        }
      }
    }

    /**
     * Claims the last block of the range with the most left: {@code from << 32 | to}, or −1 if every range is
     * all claimed.
     */
    long claimBack() {
      while (true) {
        int most = -1;
        long mostLeft = 0;
        for (int r = 0; r < left.length(); r++) {
          long range = left.get(r);
          long count = (long) back(range) - front(range);
          if (count > mostLeft) {
            mostLeft = count;
            most = r;
          }
        }
        if (most < 0) {
          return -1;
        }
        long range = left.get(most);
        int front = front(range);
        int back = back(range);
        if (front < back) {
          int from = Math.max(front, back - block);
          if (left.compareAndSet(most, range, pack(front, from))) {
            return pack(from, back);
          }
        }
      }
    }

    boolean failed() {
      return failure.get() != null;
    }
  }

  /**
   * Counts its own range, then others' from the back. A failure is kept as thrown, not rethrown by the pool (which
   * may wrap it in a copy with another message), and stops the other counters at their next block.
   */
  private static final class Counter extends RecursiveTask<ReportAccumulator> {
    private static final long serialVersionUID = 1L;
    private final transient Ranges ranges;
    private final int own;

    Counter(Ranges ranges, int own) {
      this.ranges = ranges;
      this.own = own;
    }

    @Override
    protected ReportAccumulator compute() {
      Ranges r = ranges;
      ReportAccumulator accumulator = r.spec.newAccumulator();
      try {
        for (long claim = r.claimFront(own); claim >= 0 && !r.failed(); claim = r.claimFront(own)) {
          count(accumulator, Ranges.front(claim), Ranges.back(claim));
        }
        for (long claim = r.claimBack(); claim >= 0 && !r.failed(); claim = r.claimBack()) {
          count(accumulator, Ranges.front(claim), Ranges.back(claim));
        }
      } catch (RuntimeException | Error e) {
        r.failure.compareAndSet(null, e);
      }
      return accumulator;
    }

    private void count(ReportAccumulator accumulator, int from, int to) {
      List<Call> calls = ranges.calls;
      for (int i = from; i < to; i++) {
        accumulator.add(calls.get(i));
      }
    }
  }
}
