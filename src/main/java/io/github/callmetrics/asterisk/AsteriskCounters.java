package io.github.callmetrics.asterisk;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.tally.CallTally;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asterisk's {@code queue show} counters, kept as an observer of the assembled calls: {@code C}, {@code A},
 * {@code SL} and {@code SL2} come from a {@link CallTally} of the ended calls (classed by the
 * {@code Preset.ASTERISK_*} rules in {@link AsteriskQueueStats}), holdtime and talktime are {@code app_queue}'s
 * running averages, and the callers waiting and talking are counted from the changes. So every surface that
 * shows Asterisk's figures counts the same calls the report does. Not thread-safe.
 */
final class AsteriskCounters implements CallObserver {
  /** One queue's counters. */
  private static final class QueueState {
    final CallTally counted = new CallTally();
    long holdtime;
    long talktime;
    long waiting;
    long talking;
  }

  private Map<String, QueueState> queues = new LinkedHashMap<>();

  @Override
  public void entered(OpenCall call) {
    state(call.queue).waiting++;
  }

  @Override
  public void connected(OpenCall call) {
    QueueState q = state(call.queue);
    q.waiting--;
    q.talking++;
    if (!call.connectedBeforeLog) {
      q.holdtime = (q.holdtime * 3 + call.hold) >> 2; // app_queue recalc_holdtime
    }
  }

  @Override
  public void ended(Call call, boolean wasConnected) {
    QueueState q = state(call.queue());
    q.counted.add(call);
    if (wasConnected) {
      q.talking--;
    } else {
      q.waiting--;
    }
    if (call.outcome() == Outcome.ANSWERED) {
      long talk = call.handleTime().orElseThrow().getSeconds();
      q.talktime = (q.talktime * 3 + talk) >> 2; // app_queue update_queue
    }
  }

  @Override
  public void unfinished(OpenCall call, IncompleteCall.Reason reason) {
    // Still waiting or talking: queue show counts it so until Asterisk restarts.
  }

  @Override
  public void restarted() {
    queues = new LinkedHashMap<>(); // an Asterisk start resets every counter
  }

  /** Returns each queue's counters now, by queue, in the order the queues were met since the last restart. */
  Map<String, AsteriskQueueStats> stats() {
    Map<String, AsteriskQueueStats> stats = new LinkedHashMap<>();
    for (Map.Entry<String, QueueState> e : queues.entrySet()) {
      QueueState q = e.getValue();
      stats.put(e.getKey(), AsteriskQueueStats.of(e.getKey(), q.counted.snapshot(), q.holdtime, q.talktime,
          q.waiting, q.talking));
    }
    return stats;
  }

  private QueueState state(String queue) {
    return queues.computeIfAbsent(queue, k -> new QueueState());
  }
}
