package io.github.callmetrics.report;

import static java.util.Objects.requireNonNull;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counts calls into a report: one {@link CallTally} per queue, channel and interval, created when the first
 * call lands there. Takes calls one at a time ({@link #add(Call)}), merges with another accumulator of the
 * same spec ({@link #addAll(ReportAccumulator)}), and hands out the immutable {@link Report}.
 *
 * <p>Calls (under per-event attribution, arrivals or outcomes) that fall outside the grid's period are not
 * counted in any row but are counted in {@link Report#callsOutsidePeriod()}: nothing is dropped silently.
 *
 * <p>This class is not thread-safe: use one accumulator per thread and merge them (the
 * {@link ReportSpec#collector()} does this).
 */
public final class ReportAccumulator {
  private static final int CHANNELS = Channel.values().length;

  private final ReportSpec spec;
  private final IntervalGrid grid;
  /** Per queue, per channel ordinal, per interval index: the tally, or null while empty. */
  private final Map<String, CallTally[][]> cells = new TreeMap<>();
  private long outsidePeriod;

  ReportAccumulator(ReportSpec spec) {
    this.spec = spec;
    this.grid = spec.grid();
  }

  /** Returns the spec this accumulator counts for. */
  public ReportSpec spec() {
    return spec;
  }

  /**
   * Counts one call in the interval (or, under per-event attribution, intervals) its spec's attribution
   * gives.
   *
   * @param call  the call, not null
   */
  public void add(Call call) {
    requireNonNull(call, "call");
    Instant exit = call.outcomeAt().orElse(call.arrived()); // a waiting call has not left: its arrival
    switch (spec.attribution()) {
      case ARRIVAL:
        addWhole(call, call.arrived());
        break;
      case EXIT:
        addWhole(call, exit);
        break;
      case PER_EVENT:
        int arrivedIn = grid.indexOf(call.arrived());
        int exitedIn = grid.indexOf(exit);
        if (arrivedIn >= 0) {
          tally(call, arrivedIn).countArrival();
        }
        if (exitedIn >= 0) {
          tally(call, exitedIn).countOutcome(call);
        }
        if (arrivedIn < 0 || exitedIn < 0) {
          outsidePeriod++;
        }
        break;
    }
  }

  private void addWhole(Call call, Instant at) {
    int index = grid.indexOf(at);
    if (index < 0) {
      outsidePeriod++;
    } else {
      tally(call, index).add(call);
    }
  }

  private CallTally tally(Call call, int index) {
    CallTally[] perInterval = intervals(call.queue(), call.channel());
    CallTally t = perInterval[index];
    if (t == null) {
      t = new CallTally();
      perInterval[index] = t;
    }
    return t;
  }

  private CallTally[] intervals(String queue, Channel channel) {
    CallTally[][] perChannel = cells.computeIfAbsent(queue, q -> new CallTally[CHANNELS][]);
    CallTally[] perInterval = perChannel[channel.ordinal()];
    if (perInterval == null) {
      perInterval = new CallTally[grid.size()];
      perChannel[channel.ordinal()] = perInterval;
    }
    return perInterval;
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
   * Adds everything another accumulator counted, as if its calls had been added here.
   *
   * @param other  an accumulator of an equal spec, not null
   * @throws IllegalArgumentException if the other accumulator's spec differs
   */
  public void addAll(ReportAccumulator other) {
    requireNonNull(other, "other");
    if (!other.spec.equals(spec)) {
      throw new IllegalArgumentException("cannot merge accumulators of different reports: " + spec + " and " + other.spec);
    }
    for (Map.Entry<String, CallTally[][]> q : other.cells.entrySet()) {
      for (int c = 0; c < CHANNELS; c++) {
        CallTally[] theirs = q.getValue()[c];
        if (theirs == null) {
          continue;
        }
        CallTally[] ours = intervals(q.getKey(), Channel.values()[c]);
        for (int i = 0; i < theirs.length; i++) {
          if (theirs[i] != null) {
            if (ours[i] == null) {
              ours[i] = new CallTally();
            }
            ours[i].addAll(theirs[i]);
          }
        }
      }
    }
    outsidePeriod += other.outsidePeriod;
  }

  /**
   * Returns the counts of one queue, channel and interval so far.
   *
   * @param queue  the queue, not null
   * @param channel  the channel, not null
   * @param intervalIndex  the interval's index in the spec's grid
   * @return the counts; empty if nothing was counted there
   * @throws IndexOutOfBoundsException if the index is outside the grid
   */
  public TallySnapshot counts(String queue, Channel channel, int intervalIndex) {
    requireNonNull(queue, "queue");
    requireNonNull(channel, "channel");
    java.util.Objects.checkIndex(intervalIndex, grid.size());
    CallTally[][] perChannel = cells.get(queue);
    CallTally[] perInterval = perChannel == null ? null : perChannel[channel.ordinal()];
    CallTally tally = perInterval == null ? null : perInterval[intervalIndex];
    return tally == null ? TallySnapshot.empty() : tally.snapshot();
  }

  /** Returns how many calls (or per-event parts) fell outside the grid's period so far. */
  public long callsOutsidePeriod() {
    return outsidePeriod;
  }

  /**
   * Returns the report of the calls counted so far. Later additions do not change it.
   *
   * @return the report
   */
  public Report report() {
    Map<ReportKey, TallySnapshot> finest = new TreeMap<>();
    for (Map.Entry<String, CallTally[][]> q : cells.entrySet()) {
      for (int c = 0; c < CHANNELS; c++) {
        CallTally[] perInterval = q.getValue()[c];
        if (perInterval == null) {
          continue;
        }
        for (int i = 0; i < perInterval.length; i++) {
          if (perInterval[i] != null) {
            finest.put(new ReportKey(Optional.of(q.getKey()), Optional.of(Channel.values()[c]),
                Optional.of(grid.interval(i))), perInterval[i].snapshot());
          }
        }
      }
    }
    return Report.of(spec, finest, outsidePeriod);
  }
}
