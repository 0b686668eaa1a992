package io.github.callmetrics.tally;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.tally.internal.TallyAccess;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The immutable counts of a set of calls, independent of any service-level definition: how many arrived,
 * and per outcome the exact {@linkplain WaitDistribution distribution of waits}, plus calls still waiting
 * and the handle times of answered calls. {@link io.github.callmetrics.metrics.Metrics} turns a snapshot
 * and a definition into figures.
 *
 * <p>Obtain one from a {@link CallTally#snapshot()}, from {@link #of(Iterable)}, or with the
 * {@link CallTally#toSnapshot()} collector. Two snapshots combine with {@link #plus(TallySnapshot)}, which
 * gives exactly the snapshot of the union of their calls, so longer periods and larger groups are always
 * computed from counts, never from percentages.
 *
 * <p>This class is immutable and thread-safe; {@code equals} compares every count.
 */
public final class TallySnapshot {
  static {
    TallyAccess.Holder.register(new TallyAccess() {
      @Override
      public WaitDistribution distribution(long[] values, long[] cumulative, long totalSeconds) {
        return WaitDistribution.ofCumulative(values, cumulative, totalSeconds);
      }

      @Override
      public TallySnapshot snapshot(long arrivals, WaitDistribution answered, WaitDistribution abandoned,
          WaitDistribution[] flowOuts, long waiting, Duration handleTimeTotal, long handleTimeCount) {
        return new TallySnapshot(arrivals, answered, abandoned, flowOuts, waiting, handleTimeTotal, handleTimeCount);
      }
    });
  }

  private static final TallySnapshot EMPTY = new CallTally().snapshot();

  private final long arrivals;
  private final WaitDistribution answered;
  private final WaitDistribution abandoned;
  private final WaitDistribution[] flowOuts;
  private final long waiting;
  private final Duration handleTimeTotal;
  private final long handleTimeCount;

  TallySnapshot(
      long arrivals,
      WaitDistribution answered,
      WaitDistribution abandoned,
      WaitDistribution[] flowOuts,
      long waiting,
      Duration handleTimeTotal,
      long handleTimeCount) {
    this.arrivals = arrivals;
    this.answered = answered;
    this.abandoned = abandoned;
    this.flowOuts = flowOuts;
    this.waiting = waiting;
    this.handleTimeTotal = handleTimeTotal;
    this.handleTimeCount = handleTimeCount;
  }

  /** {@return the snapshot of no calls} */
  public static TallySnapshot empty() {
    return EMPTY;
  }

  /**
   * Obtains the snapshot of the given calls; equivalent to adding each to a new {@link CallTally}.
   *
   * @param calls  the calls, not null
   * @return the snapshot
   */
  public static TallySnapshot of(Iterable<Call> calls) {
    CallTally tally = new CallTally();
    tally.addAll(calls);
    return tally.snapshot();
  }

  /**
   * {@return how many calls arrived (entered the queue)} When every call is counted whole this is
   * {@code answered + abandoned + flowOuts + waiting}; under per-event attribution a call's arrival and its
   * outcome may be counted in different intervals.
   */
  public long arrivals() {
    return arrivals;
  }

  /** {@return how many calls were answered ({@code A})} */
  public long answered() {
    return answered.count();
  }

  /** {@return the waits of the answered calls} */
  public WaitDistribution answeredWaits() {
    return answered;
  }

  /** {@return how many callers hung up while waiting (not counting flow-outs, whatever a definition makes of them)} */
  public long abandoned() {
    return abandoned.count();
  }

  /** {@return the waits of the abandoned calls} */
  public WaitDistribution abandonedWaits() {
    return abandoned;
  }

  /** {@return how many calls left the queue unanswered for any {@link FlowOutReason}} */
  public long flowOuts() {
    long total = 0;
    for (WaitDistribution d : flowOuts) {
      total += d.count();
    }
    return total;
  }

  /**
   * Returns how many calls left the queue unanswered for one reason.
   *
   * @param reason  the flow-out reason
   * @return the count
   */
  public long flowOuts(FlowOutReason reason) {
    return flowOuts[reason.ordinal()].count();
  }

  /**
   * Returns the waits of the calls that left the queue unanswered for one reason.
   *
   * @param reason  the flow-out reason
   * @return their waits
   */
  public WaitDistribution flowOutWaits(FlowOutReason reason) {
    return flowOuts[reason.ordinal()];
  }

  /** {@return how many calls were still waiting when observed} */
  public long waiting() {
    return waiting;
  }

  /** {@return how many calls left the queue: {@code answered + abandoned + flowOuts}} */
  public long ended() {
    return answered() + abandoned() + flowOuts();
  }

  /** {@return the waits of every call that left the queue, whatever its outcome} */
  public WaitDistribution allWaits() {
    WaitDistribution all = answered.plus(abandoned);
    for (WaitDistribution d : flowOuts) {
      all = all.plus(d);
    }
    return all;
  }

  /** {@return the sum of the handle times of answered calls that have one} */
  public Duration handleTimeTotal() {
    return handleTimeTotal;
  }

  /** {@return how many answered calls have a handle time} */
  public long handleTimeCount() {
    return handleTimeCount;
  }

  /** {@return whether no call was counted at all (no arrival, no outcome)} */
  public boolean isEmpty() {
    return arrivals == 0 && ended() == 0 && waiting == 0;
  }

  /**
   * Returns the snapshot of the calls of both snapshots, exactly as if every call of both had been added
   * to one tally.
   *
   * @param other  the other snapshot, not null
   * @return the combined snapshot
   */
  public TallySnapshot plus(TallySnapshot other) {
    requireNonNull(other, "other");
    CallTally tally = new CallTally();
    tally.addAll(this);
    tally.addAll(other);
    return tally.snapshot();
  }

  WaitDistribution[] flowOutDistributions() {
    return flowOuts;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TallySnapshot)) {
      return false;
    }
    TallySnapshot other = (TallySnapshot) o;
    return arrivals == other.arrivals
        && waiting == other.waiting
        && handleTimeCount == other.handleTimeCount
        && answered.equals(other.answered)
        && abandoned.equals(other.abandoned)
        && Arrays.equals(flowOuts, other.flowOuts)
        && handleTimeTotal.equals(other.handleTimeTotal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(arrivals, answered, abandoned, Arrays.hashCode(flowOuts), waiting, handleTimeTotal,
        handleTimeCount);
  }

  /** Returns the counts as text, for example {@code TallySnapshot{arrivals=45, answered=35, abandoned=10, ...}}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("TallySnapshot{arrivals=").append(arrivals)
        .append(", answered=").append(answered())
        .append(", abandoned=").append(abandoned());
    for (FlowOutReason reason : FlowOutReason.values()) {
      s.append(", ").append(reason.label()).append('=').append(flowOuts(reason));
    }
    return s.append(", waiting=").append(waiting)
        .append(", handleTime=").append(handleTimeTotal).append(" over ").append(handleTimeCount)
        .append('}').toString();
  }
}
