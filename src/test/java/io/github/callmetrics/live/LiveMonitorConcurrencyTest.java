package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportKey;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Several producer threads, each owning a disjoint set of calls in shared queues, feed about two million events
 * while a reader takes snapshots; every snapshot adds up, and the final report and the intervals shown at the
 * end equal the batch report of the same calls, counted in one thread.
 */
class LiveMonitorConcurrencyTest {
  private static final int PRODUCERS = 3;
  private static final int CALLS_PER_PRODUCER = 330_000;

  @Test
  void producersAndAReaderAgreeWithASingleThreadedTally() throws Exception {
    Instant cut = GeneratedDay.DAY.atTime(23, 50).atZone(GeneratedDay.AMSTERDAM).toInstant();
    List<List<CallEvent>> streams = new ArrayList<>();
    List<Call> allCalls = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      GeneratedDay day = new GeneratedDay(100 + p, CALLS_PER_PRODUCER, cut, 0, "p" + p + "-c");
      List<CallEvent> events = new ArrayList<>(day.deliveries.size());
      for (GeneratedDay.Delivery d : day.deliveries) {
        events.add(d.event());
      }
      streams.add(events);
      allCalls.addAll(day.calls);
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
    Report live = monitor.report();
    assertThat(live.rows()).isEqualTo(batch.rows());
    assertThat(live.total().counts().arrivals()).isEqualTo((long) PRODUCERS * CALLS_PER_PRODUCER);
    // The intervals a wallboard shows at the end, counted while producers raced each other in event time.
    for (LiveSnapshot s : monitor.snapshots()) {
      for (Optional<LiveFigures> f : List.of(s.currentInterval(), s.previousInterval())) {
        ReportKey key = new ReportKey(Optional.of(s.queue()), Optional.of(s.channel()),
            Optional.of(f.orElseThrow().span()));
        assertThat(f.orElseThrow().counts()).as("%s", key).isEqualTo(batch.row(key).orElseThrow().counts());
      }
    }
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
}
