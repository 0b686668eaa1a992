package io.github.callmetrics.report;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The workload of issue 8, generated with a fixed seed: 30 million calls over 2026 in Europe/Amsterdam (both
 * daylight-saving days inside), 50 queues, 2 channels (80% voice, 20% chat), arrivals in time order, 70%
 * answered, 20% abandoned, 10% flow-outs (the four reasons alike), waits from 0 s to 1 h (85% exponential
 * with a 15 s mean, 15% from 1 min to 1 h, so most are under 60 s), handle times of answered calls 60–600 s.
 * Reports per queue × channel × quarter hour: 50 × 2 × 35,040 cells.
 */
final class YearWorkload {
  static final int CALLS = 30_000_000;
  static final int QUEUES = 50;
  static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
  static final LocalDate START = LocalDate.of(2026, 1, 1);
  static final LocalDate END = LocalDate.of(2027, 1, 1);
  static final String[] QUEUE_NAMES = new String[QUEUES];

  static {
    for (int q = 0; q < QUEUES; q++) {
      QUEUE_NAMES[q] = String.format("queue-%02d", q);
    }
  }

  /** Outcome kinds: 0 answered, 1 abandoned, 2–5 flow-out by {@link FlowOutReason} ordinal. */
  static final int ANSWERED = 0;

  private YearWorkload() {}

  static IntervalGrid grid() {
    return IntervalGrid.of(START, END, ZONE, IntervalLength.MINUTES_15);
  }

  static ReportSpec spec() {
    return ReportSpec.builder(grid()).build();
  }

  /** One generated call, as primitives. */
  static final class Row {
    long index;
    int queue;
    int channel;
    long arrived;
    int kind;
    int wait;
    int handle;
  }

  interface RowSink {
    void accept(Row row);
  }

  /** Generates {@code n} calls in arrival order. */
  static void generate(int n, RowSink sink) {
    SplittableRandom random = new SplittableRandom(2026);
    long start = START.atStartOfDay(ZONE).toEpochSecond();
    long span = END.atStartOfDay(ZONE).toEpochSecond() - start;
    Row row = new Row();
    for (int i = 0; i < n; i++) {
      row.index = i;
      row.arrived = start + (long) ((i + random.nextDouble()) * span / n);
      row.queue = random.nextInt(QUEUES);
      row.channel = random.nextInt(5) == 0 ? 1 : 0;
      double u = random.nextDouble();
      row.wait = random.nextInt(100) < 85
          ? (int) Math.min(3_600, -15 * Math.log(1 - u))
          : 60 + (int) (3_540 * u * u);
      int k = random.nextInt(10);
      row.kind = k < 7 ? ANSWERED : k < 9 ? 1 : 2 + random.nextInt(4);
      row.handle = row.kind == ANSWERED ? 60 + random.nextInt(541) : 0;
      sink.accept(row);
    }
  }

  static Call toCall(Row r) {
    String id = Long.toString(r.index);
    String queue = QUEUE_NAMES[r.queue];
    Instant arrived = Instant.ofEpochSecond(r.arrived);
    Instant left = Instant.ofEpochSecond(r.arrived + r.wait);
    Call call;
    switch (r.kind) {
      case ANSWERED:
        call = Call.answered(id, queue, arrived, left).withHandleTime(Duration.ofSeconds(r.handle));
        break;
      case 1:
        call = Call.abandoned(id, queue, arrived, left);
        break;
      default:
        call = Call.leftUnanswered(id, queue, arrived, left, FlowOutReason.values()[r.kind - 2]);
        break;
    }
    return r.channel == 0 ? call : call.withChannel(Channel.CHAT);
  }

  static List<Call> calls(int n) {
    List<Call> calls = new ArrayList<>(n);
    generate(n, r -> calls.add(toCall(r)));
    return calls;
  }

  /** The same calls as columns: what a hand-written primitive loop would read. */
  static final class Columns {
    final byte[] queue;
    final byte[] channel;
    final long[] arrived;
    final byte[] kind;
    final int[] wait;
    final int[] handle;

    Columns(int n) {
      queue = new byte[n];
      channel = new byte[n];
      arrived = new long[n];
      kind = new byte[n];
      wait = new int[n];
      handle = new int[n];
      generate(n, r -> {
        int i = (int) r.index;
        queue[i] = (byte) r.queue;
        channel[i] = (byte) r.channel;
        arrived[i] = r.arrived;
        kind[i] = (byte) r.kind;
        wait[i] = r.wait;
        handle[i] = r.handle;
      });
    }

    int size() {
      return wait.length;
    }
  }
}
