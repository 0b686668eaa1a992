package io.github.callmetrics.testing;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.tally.CallTally;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds real {@link Call} values for tests from their waits: every call arrives at {@link #T0} plus its
 * index in seconds, in queue {@code "q"}, and leaves after the given whole-second wait. Not thread-safe.
 */
public final class Calls {
  /** The first arrival: 2026-11-23T08:00:00Z. */
  public static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  private final List<Call> calls = new ArrayList<>();

  /** Starts an empty list. */
  public static Calls builder() {
    return new Calls();
  }

  private Instant nextArrival() {
    return T0.plusSeconds(calls.size());
  }

  private String nextId() {
    return "c" + (calls.size() + 1);
  }

  /** Adds one answered call per wait (whole seconds). */
  public Calls answered(long... waits) {
    for (long w : waits) {
      Instant a = nextArrival();
      calls.add(Call.answered(nextId(), "q", a, a.plusSeconds(w)));
    }
    return this;
  }

  /** Adds {@code n} answered calls, each with the same wait. */
  public Calls answeredTimes(int n, long wait) {
    for (int i = 0; i < n; i++) {
      answered(wait);
    }
    return this;
  }

  /** Adds one abandoned call per wait (whole seconds). */
  public Calls abandoned(long... waits) {
    for (long w : waits) {
      Instant a = nextArrival();
      calls.add(Call.abandoned(nextId(), "q", a, a.plusSeconds(w)));
    }
    return this;
  }

  /** Adds {@code n} abandoned calls, each with the same wait. */
  public Calls abandonedTimes(int n, long wait) {
    for (int i = 0; i < n; i++) {
      abandoned(wait);
    }
    return this;
  }

  /** Adds one call per wait that left the queue unanswered for a reason. */
  public Calls leftUnanswered(FlowOutReason reason, long... waits) {
    for (long w : waits) {
      Instant a = nextArrival();
      calls.add(Call.leftUnanswered(nextId(), "q", a, a.plusSeconds(w), reason));
    }
    return this;
  }

  /** Adds one call still waiting. */
  public Calls waiting() {
    calls.add(Call.waiting(nextId(), "q", nextArrival()));
    return this;
  }

  /** Adds a call as is. */
  public Calls add(Call call) {
    calls.add(call);
    return this;
  }

  /** Returns the calls so far (a copy). */
  public List<Call> list() {
    return List.copyOf(calls);
  }

  /** Returns the snapshot of the calls so far. */
  public TallySnapshot snapshot() {
    CallTally tally = new CallTally();
    tally.addAll(calls);
    return tally.snapshot();
  }

  /**
   * Returns {@code n} random calls from a seed: every outcome and flow-out reason, waits 0 to 300 s with a
   * few of several hours (so both the dense and the sparse part of a histogram are used), sub-second
   * arrivals, and handle times on some answered calls.
   */
  public static List<Call> random(long seed, int n) {
    Random r = new Random(seed);
    List<Call> out = new ArrayList<>(n);
    FlowOutReason[] reasons = FlowOutReason.values();
    for (int i = 0; i < n; i++) {
      Instant arrived = T0.plusSeconds(r.nextInt(86_400)).plusNanos(r.nextInt(1_000_000_000));
      long waitNanos = (r.nextInt(50) == 0 ? 4096L + r.nextInt(20_000) : r.nextInt(300)) * 1_000_000_000L
          + r.nextInt(1_000_000_000);
      Instant left = arrived.plusNanos(waitNanos);
      String id = seed + "." + i;
      String queue = "q" + r.nextInt(3);
      int kind = r.nextInt(10);
      Call call;
      if (kind < 6) {
        call = Call.answered(id, queue, arrived, left);
        if (r.nextBoolean()) {
          call = call.withHandleTime(java.time.Duration.ofMillis(r.nextInt(900_000)).plusNanos(r.nextInt(1_000_000)));
        }
      } else if (kind < 8) {
        call = Call.abandoned(id, queue, arrived, left);
      } else if (kind < 9) {
        call = Call.leftUnanswered(id, queue, arrived, left, reasons[r.nextInt(reasons.length)]);
      } else {
        call = Call.waiting(id, queue, arrived);
      }
      out.add(call);
    }
    return out;
  }
}
