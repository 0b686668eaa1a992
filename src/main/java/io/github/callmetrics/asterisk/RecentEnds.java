package io.github.callmetrics.asterisk;

import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The calls that ended last, by the bytes of their id, each with the line that ended it: how the assembler knows
 * a line of a call that has already ended (a log collected by {@code tail} or replication repeats lines). Bounded:
 * the latest {@link #WINDOW} ends are kept, the oldest forgotten first, so memory does not grow with the log. Not
 * thread-safe.
 */
final class RecentEnds {
  /** How many ended calls are remembered. */
  static final int WINDOW = 10_000;

  private final OpenCalls byId = new OpenCalls();
  private final ArrayDeque<OpenCall> order = new ArrayDeque<>();

  /** Notes that a call ended; its {@link OpenCall#lastLine} is the line that ended it. */
  void ended(OpenCall call) {
    OpenCall before = byId.get(call.hash, call.key, 0, call.key.length);
    if (before != null) { // an id used again: only its latest end is kept
      byId.remove(before);
      order.remove(before);
    }
    if (order.size() == WINDOW) {
      byId.remove(order.removeFirst());
    }
    byId.add(call);
    order.addLast(call);
  }

  /** Returns the call that ended last with the id whose bytes are given, if it is still remembered. */
  @Nullable OpenCall get(int hash, byte[] b, int off, int len) {
    return byId.get(hash, b, off, len);
  }

  /** Forgets every call (Asterisk restarted: a line after it is not a repeat of one before). */
  void clear() {
    byId.removeAll();
    order.clear();
  }
}
