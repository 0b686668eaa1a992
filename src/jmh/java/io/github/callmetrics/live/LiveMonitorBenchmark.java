package io.github.callmetrics.live;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.metrics.MetricsSummary;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live monitor: events per second fed from one thread, and the time of a wallboard's snapshot of 100 queues
 * with every figure, each next to a naive twin (a list of every call under one global lock, figures recomputed
 * from all calls).
 *
 * <p>Input: a day of 200,000 calls (400,000 events) over 100 queues in Europe/Amsterdam, 15-minute intervals,
 * two definitions, waits mostly under a minute with a tail to 10 minutes, in time order. As a feed would give
 * them, each event carries its own strings and instant (equal to its call's other event's, never the same
 * objects), and the events are laid out in memory in the order they are applied, as a feed creates each one
 * just before applying it.
 *
 * <ul>
 * <li>{@code feedEvents}: every event of the day into a new monitor, from one thread (the score is events/s).
 * <li>{@code snapshot100Queues}: the snapshots of a monitor fed up to noon, with calls waiting, taken again and
 *     again at the same instant (what a second reader of the same state costs).
 * <li>{@code wallboardSecond}: a wallboard polling once a second from 06:00: each operation moves the monitor one
 *     second on, feeding that second's events (about 5), then takes the snapshots of all 100 queues and every
 *     figure of each (the current and previous interval and the window, under both definitions).
 * <li>{@code wallboardSecondEveryQueueChanged}: the same, but each second one more call is answered in every
 *     queue and every queue has a call waiting since the previous interval and one since the current, so no
 *     span of any queue can reuse figures from the second before: the worst case. Its 200 events a second are
 *     in the time.
 * </ul>
 *
 * <p>Run: {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="LiveMonitorBenchmark -f 1 -wi 2 -i 3"}
 * (on a loaded machine the wallboard benchmarks need {@code -wi 5} before the compiler has caught up). They
 * rebuild their monitor at 06:00 before each iteration and fail if an iteration would run past the end of the
 * day's events (18 hours: 3-second iterations allow down to 46 us an operation; shorten them with {@code -r}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(time = 3)
@Measurement(time = 3)
public class LiveMonitorBenchmark {
  static final int QUEUES = 100;
  static final int CALLS = 200_000;
  static final int EVENTS = 2 * CALLS;
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  static final LocalDate DAY = LocalDate.of(2026, 3, 16);
  static final Instant NOON = DAY.atTime(12, 0).atZone(ZONE).toInstant();
  /** Where the wallboard benchmarks start: 18 hours of events ahead of them (calls arrive evenly all day). */
  static final Instant SIX = DAY.atTime(6, 0).atZone(ZONE).toInstant();

  ReportSpec spec;
  CallEvent[] events;
  LiveMonitor midday;
  NaiveLiveMonitor naiveMidday;

  @Setup(Level.Trial)
  public void setUp() {
    spec = ReportSpec.builder(IntervalGrid.ofDay(DAY, ZONE, IntervalLength.MINUTES_15))
        .definitions(Preset.DEFAULT.definition(), Preset.ASTERISK_SL2.definition()).build();
    Instant start = DAY.atStartOfDay(ZONE).toInstant();
    SplittableRandom random = new SplittableRandom(42);
    long[] order = new long[EVENTS];
    CallEvent[] unsorted = new CallEvent[EVENTS];
    for (int i = 0; i < CALLS; i++) {
      int queue = random.nextInt(QUEUES);
      long arrivedMillis = random.nextLong(86_000_000L);
      long waitMillis = random.nextInt(10) == 0 ? random.nextLong(600_000) : random.nextLong(60_000);
      Instant arrived = start.plusMillis(arrivedMillis);
      Instant out = arrived.plusMillis(waitMillis);
      int kind = random.nextInt(10);
      String q = "q" + queue;
      String id = "c" + i;
      unsorted[2 * i] = CallEvent.entered(q, id, Channel.VOICE, arrived);
      unsorted[2 * i + 1] = kind < 7 ? CallEvent.answered(q, id, out)
          : kind < 9 ? CallEvent.abandoned(q, id, out) : CallEvent.leftUnanswered(q, id, out, FlowOutReason.TIMEOUT);
      order[2 * i] = arrivedMillis * EVENTS * 2 + 2L * i;
      order[2 * i + 1] = (arrivedMillis + waitMillis) * EVENTS * 2 + 2L * i + 1;
    }
    long[] sorted = order.clone();
    Arrays.sort(sorted);
    Map<Long, Integer> position = new HashMap<>();
    for (int i = 0; i < EVENTS; i++) {
      position.put(order[i], i);
    }
    events = new CallEvent[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      events[i] = fresh(unsorted[position.get(sorted[i])]);
    }
    midday = LiveMonitor.builder(spec).build();
    naiveMidday = new NaiveLiveMonitor(spec);
    feedUntilNoon(midday);
    for (int i = 0; i < EVENTS && !events[i].at().isAfter(NOON); i++) {
      naiveMidday.accept(events[i]);
    }
    midday.advanceTo(NOON);
  }

  /**
   * A copy of an event with its own strings and instant, made in time order: a feed creates each event just
   * before it is applied, so the monitor does not pay for reading events scattered in memory.
   */
  private static CallEvent fresh(CallEvent e) {
    Instant at = e.at();
    return CallEvent.of(e.kind(), new String(e.queue()), new String(e.callId()),
        Instant.ofEpochSecond(at.getEpochSecond(), at.getNano()), e.channel().orElse(null),
        e.flowOutReason().orElse(null));
  }

  /** Feeds the events up to noon; returns the index of the first event after it. */
  int feedUntilNoon(LiveMonitor monitor) {
    return feedUntil(monitor, NOON);
  }

  /** Feeds the events up to an instant; returns the index of the first event after it. */
  int feedUntil(LiveMonitor monitor, Instant end) {
    int i = 0;
    while (i < EVENTS && !events[i].at().isAfter(end)) {
      monitor.accept(events[i++]);
    }
    return i;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public LiveMonitor feedEvents() {
    LiveMonitor monitor = LiveMonitor.builder(spec).build();
    for (CallEvent e : events) {
      monitor.accept(e);
    }
    return monitor;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public NaiveLiveMonitor feedEventsNaive() {
    NaiveLiveMonitor monitor = new NaiveLiveMonitor(spec);
    for (CallEvent e : events) {
      monitor.accept(e);
    }
    return monitor;
  }

  /** The snapshots of all 100 queues, taken again at the same instant: the state copied under each queue's lock. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<LiveSnapshot> snapshot100Queues() {
    return midday.snapshots();
  }

  /** One second of a wallboard: that second's events, then all 100 queues' snapshots with every figure. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long wallboardSecond(Wallboard wallboard) {
    wallboard.tick(false);
    return everyFigure(wallboard.monitor.snapshots());
  }

  /** One second of a wallboard where every queue changed in every span since the second before. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long wallboardSecondEveryQueueChanged(Wallboard wallboard) {
    wallboard.tick(true);
    return everyFigure(wallboard.monitor.snapshots());
  }

  /** What the naive twin does for the same: the report of every call recomputed. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Report snapshot100QueuesNaive() {
    return naiveMidday.report();
  }

  /** Every count and figure a snapshot offers (each span, each definition), summed so none can be skipped. */
  static long everyFigure(List<LiveSnapshot> snapshots) {
    long sum = 0;
    for (LiveSnapshot s : snapshots) {
      for (LiveFigures f : new LiveFigures[] {s.currentInterval().orElse(null), s.previousInterval().orElse(null),
          s.window()}) {
        if (f != null) {
          sum += f.counts().arrivals();
          for (MetricsSummary m : f.figures()) {
            sum += m.serviceLevel().numerator() + m.abandonmentRate().numerator()
                + m.answeredWaitPercentiles().p90().map(Duration::getSeconds).orElse(0L);
          }
        }
      }
    }
    return sum;
  }

  /** A monitor fed up to 06:00 that a wallboard then follows one second at a time; rebuilt for each iteration. */
  @State(Scope.Thread)
  public static class Wallboard {
    LiveMonitor monitor;
    CallEvent[] events;
    IntervalGrid grid;
    int next;
    Instant second;
    int interval;
    long synthetic;

    @Setup(Level.Iteration)
    public void setUp(LiveMonitorBenchmark input) {
      events = input.events;
      grid = input.spec.grid();
      monitor = LiveMonitor.builder(input.spec).build();
      next = input.feedUntil(monitor, SIX);
      second = SIX;
      interval = -1;
      monitor.advanceTo(second);
    }

    /**
     * Moves one second on, feeding the events of that second; with {@code everyQueue}, also ends one call in
     * every queue and, at each new interval, leaves one more call waiting in every queue.
     */
    void tick(boolean everyQueue) {
      second = second.plusSeconds(1);
      while (next < events.length && !events[next].at().isAfter(second)) {
        monitor.accept(events[next++]);
      }
      if (next == events.length) {
        throw new IllegalStateException("the day's events ran out: shorten the iterations (-r)");
      }
      if (everyQueue) {
        int now = grid.indexOf(second);
        for (int q = 0; q < QUEUES; q++) {
          String queue = "q" + q;
          if (now != interval) {
            monitor.entered(queue, "waiting" + synthetic++, Channel.VOICE, second);
          }
          String id = "x" + synthetic++;
          monitor.entered(queue, id, Channel.VOICE, second.minusSeconds(3));
          monitor.answered(queue, id, second);
        }
        if (interval < 0) {
          // The first second: a call per queue waiting since the previous interval as well.
          for (int q = 0; q < QUEUES; q++) {
            monitor.entered("q" + q, "waiting" + synthetic++, Channel.VOICE, second.minusSeconds(2));
          }
        }
        interval = now;
      }
      monitor.advanceTo(second);
    }
  }

  /**
   * The naive twin: every call in one list under one global lock; a snapshot recomputes the report of all
   * calls (ended and waiting) from scratch.
   */
  public static final class NaiveLiveMonitor {
    private final ReportSpec spec;
    private final List<Call> ended = new ArrayList<>();
    private final Map<String, Call> waiting = new HashMap<>();

    NaiveLiveMonitor(ReportSpec spec) {
      this.spec = spec;
    }

    synchronized void accept(CallEvent e) {
      String key = e.queue() + "|" + e.callId();
      switch (e.kind()) {
        case ENTERED:
          waiting.put(key, Call.waiting(e.callId(), e.queue(), e.at()).withChannel(e.channel().orElseThrow()));
          break;
        case ANSWERED:
          Call a = waiting.remove(key);
          ended.add(Call.answered(a.id(), a.queue(), a.arrived(), e.at()).withChannel(a.channel()));
          break;
        case ABANDONED:
          Call b = waiting.remove(key);
          ended.add(Call.abandoned(b.id(), b.queue(), b.arrived(), e.at()).withChannel(b.channel()));
          break;
        case LEFT_UNANSWERED:
          Call f = waiting.remove(key);
          ended.add(Call.leftUnanswered(f.id(), f.queue(), f.arrived(), e.at(), e.flowOutReason().orElseThrow())
              .withChannel(f.channel()));
          break;
      }
    }

    synchronized Report report() {
      List<Call> all = new ArrayList<>(ended);
      all.addAll(waiting.values());
      return spec.report(all);
    }
  }

}
