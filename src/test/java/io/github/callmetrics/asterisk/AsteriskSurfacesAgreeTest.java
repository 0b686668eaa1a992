package io.github.callmetrics.asterisk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Outcome;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.live.LiveMonitor;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.read.ReadMode;
import io.github.callmetrics.report.Dimension;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportKey;
import io.github.callmetrics.report.ReportRow;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.TallySnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's demand: generated logs with every event kind, given to the three Asterisk surfaces (the batch
 * reader's {@code queue show} counters, a report with the Asterisk presets, and the live feed), give the same
 * C, A, SL, SL2, holdtime and talktime.
 */
class AsteriskSurfacesAgreeTest {
  private static final long START = 1_795_392_000L; // 2026-11-23T00:00:00Z
  private static final List<String> QUEUES = List.of("q1", "q2");

  /** A line and the second it is written at; lines of one second keep the order they were made in. */
  private record Line(long at, int order, String text) {}

  /**
   * Makes a log of {@code calls} calls in two queues, each with one of every fate: the five completions and
   * transfers, the five exits, SYSCOMPAT, and (unless {@code everyCallEnds}) still waiting or still talking at
   * the end; with RINGNOANSWER, PAUSE and a QUEUESTART first.
   */
  static String log(Random r, int calls, boolean everyCallEnds) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(START, 0, START + "|NONE|NONE|NONE|QUEUESTART|"));
    long t = START + 1;
    int fates = everyCallEnds ? 12 : 14;
    for (int i = 0; i < calls; i++) {
      t += r.nextInt(30);
      String id = t + "." + i;
      String q = QUEUES.get(r.nextInt(QUEUES.size()));
      int fate = i < fates ? i : r.nextInt(fates); // every fate at least once
      add(lines, t, id, q, "NONE", "ENTERQUEUE", "|+3120" + i + "|1");
      long wait = r.nextInt(45);
      long talk = r.nextInt(300);
      if (fate <= 5 || fate == 13) { // answered
        if (wait > 2) {
          add(lines, t + wait - 1, id, q, "agent2", "RINGNOANSWER", String.valueOf(r.nextInt(15_000)));
        }
        add(lines, t + wait, id, q, "agent1", "CONNECT", wait + "|" + id + "b|" + r.nextInt(9));
        long end = t + wait + talk;
        String ht = wait + "|" + talk;
        switch (fate) {
          case 0 -> add(lines, end, id, q, "agent1", "COMPLETECALLER", ht + "|1");
          case 1 -> add(lines, end, id, q, "agent1", "COMPLETEAGENT", ht + "|2");
          case 2 -> add(lines, end, id, q, "agent1", "BLINDTRANSFER", "200|default|" + ht + "|1");
          case 3 -> add(lines, end, id, q, "agent1", "ATTENDEDTRANSFER", "BRIDGE|abc-" + i + "|" + ht + "|1");
          case 4 -> add(lines, end, id, q, "agent1", "ATTENDEDTRANSFER", "APP|Dial|SIP/9|" + ht + "|1");
          case 5 -> add(lines, end, id, q, "agent1", "TRANSFER", "201|default|" + ht + "|3");
          default -> { } // 13: still talking at the end
        }
      } else {
        long left = t + wait;
        switch (fate) {
          case 6 -> add(lines, left, id, q, "NONE", "ABANDON", "1|1|" + wait);
          case 7 -> add(lines, left, id, q, "NONE", "EXITWITHTIMEOUT", "1|1|" + wait);
          case 8 -> add(lines, left, id, q, "NONE", "EXITEMPTY", "1|1|" + wait);
          case 9 -> add(lines, left, id, q, "NONE", "EXITWITHKEY", "5|1|1|" + wait);
          case 10 -> add(lines, left, id, q, "NONE", "WITHDRAW", "1|1|" + wait + "|callback");
          case 11 -> add(lines, left, id, q, "agent1", "SYSCOMPAT", "");
          default -> { } // 12: still waiting at the end
        }
      }
      if (r.nextInt(10) == 0) {
        add(lines, t, "NONE", q, "agent" + r.nextInt(3), "PAUSE", "lunch");
      }
    }
    lines.sort(Comparator.comparingLong(Line::at).thenComparingInt(Line::order));
    StringBuilder b = new StringBuilder();
    for (Line l : lines) {
      b.append(l.text()).append('\n');
    }
    return b.toString();
  }

  private static void add(List<Line> lines, long at, String id, String q, String agent, String event, String data) {
    lines.add(new Line(at, lines.size(), at + "|" + id + "|" + q + "|" + agent + "|" + event + "|" + data));
  }

  private static ReportSpec spec(Duration threshold) {
    return ReportSpec.builder(IntervalGrid.of(LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 26),
            ZoneOffset.UTC, IntervalLength.MINUTES_15))
        .groupBy(Dimension.QUEUE)
        .definitions(Preset.ASTERISK_SL.withThreshold(threshold), Preset.ASTERISK_SL2.withThreshold(threshold))
        .build();
  }

  @Test
  void theBatchCountersTheLiveFeedAndTheReportAgreeOnEveryGeneratedLog() throws IOException {
    for (int seed = 0; seed < 40; seed++) {
      Random r = new Random(seed);
      boolean everyCallEnds = seed % 2 == 0;
      String log = log(r, 20 + r.nextInt(400), everyCallEnds);
      Duration threshold = Duration.ofSeconds(r.nextInt(40));
      String as = "seed " + seed + ", T " + threshold.getSeconds() + " s";

      QueueLogResult batch = QueueLogReader.of(ReadMode.STRICT).read(new ByteArrayInputStream(log.getBytes(UTF_8)),
          "queue_log");
      assertThat(batch.report().read().skippedCount()).as(as).isZero();
      Map<String, AsteriskQueueStats> shown = batch.report().queueStats();

      LiveMonitor monitor = LiveMonitor.builder(spec(threshold)).lateTolerance(Duration.ofDays(1)).build();
      QueueLogFeed feed = QueueLogFeed.of(monitor);
      log.lines().forEach(feed::accept);
      assertThat(feed.skippedLineCount()).as(as).isZero();
      assertThat(monitor.rejectedEventCount()).as(as).isZero();
      assertThat(monitor.lateEventCount()).as(as).isZero();
      Map<String, AsteriskQueueStats> live = feed.queueStats();

      List<Call> ended = batch.calls().stream().filter(c -> everyCallEnds || !stillTalking(c, batch)).toList();
      Report report = spec(threshold).report(ended);
      Report liveReport = monitor.report();

      assertThat(live.keySet()).as(as).containsExactlyElementsOf(shown.keySet());
      for (String q : shown.keySet()) {
        AsteriskQueueStats s = shown.get(q);
        AsteriskQueueStats l = live.get(q);
        assertThat(List.of(l.completed(), l.abandoned(), l.holdtimeSeconds(), l.talktimeSeconds(), l.waiting(),
            l.talking())).as(as + " " + q).containsExactly(s.completed(), s.abandoned(), s.holdtimeSeconds(),
            s.talktimeSeconds(), s.waiting(), s.talking());
        assertThat(l.serviceLevel(threshold)).as(as).isEqualTo(s.serviceLevel(threshold));
        assertThat(l.serviceLevel2(threshold)).as(as).isEqualTo(s.serviceLevel2(threshold));

        // The report of the ended calls, with the Asterisk presets, is queue show's SL and SL2 exactly.
        ReportRow row = queueRow(report, q);
        assertThat(row.figures(0).serviceLevel()).as(as + " SL " + q).isEqualTo(s.serviceLevel(threshold));
        assertThat(row.figures(1).serviceLevel()).as(as + " SL2 " + q).isEqualTo(s.serviceLevel2(threshold));

        // The live monitor counts a call when it is answered, so its SL is that of every answered call.
        ReportRow liveRow = queueRow(liveReport, q);
        ReportRow answeredRow = queueRow(spec(threshold).report(batch.calls()), q);
        assertThat(liveRow.figures(0).serviceLevel()).as(as).isEqualTo(answeredRow.figures(0).serviceLevel());
        assertThat(liveRow.figures(1).serviceLevel()).as(as).isEqualTo(answeredRow.figures(1).serviceLevel());
        assertThat(counts(liveRow.counts())).as(as).isEqualTo(counts(answeredRow.counts()));
      }
    }
  }

  /** Returns a queue's row of the whole period. */
  private static ReportRow queueRow(Report report, String q) {
    return report.row(new ReportKey(Optional.of(q), Optional.empty(), Optional.empty())).orElseThrow();
  }

  private static boolean stillTalking(Call call, QueueLogResult batch) {
    return call.outcome() == Outcome.ANSWERED && call.handleTime().isEmpty()
        && batch.report().incomplete().stream().anyMatch(c -> c.callId().equals(call.id()));
  }

  /** The counts a tally holds, without handle times (the monitor counts none). */
  private static List<Long> counts(TallySnapshot t) {
    return List.of(t.answered(), t.abandoned(), t.flowOuts(), t.answeredWaits().totalSeconds(),
        t.abandonedWaits().totalSeconds());
  }

  /** The reference runs of Asterisk 22: the live feed's counters are the batch reader's, queue by queue. */
  @Test
  void theLiveFeedKeepsQueueShowsCountersOnTheReferenceRuns() throws IOException {
    for (String run : List.of("s1_single_q_sl20", "s2_two_queues_sl10_sl30")) {
      byte[] log;
      try (var in = AsteriskSurfacesAgreeTest.class.getResourceAsStream("/asterisk/" + run + "/queue_log")) {
        log = in.readAllBytes();
      }
      QueueLogReport batch = QueueLogReader.of(ReadMode.STRICT).read(new ByteArrayInputStream(log), run, c -> { });
      QueueLogFeed feed = QueueLogFeed.of(LiveMonitor.builder(spec(Duration.ofSeconds(20)))
          .lateTolerance(Duration.ofDays(1)).build());
      new String(log, UTF_8).lines().forEach(feed::accept);
      assertThat(feed.queueStats().values()).as(run).hasSize(batch.queueStats().size());
      for (AsteriskQueueStats s : batch.queueStats().values()) {
        assertThat(feed.queueStats().get(s.queue())).as(run).hasToString(s.toString());
        assertThat(feed.queueStats().get(s.queue()).counted()).as(run).isEqualTo(s.counted());
      }
    }
  }

  /** The example of the issue, by hand: WITHDRAW after 30 s and one answered call, servicelevel 20. */
  @Test
  void aWithdrawIsAsterisksAbandonOnEverySurface() throws IOException {
    String log = String.join("\n",
        "1795411200|c1|q1|NONE|ENTERQUEUE||100|1",
        "1795411205|c2|q1|NONE|ENTERQUEUE||101|2",
        "1795411210|c2|q1|agent1|CONNECT|5|c2b|3",
        "1795411230|c1|q1|NONE|WITHDRAW|1|1|30|callback",
        "1795411270|c2|q1|agent1|COMPLETECALLER|5|60|2");
    Duration t = Duration.ofSeconds(20);
    QueueLogResult batch = QueueLogReader.of(ReadMode.STRICT).read(new ByteArrayInputStream(log.getBytes(UTF_8)),
        "queue_log");
    AsteriskQueueStats shown = batch.report().queueStats("q1").orElseThrow();
    assertThat(shown.serviceLevel(t)).isEqualTo(Ratio.of(1, 1));
    assertThat(shown.serviceLevel2(t)).isEqualTo(Ratio.of(1, 2));
    Report report = spec(t).report(batch.calls());
    assertThat(report.total().figures(1).serviceLevel()).isEqualTo(Ratio.of(1, 2));
    ServiceLevelDefinition standard = ServiceLevelDefinition.standard();
    assertThat(spec(t).toBuilder().definitions(standard).build().report(batch.calls()).total().counts()
        .flowOuts()).isEqualTo(1);

    LiveMonitor monitor = LiveMonitor.builder(spec(t)).build();
    QueueLogFeed feed = QueueLogFeed.of(monitor);
    log.lines().forEach(feed::accept);
    assertThat(monitor.snapshot("q1", io.github.callmetrics.call.Channel.VOICE).waitingNow()).isZero();
    assertThat(feed.queueStats().get("q1").serviceLevel2(t)).isEqualTo(Ratio.of(1, 2));
    assertThat(monitor.report().total().figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));
  }
}
