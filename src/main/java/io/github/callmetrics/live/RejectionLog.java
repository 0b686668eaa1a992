package io.github.callmetrics.live;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/** The most recent rejected events of one kind, and how many there were in all. Thread-safe. */
final class RejectionLog {
  private final int retained;
  private final ArrayDeque<RejectedEvent> events = new ArrayDeque<>();
  private long count;

  RejectionLog(int retained) {
    this.retained = retained;
  }

  synchronized void add(RejectedEvent event) {
    count++;
    if (retained == 0) {
      return;
    }
    if (events.size() == retained) {
      events.pollFirst();
    }
    events.addLast(event);
  }

  synchronized List<RejectedEvent> events() {
    return ImmutableList.copyOf(events);
  }

  synchronized long count() {
    return count;
  }

  /** Names an event in a rejection's message: its kind, call, queue and instant. */
  static String describe(CallEvent event) {
    return event.kind().name().toLowerCase(Locale.ROOT) + " event of call " + event.callId()
        + " in queue " + event.queue() + " at " + event.at();
  }
}
