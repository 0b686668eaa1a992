package io.github.callmetrics.cli;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.live.CallEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Asterisk {@code queue_log} lines ({@code epoch|callid|queue|agent|EVENT|data1|...}), in file order, into
 * live {@link CallEvent}s. The one place the {@code asterisk-live} command maps lines to events, so it can be
 * switched to the library's queue_log reader in one class.
 *
 * <ul>
 *   <li>{@code ENTERQUEUE}: the call entered, on voice, at the line's epoch.
 *   <li>{@code CONNECT}: answered at arrival + holdtime (data1), so its wait is Asterisk's holdtime exactly.
 *   <li>{@code ABANDON}: abandoned at arrival + waittime (data3).
 *   <li>{@code EXITWITHTIMEOUT}, {@code EXITEMPTY}: left unanswered ({@link FlowOutReason#TIMEOUT},
 *       {@link FlowOutReason#QUEUE_EMPTY}) at arrival + waittime (data3).
 *   <li>{@code EXITWITHKEY}: left unanswered ({@link FlowOutReason#KEY_PRESS}) at arrival + waittime (data4).
 *   <li>Every other event (COMPLETE*, RINGNOANSWER, transfers, PAUSE, QUEUESTART, ...) carries no queue outcome:
 *       no event.
 * </ul>
 *
 * <p>An outcome whose ENTERQUEUE was not read (the log was followed from its middle) is placed at the line's
 * epoch; the monitor then reports it as an unknown call. A line that is not a queue_log line (too few fields,
 * an epoch or a duration that is not a number) gives no event and is counted in {@link #malformedLines()}.
 *
 * <p>Not thread-safe: one instance reads one log, in order.
 */
final class QueueLogEvents {
  private final Map<String, Instant> arrivals = new HashMap<>();
  private long malformed;

  /**
   * Maps one line.
   *
   * @param line  a queue_log line without its line break
   * @return the event, or empty if the line carries none or is malformed
   */
  Optional<CallEvent> map(String line) {
    String[] f = line.split("\\|", -1);
    if (f.length < 5) {
      if (!line.isBlank()) {
        malformed++;
      }
      return Optional.empty();
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(f[0].strip()));
      String id = f[1];
      String queue = f[2];
      String key = queue + "|" + id;
      switch (f[4]) {
        case "ENTERQUEUE":
          arrivals.put(key, at);
          return Optional.of(CallEvent.entered(queue, id, Channel.VOICE, at));
        case "CONNECT":
          return Optional.of(CallEvent.answered(queue, id, outcomeAt(key, at, f, 5)));
        case "ABANDON":
          return Optional.of(CallEvent.abandoned(queue, id, outcomeAt(key, at, f, 7)));
        case "EXITWITHTIMEOUT":
          return Optional.of(CallEvent.leftUnanswered(queue, id, outcomeAt(key, at, f, 7), FlowOutReason.TIMEOUT));
        case "EXITEMPTY":
          return Optional.of(CallEvent.leftUnanswered(queue, id, outcomeAt(key, at, f, 7), FlowOutReason.QUEUE_EMPTY));
        case "EXITWITHKEY":
          return Optional.of(CallEvent.leftUnanswered(queue, id, outcomeAt(key, at, f, 8), FlowOutReason.KEY_PRESS));
        default:
          return Optional.empty();
      }
    } catch (RuntimeException e) { // a number that is not one, a missing field, a blank queue or id
      malformed++;
      return Optional.empty();
    }
  }

  private Instant outcomeAt(String key, Instant lineAt, String[] f, int waitField) {
    Instant arrived = arrivals.remove(key);
    if (arrived == null) {
      return lineAt;
    }
    return arrived.plusSeconds(Long.parseLong(f[waitField].strip()));
  }

  /** Returns how many lines were not queue_log lines. */
  long malformedLines() {
    return malformed;
  }
}
