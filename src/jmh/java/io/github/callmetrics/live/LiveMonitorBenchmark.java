package io.github.callmetrics.live;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportSpec;
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
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The live monitor: events per second fed from one thread, and the time of a snapshot of 100 queues, each next
 * to a naive twin (a list of every call under one global lock, figures recomputed from all calls).
 *
 * <p>Input: a day of 200,000 calls (400,000 events) over 100 queues in Europe/Amsterdam, 15-minute intervals,
 * two definitions, waits mostly under a minute with a tail to 10 minutes. The snapshot benchmarks read a monitor
 * fed up to midday, with calls waiting.
 *
 * <p>Run: {@code mvn -Pjmh -DskipTests test-compile exec:exec -Djmh.args="LiveMonitorBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LiveMonitorBenchmark {
  static final int QUEUES = 100;
  static final int CALLS = 200_000;
  static final int EVENTS = 2 * CALLS;

  ReportSpec spec;
  CallEvent[] events;
  LiveMonitor midday;
  NaiveLiveMonitor naiveMidday;

  @Setup(Level.Trial)
  public void setUp() {
    ZoneId zone = ZoneId.of("Europe/Amsterdam");
    LocalDate day = LocalDate.of(2026, 3, 16);
    spec = ReportSpec.builder(IntervalGrid.ofDay(day, zone, IntervalLength.MINUTES_15))
        .definitions(Preset.DEFAULT.definition(), Preset.ASTERISK_SL2.definition()).build();
    Instant start = day.atStartOfDay(zone).toInstant();
    SplittableRandom random = new SplittableRandom(42);
    long[] order = new long[EVENTS];
    CallEvent[] unsorted = new CallEvent[EVENTS];
    for (int i = 0; i < CALLS; i++) {
      String queue = "q" + random.nextInt(QUEUES);
      String id = "c" + i;
      long arrivedMillis = random.nextLong(86_000_000L);
      long waitMillis = random.nextInt(10) == 0 ? random.nextLong(600_000) : random.nextLong(60_000);
      Instant arrived = start.plusMillis(arrivedMillis);
      Instant out = arrived.plusMillis(waitMillis);
      int kind = random.nextInt(10);
      unsorted[2 * i] = CallEvent.entered(queue, id, Channel.VOICE, arrived);
      unsorted[2 * i + 1] = kind < 7 ? CallEvent.answered(queue, id, out)
          : kind < 9 ? CallEvent.abandoned(queue, id, out) : CallEvent.leftUnanswered(queue, id, out, FlowOutReason.TIMEOUT);
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
      events[i] = unsorted[position.get(sorted[i])];
    }
    Instant noon = day.atTime(12, 0).atZone(zone).toInstant();
    midday = LiveMonitor.builder(spec).build();
    naiveMidday = new NaiveLiveMonitor(spec);
    for (CallEvent e : events) {
      if (e.at().isAfter(noon)) {
        break;
      }
      midday.accept(e);
      naiveMidday.accept(e);
    }
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

  /** A snapshot of all 100 queues: the state copied under each queue's lock. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<LiveSnapshot> snapshot100Queues() {
    return midday.snapshots();
  }

  /** A snapshot of all 100 queues and what a wallboard shows of each: counts and live figures. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long snapshot100QueuesWithFigures() {
    long sum = 0;
    for (LiveSnapshot s : midday.snapshots()) {
      sum += s.currentInterval().orElseThrow().figures(0).serviceLevel().numerator();
      sum += s.currentInterval().orElseThrow().figures(0).abandonmentRate().numerator();
      sum += s.window().figures(0).serviceLevel().numerator();
    }
    return sum;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Report snapshot100QueuesNaive() {
    return naiveMidday.report();
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
