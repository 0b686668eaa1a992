package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportRow;
import io.github.callmetrics.report.ReportSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two reference Asterisk runs fed line by line: the monitor's report equals the batch report of the same
 * calls on every interval, under every attribution, and its day figures equal Asterisk's own {@code queue show}.
 */
class LiveMonitorAsteriskTest {

  /** The events of a queue_log in file order, and the calls they describe (a test helper, not the reader). */
  static final class QueueLog {
    final List<CallEvent> events = new ArrayList<>();
    final Map<String, Call> calls = new LinkedHashMap<>();

    QueueLog(String resource) throws IOException {
      Map<String, Instant> arrived = new HashMap<>();
      try (InputStream in = LiveMonitorAsteriskTest.class.getResourceAsStream("/live/" + resource)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
          String[] f = line.split("\\|", -1);
          Instant at = Instant.ofEpochSecond(Long.parseLong(f[0]));
          String id = f[1];
          String queue = f[2];
          String key = queue + "/" + id;
          switch (f[4]) {
            case "ENTERQUEUE":
              arrived.put(key, at);
              events.add(CallEvent.entered(queue, id, Channel.VOICE, at));
              calls.put(key, Call.waiting(id, queue, at));
              break;
            case "CONNECT":
              end(key, arrived.remove(key).plusSeconds(Long.parseLong(f[5])), null, false);
              break;
            case "ABANDON":
              end(key, arrived.remove(key).plusSeconds(Long.parseLong(f[7])), null, true);
              break;
            case "EXITWITHTIMEOUT":
              end(key, arrived.remove(key).plusSeconds(Long.parseLong(f[7])), FlowOutReason.TIMEOUT, false);
              break;
            case "EXITEMPTY":
              end(key, arrived.remove(key).plusSeconds(Long.parseLong(f[7])), FlowOutReason.QUEUE_EMPTY, false);
              break;
            case "EXITWITHKEY":
              end(key, arrived.remove(key).plusSeconds(Long.parseLong(f[8])), FlowOutReason.KEY_PRESS, false);
              break;
            default:
              break;
          }
        }
      }
    }

    private void end(String key, Instant at, FlowOutReason reason, boolean abandoned) {
      Call w = calls.get(key);
      if (reason != null) {
        calls.put(key, Call.leftUnanswered(w.id(), w.queue(), w.arrived(), at, reason));
        events.add(CallEvent.leftUnanswered(w.queue(), w.id(), at, reason));
      } else if (abandoned) {
        calls.put(key, Call.abandoned(w.id(), w.queue(), w.arrived(), at));
        events.add(CallEvent.abandoned(w.queue(), w.id(), at));
      } else {
        calls.put(key, Call.answered(w.id(), w.queue(), w.arrived(), at));
        events.add(CallEvent.answered(w.queue(), w.id(), at));
      }
    }
  }

  private static final LocalDate RUN_DAY = LocalDate.of(2026, 11, 23);

  @ParameterizedTest
  @CsvSource({
      "s1_single_q_sl20.queue_log, ARRIVAL, MINUTES_1",
      "s1_single_q_sl20.queue_log, EXIT, MINUTES_1",
      "s1_single_q_sl20.queue_log, PER_EVENT, MINUTES_1",
      "s1_single_q_sl20.queue_log, PER_EVENT, MINUTES_5",
      "s2_two_queues_sl10_sl30.queue_log, ARRIVAL, MINUTES_1",
      "s2_two_queues_sl10_sl30.queue_log, EXIT, MINUTES_1",
      "s2_two_queues_sl10_sl30.queue_log, PER_EVENT, MINUTES_1",
      "s2_two_queues_sl10_sl30.queue_log, EXIT, MINUTES_15"})
  void theMonitorAgreesWithTheBatchReportOnEveryInterval(String file, Attribution attribution, IntervalLength length)
      throws IOException {
    QueueLog log = new QueueLog(file);
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(RUN_DAY, ZoneOffset.UTC, length))
        .attribution(attribution)
        .definitions(Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(10)),
            Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(20)),
            Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(30)))
        .build();
    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    for (CallEvent event : log.events) {
      assertThat(monitor.accept(event)).as("%s", event).isTrue();
    }
    Report batch = spec.report(log.calls.values());
    assertThat(monitor.report().rows()).isEqualTo(batch.rows());
    assertThat(batch.rows()).hasSizeGreaterThan(spec.grid().size() - 1);
  }

  @ParameterizedTest
  @CsvSource({
      // queue show: q1 C:35 A:10 SL:65.7% SL2:64.4% within 20s
      "s1_single_q_sl20.queue_log, q1, 20, 23/35, 29/45",
      // q_sales C:28 A:4 SL:78.6% SL2:78.1% within 10s; q_support C:20 A:8 SL:90.0% SL2:92.9% within 30s
      "s2_two_queues_sl10_sl30.queue_log, q_sales, 10, 22/28, 25/32",
      "s2_two_queues_sl10_sl30.queue_log, q_support, 30, 18/20, 26/28"})
  void theDayFiguresAreAsterisksOwn(String file, String queue, long servicelevel, String sl, String sl2)
      throws IOException {
    QueueLog log = new QueueLog(file);
    ReportSpec spec = ReportSpec.builder(IntervalGrid.ofDay(RUN_DAY, ZoneOffset.UTC, IntervalLength.DAY))
        .definitions(Preset.ASTERISK_SL.withThreshold(Duration.ofSeconds(servicelevel)),
            Preset.ASTERISK_SL2.withThreshold(Duration.ofSeconds(servicelevel)))
        .build();
    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    log.events.forEach(monitor::accept);
    LiveSnapshot s = monitor.snapshot(queue, Channel.VOICE);
    LiveFigures day = s.currentInterval().orElseThrow();
    assertThat(ratio(day, 0)).isEqualTo(sl);
    assertThat(ratio(day, 1)).isEqualTo(sl2);
    assertThat(s.waitingNow()).isZero();
    ReportRow batchDay = spec.report(log.calls.values()).rows().stream()
        .filter(r -> r.key().queue().orElseThrow().equals(queue)).findFirst().orElseThrow();
    assertThat(day.figures()).isEqualTo(batchDay.figures());
  }

  private static String ratio(LiveFigures f, int definition) {
    var r = f.figures(definition).serviceLevel();
    return r.numerator() + "/" + r.denominator();
  }
}
