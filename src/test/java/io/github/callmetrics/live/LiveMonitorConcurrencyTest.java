package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Several producer threads, each owning a disjoint set of calls in shared queues, feed about two million events
 * while a reader takes snapshots; every snapshot adds up and the final report equals the single-threaded one.
 */
class LiveMonitorConcurrencyTest {
  private static final int PRODUCERS = 3;
  private static final int CALLS_PER_PRODUCER = 330_000;

  @Test
  void producersAndAReaderAgreeWithASingleThreadedTally() throws Exception {
    Instant cut = GeneratedDay.DAY.atTime(23, 50).atZone(GeneratedDay.AMSTERDAM).toInstant();
    List<List<CallEvent>> streams = new ArrayList<>();
    List<io.github.callmetrics.call.Call> allCalls = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      GeneratedDay day = new GeneratedDay(100 + p, CALLS_PER_PRODUCER, cut, 0);
      List<CallEvent> events = new ArrayList<>(day.deliveries.size());
      for (GeneratedDay.Delivery d : day.deliveries) {
        CallEvent e = d.event();
        events.add(CallEvent.of(e.kind(), e.queue(), "p" + p + "-" + e.callId(), e.at(), e.channel().orElse(null),
            e.flowOutReason().orElse(null)));
      }
      streams.add(events);
      for (io.github.callmetrics.call.Call c : day.calls) {
        allCalls.add(rename(c, "p" + p + "-" + c.id()));
      }
    }
    ReportSpec spec = LiveMonitorBatchAgreementTest.spec(Attribution.ARRIVAL);
    // Producers run at their own pace in event time: a day of tolerance so none of their events is late.
    LiveMonitor monitor = LiveMonitor.builder(spec).lateTolerance(Duration.ofDays(1)).build();

    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    AtomicLong snapshots = new AtomicLong();
    Thread reader = new Thread(() -> {
      try {
        while (!done.get()) {
          for (LiveSnapshot s : monitor.snapshots()) {
            checkAddsUp(s);
            snapshots.incrementAndGet();
          }
        }
      } catch (Throwable t) {
        readerFailure.set(t);
      }
    });
    List<Thread> producers = new ArrayList<>();
    for (List<CallEvent> events : streams) {
      producers.add(new Thread(() -> events.forEach(monitor::accept)));
    }
    reader.start();
    producers.forEach(Thread::start);
    for (Thread t : producers) {
      t.join();
    }
    done.set(true);
    reader.join();

    assertThat(readerFailure.get()).isNull();
    assertThat(snapshots.get()).isPositive();
    assertThat(monitor.rejectedEventCount()).isZero();
    assertThat(monitor.lateEventCount()).isZero();
    Report batch = spec.report(allCalls);
    assertThat(monitor.report().rows()).isEqualTo(batch.rows());
    assertThat(monitor.report().total().counts().arrivals()).isEqualTo((long) PRODUCERS * CALLS_PER_PRODUCER);
  }

  private static void checkAddsUp(LiveSnapshot s) {
    for (LiveFigures f : new LiveFigures[] {s.currentInterval().orElse(null), s.previousInterval().orElse(null),
        s.window()}) {
      if (f == null) {
        continue;
      }
      TallySnapshot c = f.counts();
      assertThat(c.arrivals()).as("%s %s", s.queue(), f.span()).isEqualTo(c.ended() + c.waiting());
      assertThat(f.figures(0).counts().offered()).isGreaterThanOrEqualTo(0); // the figures' counts are validated
    }
    assertThat(s.window().counts().waiting()).isZero();
    s.thresholds().forEach(w -> assertThat(w.overThreshold() + w.breakingWithinHorizon()).isLessThanOrEqualTo(s.waitingNow()));
    assertThat(s.oldestWaiting().isPresent()).isEqualTo(s.waitingNow() > 0);
  }

  private static io.github.callmetrics.call.Call rename(io.github.callmetrics.call.Call c, String id) {
    io.github.callmetrics.call.Call r;
    switch (c.outcome()) {
      case ANSWERED:
        r = io.github.callmetrics.call.Call.answered(id, c.queue(), c.arrived(), c.outcomeAt().orElseThrow());
        break;
      case ABANDONED:
        r = io.github.callmetrics.call.Call.abandoned(id, c.queue(), c.arrived(), c.outcomeAt().orElseThrow());
        break;
      case LEFT_UNANSWERED:
        r = io.github.callmetrics.call.Call.leftUnanswered(id, c.queue(), c.arrived(), c.outcomeAt().orElseThrow(),
            c.flowOutReason().orElseThrow());
        break;
      default:
        r = io.github.callmetrics.call.Call.waiting(id, c.queue(), c.arrived());
        break;
    }
    return r.withChannel(c.channel());
  }
}
