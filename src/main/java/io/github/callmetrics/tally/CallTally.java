package io.github.callmetrics.tally;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.internal.CallAccess;
import io.github.callmetrics.call.FlowOutReason;
import java.time.Duration;
import java.util.stream.Collector;

/**
 * A mutable count of calls: takes calls one at a time ({@link #add(Call)}), merges with another tally
 * ({@link #addAll(CallTally)}) and hands out an immutable {@link TallySnapshot}.
 *
 * <pre>{@code
 * CallTally tally = new CallTally();
 * for (Call call : calls) {
 *   tally.add(call);
 * }
 * TallySnapshot snapshot = tally.snapshot();
 * // or, in one go, sequential or parallel:
 * TallySnapshot same = calls.parallelStream().collect(CallTally.toSnapshot());
 * }</pre>
 *
 * <p>Merging is exact: {@code a.addAll(b)} leaves {@code a} as if every call added to {@code b} had been
 * added to {@code a}, so per-thread or per-machine tallies combine into the tally of all their calls, in
 * any order and any grouping.
 *
 * <p>This class is not thread-safe: use one tally per thread and merge them (the collector does this).
 * The live monitor is the thread-safe counterpart.
 */
public final class CallTally {
  private static final CallAccess CALLS = CallAccess.Holder.get();

  private long arrivals;
  private final WaitHistogram answered = new WaitHistogram();
  private final WaitHistogram abandoned = new WaitHistogram();
  private final WaitHistogram[] flowOuts = new WaitHistogram[FlowOutReason.values().length];
  private long waiting;
  private long handleSeconds;
  private long handleNanos;
  private long handleTimeCount;

  /** Creates an empty tally. */
  public CallTally() {
    for (int i = 0; i < flowOuts.length; i++) {
      flowOuts[i] = new WaitHistogram();
    }
  }

  /**
   * Counts one call: its arrival and its outcome. Equivalent to {@code countArrival(); countOutcome(call)}.
   *
   * @param call  the call, not null
   */
  public void add(Call call) {
    countArrival();
    countOutcome(call);
  }

  /**
   * Counts every call of an iterable, as if each had been {@linkplain #add(Call) added}.
   *
   * @param calls  the calls, not null
   */
  public void addAll(Iterable<Call> calls) {
    for (Call call : calls) {
      add(call);
    }
  }

  /**
   * Counts the arrival of one call only. With {@link #countOutcome(Call)} this lets a report count a call's
   * arrival in one interval and its outcome in another (per-event attribution); {@link #add(Call)} does both.
   */
  public void countArrival() {
    arrivals = Math.addExact(arrivals, 1);
  }

  /**
   * Counts the outcome of one call only: its wait under its outcome, or one more waiting call, and its
   * handle time if it was answered and has one.
   *
   * @param call  the call, not null
   */
  public void countOutcome(Call call) {
    requireNonNull(call, "call");
    switch (call.outcome()) {
      case ANSWERED:
        answered.record(CALLS.waitIndex(call));
        call.handleTime().ifPresent(this::addHandleTime);
        break;
      case ABANDONED:
        abandoned.record(CALLS.waitIndex(call));
        break;
      case LEFT_UNANSWERED:
        flowOuts[call.flowOutReason().orElseThrow().ordinal()].record(CALLS.waitIndex(call));
        break;
      case WAITING:
        waiting = Math.addExact(waiting, 1);
        break;
    }
  }

  /**
   * Removes one call counted before, as if it had never been {@linkplain #add(Call) added}: the inverse of
   * {@code add}, for sliding windows. After {@code add(c); remove(c)} the tally's snapshot equals the one
   * before.
   *
   * @param call  a call added before and not removed since, not null
   * @throws IllegalStateException if the tally does not hold the call's counts (a count would go negative);
   *     the tally is then unchanged
   */
  public void remove(Call call) {
    requireNonNull(call, "call");
    if (arrivals == 0) {
      throw notCounted(call, "no arrivals");
    }
    switch (call.outcome()) {
      case ANSWERED:
        Duration handle = call.handleTime().orElse(null);
        if (handle != null && handleTimeCount == 0) {
          throw notCounted(call, "no handle times");
        }
        removeWait(answered, call);
        if (handle != null) {
          addHandleTime(-handle.getSeconds() - 1, 1_000_000_000L - handle.getNano(), -1);
        }
        break;
      case ABANDONED:
        removeWait(abandoned, call);
        break;
      case LEFT_UNANSWERED:
        removeWait(flowOuts[call.flowOutReason().orElseThrow().ordinal()], call);
        break;
      case WAITING:
        if (waiting == 0) {
          throw notCounted(call, "no waiting calls");
        }
        waiting--;
        break;
    }
    arrivals--;
  }

  private static void removeWait(WaitHistogram waits, Call call) {
    if (!waits.remove(CALLS.waitIndex(call))) {
      throw notCounted(call, "no " + call.outcome().label() + " call with a wait of "
          + seconds(call.waitTime().orElseThrow()) + " s");
    }
  }

  /** A wait in seconds as people write it: {@code 4}, {@code 20.9}. */
  private static String seconds(Duration wait) {
    return java.math.BigDecimal.valueOf(wait.getSeconds()).add(java.math.BigDecimal.valueOf(wait.getNano(), 9))
        .stripTrailingZeros().toPlainString();
  }

  private static IllegalStateException notCounted(Call call, String what) {
    return new IllegalStateException("cannot remove " + call + ": the tally has " + what
        + " (expected a call added before and not removed since)");
  }

  private void addHandleTime(Duration handleTime) {
    addHandleTime(handleTime.getSeconds(), handleTime.getNano(), 1);
  }

  private void addHandleTime(long seconds, long nanos, long count) {
    handleNanos += nanos;
    handleSeconds = Math.addExact(Math.addExact(handleSeconds, seconds), handleNanos / 1_000_000_000L);
    handleNanos %= 1_000_000_000L;
    handleTimeCount = Math.addExact(handleTimeCount, count);
  }

  /**
   * Adds every call counted by another tally, as if each had been added here. The other tally is not
   * changed; a tally may be added to itself, which doubles every count.
   *
   * @param other  the other tally, not null
   */
  public void addAll(CallTally other) {
    addAll(requireNonNull(other, "other").snapshot());
  }

  /**
   * Adds every call counted in a snapshot, as if each had been added here.
   *
   * @param snapshot  the snapshot, not null
   */
  public void addAll(TallySnapshot snapshot) {
    requireNonNull(snapshot, "snapshot");
    arrivals = Math.addExact(arrivals, snapshot.arrivals());
    answered.addAll(snapshot.answeredWaits());
    abandoned.addAll(snapshot.abandonedWaits());
    WaitDistribution[] others = snapshot.flowOutDistributions();
    for (int i = 0; i < flowOuts.length; i++) {
      flowOuts[i].addAll(others[i]);
    }
    waiting = Math.addExact(waiting, snapshot.waiting());
    Duration total = snapshot.handleTimeTotal();
    addHandleTime(total.getSeconds(), total.getNano(), snapshot.handleTimeCount());
  }

  /** {@return how many calls have been counted (arrivals)} */
  public long arrivals() {
    return arrivals;
  }

  /**
   * Returns an immutable snapshot of the counts so far. Later changes to this tally do not affect it.
   *
   * @return the snapshot
   */
  public TallySnapshot snapshot() {
    WaitDistribution[] flowOutDistributions = new WaitDistribution[flowOuts.length];
    for (int i = 0; i < flowOuts.length; i++) {
      flowOutDistributions[i] = flowOuts[i].toDistribution();
    }
    return new TallySnapshot(arrivals, answered.toDistribution(), abandoned.toDistribution(), flowOutDistributions,
        waiting, Duration.ofSeconds(handleSeconds, handleNanos), handleTimeCount);
  }

  /**
   * Returns a collector that counts a stream of calls into a snapshot. Sequential and parallel streams give
   * the same snapshot: each thread counts into its own tally and the tallies are merged.
   *
   * @return the collector
   */
  public static Collector<Call, CallTally, TallySnapshot> toSnapshot() {
    return Collector.of(
        CallTally::new,
        CallTally::add,
        (a, b) -> {
          a.addAll(b);
          return a;
        },
        CallTally::snapshot,
        Collector.Characteristics.UNORDERED);
  }
}
