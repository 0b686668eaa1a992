package io.github.callmetrics.testing;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.FlowOutReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal Asterisk {@code queue_log} reader for tests, so the reference runs can be checked without the
 * product's reader. A line is {@code epoch|callid|queue|agent|EVENT|data1|data2|...}:
 * <ul>
 *   <li>{@code ENTERQUEUE} opens a call at its epoch;
 *   <li>{@code CONNECT holdtime|...}: answered at arrived + holdtime;
 *   <li>{@code ABANDON position|origposition|waittime}: abandoned at arrived + waittime;
 *   <li>{@code EXITWITHTIMEOUT} and {@code EXITEMPTY} (same data): left unanswered, timeout or queue empty;
 *   <li>{@code EXITWITHKEY key|position|origposition|waittime}: left unanswered, key press;
 *   <li>every other event is ignored (the completion of an answered call changes nothing here).
 * </ul>
 * A call that never got an outcome is returned as {@linkplain Call#waiting waiting}.
 */
public final class MiniQueueLog {
  private MiniQueueLog() {}

  /** Reads the calls of a {@code queue_log} on the test class path, in order of arrival. */
  public static List<Call> readResource(String resource) {
    return read(text(resource));
  }

  /** Reads the calls of a {@code queue_log}'s text, in order of arrival. */
  public static List<Call> read(String queueLog) {
    Map<String, Open> open = new LinkedHashMap<>();
    Map<String, Call> done = new LinkedHashMap<>();
    for (String line : queueLog.lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\\|", -1);
      Instant at = Instant.ofEpochSecond(Long.parseLong(f[0]));
      String id = f[1];
      String queue = f[2];
      String event = f[4];
      switch (event) {
        case "ENTERQUEUE":
          open.put(id, new Open(queue, at));
          break;
        case "CONNECT":
          end(open, done, id, o -> Call.answered(id, o.queue, o.arrived, o.arrived.plusSeconds(data(f, 1))));
          break;
        case "ABANDON":
          end(open, done, id, o -> Call.abandoned(id, o.queue, o.arrived, o.arrived.plusSeconds(data(f, 3))));
          break;
        case "EXITWITHTIMEOUT":
          end(open, done, id, o -> Call.leftUnanswered(
              id, o.queue, o.arrived, o.arrived.plusSeconds(data(f, 3)), FlowOutReason.TIMEOUT));
          break;
        case "EXITEMPTY":
          end(open, done, id, o -> Call.leftUnanswered(
              id, o.queue, o.arrived, o.arrived.plusSeconds(data(f, 3)), FlowOutReason.QUEUE_EMPTY));
          break;
        case "EXITWITHKEY":
          end(open, done, id, o -> Call.leftUnanswered(
              id, o.queue, o.arrived, o.arrived.plusSeconds(data(f, 4)), FlowOutReason.KEY_PRESS));
          break;
        default:
          break; // COMPLETE*, RINGNOANSWER, QUEUESTART, ...: no call outcome
      }
    }
    List<Call> calls = new ArrayList<>(done.values());
    open.forEach((id, o) -> calls.add(Call.waiting(id, o.queue, o.arrived)));
    calls.sort((a, b) -> a.arrived().compareTo(b.arrived()));
    return calls;
  }

  /**
   * Reads a queue's {@code servicelevel} from a {@code queues.conf} on the test class path.
   *
   * @throws IllegalArgumentException if the queue or its servicelevel is missing
   */
  public static long serviceLevelSeconds(String queuesConfResource, String queue) {
    String section = null;
    for (String raw : text(queuesConfResource).lines().toList()) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1);
      } else if (queue.equals(section) && line.startsWith("servicelevel")) {
        return Long.parseLong(line.substring(line.indexOf('=') + 1).strip());
      }
    }
    throw new IllegalArgumentException("no servicelevel for queue " + queue + " in " + queuesConfResource);
  }

  /** What {@code queue show} printed for one queue. */
  public record QueueShow(String queue, long completed, long abandoned, String sl, String sl2, long within) {}

  private static final Pattern QUEUE_SHOW = Pattern.compile(
      "^(\\S+) has \\d+ calls .* C:(\\d+), A:(\\d+), SL:([0-9.]+)%, SL2:([0-9.]+)% within (\\d+)s$");

  /** Reads the summary line of one queue from a {@code queue show} output on the test class path. */
  public static QueueShow queueShow(String resource, String queue) {
    for (String line : text(resource).lines().toList()) {
      Matcher m = QUEUE_SHOW.matcher(line.strip());
      if (m.matches() && m.group(1).equals(queue)) {
        return new QueueShow(queue, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
            m.group(4) + "%", m.group(5) + "%", Long.parseLong(m.group(6)));
      }
    }
    throw new IllegalArgumentException("no queue show line for " + queue + " in " + resource);
  }

  private static long data(String[] fields, int n) {
    return Long.parseLong(fields[4 + n]);
  }

  private static void end(
      Map<String, Open> open, Map<String, Call> done, String id, java.util.function.Function<Open, Call> outcome) {
    Open o = open.remove(id);
    if (o != null) {
      done.put(id, outcome.apply(o));
    }
  }

  private static String text(String resource) {
    try (InputStream in = MiniQueueLog.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Open(String queue, Instant arrived) {}
}
