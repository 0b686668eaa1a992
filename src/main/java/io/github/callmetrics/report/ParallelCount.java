package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Counts the calls of a list on several threads ({@link ReportSpec#reportInParallel}). The list is cut into
 * slices of consecutive calls, and each thread takes the next slice not yet taken, counting it into an
 * accumulator of its own; the accumulators are then merged. A thread that reads its calls more slowly (they lie
 * farther apart in memory, or it shares its core) simply takes fewer slices, so the threads finish together,
 * which a parallel stream's fixed halves and quarters cannot promise. Each thread's slices come in list order,
 * so calls in time order stay roughly in time order for each accumulator, which counts them fastest.
 */
final class ParallelCount {
  /** The fewest calls in a slice: taking one costs an atomic increment, and a seam in the chunks it counts. */
  static final int MIN_SLICE = 1 << 14;
  /** Slices per thread: enough that the last slice taken is a small part of each thread's work. */
  static final int SLICES_PER_THREAD = 32;

  private ParallelCount() {}

  /** The report of the calls, counted by up to {@code threads} threads with slices of a size to suit. */
  static Report report(ReportSpec spec, Collection<Call> calls, int threads) {
    long perSlice = ((long) calls.size() + (long) threads * SLICES_PER_THREAD - 1) / ((long) threads * SLICES_PER_THREAD);
    return report(spec, calls, threads, (int) Math.max(MIN_SLICE, perSlice));
  }

  /**
   * The report of the calls, counted by up to {@code threads} threads (this one and forks into the common pool)
   * taking slices of {@code sliceSize} calls.
   */
  static Report report(ReportSpec spec, Collection<Call> calls, int threads, int sliceSize) {
    List<Call> list = calls instanceof List && calls instanceof RandomAccess ? (List<Call>) calls
        : Arrays.asList(calls.toArray(new Call[0]));
    int n = list.size();
    int slices = (int) (((long) n + sliceSize - 1) / sliceSize);
    if (threads <= 1 || slices <= 1) {
      return spec.report(list);
    }
    Slices work = new Slices(spec, list, sliceSize, slices);
    List<ForkJoinTask<?>> forks = new ArrayList<>();
    for (int t = 1; t < Math.min(threads, slices); t++) {
      forks.add(ForkJoinTask.adapt(work::count).fork());
    }
    work.count();
    for (ForkJoinTask<?> fork : forks) {
      fork.join(); // count() catches what it throws: the first failure is rethrown below, as it was thrown
    }
    return work.report(threads);
  }

  /** The slices of one list, the next one to take, and the accumulators that counted them. */
  private static final class Slices {
    private final ReportSpec spec;
    private final List<Call> calls;
    private final int sliceSize;
    private final int slices;
    private final AtomicInteger next = new AtomicInteger();
    private final List<ReportAccumulator> counted = new ArrayList<>();
    private @Nullable Throwable failure;

    Slices(ReportSpec spec, List<Call> calls, int sliceSize, int slices) {
      this.spec = spec;
      this.calls = calls;
      this.sliceSize = sliceSize;
      this.slices = slices;
    }

    /** Counts slices into a new accumulator until none is left; a thread that finds none makes no accumulator. */
    void count() {
      ReportAccumulator accumulator = null;
      try {
        for (int s = next.getAndIncrement(); s < slices; s = next.getAndIncrement()) {
          if (accumulator == null) {
            accumulator = spec.newAccumulator();
          }
          int from = s * sliceSize;
          int to = (int) Math.min(calls.size(), (long) from + sliceSize);
          for (int i = from; i < to; i++) {
            accumulator.add(calls.get(i));
          }
        }
      } catch (RuntimeException | Error e) {
        next.set(slices); // the others stop at their next slice
        fail(e);
        return;
      }
      if (accumulator != null) {
        finished(accumulator);
      }
    }

    private synchronized void fail(Throwable e) {
      if (failure == null) {
        failure = e;
      } else if (failure != e) {
        failure.addSuppressed(e);
      }
    }

    private synchronized void finished(ReportAccumulator accumulator) {
      counted.add(accumulator);
    }

    /** Merges the accumulators and builds the report, or throws what a thread threw. */
    synchronized Report report(int threads) {
      Throwable e = failure;
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      if (e instanceof Error) {
        throw (Error) e;
      }
      ReportAccumulator all = counted.get(0);
      for (int a = 1; a < counted.size(); a++) {
        all.combine(counted.get(a));
      }
      return all.report(threads);
    }
  }
}
