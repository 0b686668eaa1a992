package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fast path (columnar store, lazy rows) gives exactly the reports of the simple path ({@link ReferenceReport}). */
class ReportStoreTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** Saturday to Monday around the fall-back day: a 25-hour day inside. */
  private static final LocalDate START = LocalDate.of(2026, 10, 24);
  private static final IntervalGrid GRID = IntervalGrid.of(START, START.plusDays(3), AMSTERDAM, IntervalLength.MINUTES_15);
  private static final Instant T0 = START.atStartOfDay(AMSTERDAM).toInstant();

  private static ReportSpec spec(Attribution attribution) {
    return ReportSpec.builder(GRID).attribution(attribution)
        .definitions(ServiceLevelDefinition.standard(), Preset.ASTERISK_SL2.definition(), Preset.CISCO_UCCE_ABANDONS_IGNORED.definition(), Preset.GENESYS_CLOUD.definition())
        .queues("billing").channels(Channel.VOICE, Channel.EMAIL).build();
  }

  /**
   * Random calls over the period and an hour either side: every outcome, waiting calls, fractional instants,
   * handle times with and without nanoseconds, waits up to an hour and a few of 65,534 s to many days.
   */
  static List<Call> randomCalls(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Call> calls = new ArrayList<>(n);
    long span = 3 * 86_400L + 2 * 3_600L;
    for (int i = 0; i < n; i++) {
      Instant arrived = T0.minusSeconds(3_600).plusSeconds(random.nextLong(span)).plusNanos(random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
      long waitNanos;
      int shape = random.nextInt(100);
      if (shape < 80) {
        waitNanos = random.nextLong(60_000_000_000L);
      } else if (shape < 97) {
        waitNanos = random.nextLong(3_600_000_000_000L);
      } else {
        long[] edges = {65_534, 65_535, 65_536, 70_000, 10 * 86_400L, 400 * 86_400L};
        waitNanos = edges[random.nextInt(edges.length)] * 1_000_000_000L + random.nextInt(2) * (long) random.nextInt(1_000_000_000);
      }
      Instant left = arrived.plusNanos(waitNanos);
      String queue = List.of("sales", "support", "retention").get(random.nextInt(3));
      Channel channel = Channel.values()[random.nextInt(3)];
      int kind = random.nextInt(20);
      Call call = kind < 12 ? Call.answered("c" + i, queue, arrived, left)
          : kind < 16 ? Call.abandoned("c" + i, queue, arrived, left)
          : kind < 19 ? Call.leftUnanswered("c" + i, queue, arrived, left, FlowOutReason.values()[random.nextInt(4)])
          : Call.waiting("c" + i, queue, arrived);
      if (random.nextInt(4) != 0) {
        call = call.withHandleTime(random.nextBoolean() ? Duration.ofSeconds(random.nextInt(900))
            : Duration.ofSeconds(random.nextInt(900), random.nextInt(1_000_000_000)));
      }
      calls.add(call.withChannel(channel));
    }
    return calls;
  }

  private static void assertSame(Report fast, ReferenceReport simple) {
    assertThat(fast.spec()).isEqualTo(simple.spec);
    assertThat(fast.callsOutsidePeriod()).isEqualTo(simple.callsOutsidePeriod);
    assertThat(fast.rows()).hasSameSizeAs(simple.rows);
    for (int i = 0; i < simple.rows.size(); i++) {
      assertThat(fast.rows().get(i)).as("row %d of %s", i, fast).isEqualTo(simple.rows.get(i));
    }
    assertThat(fast.rows()).isEqualTo(simple.rows);
  }

  @ParameterizedTest
  @EnumSource(Attribution.class)
  void fastPathEqualsSimplePathForEveryAttributionAndRollUp(Attribution attribution) {
    List<Call> calls = randomCalls(attribution.ordinal() + 1, 6_000);
    ReportSpec spec = spec(attribution);
    Report fast = spec.report(calls);
    ReferenceReport simple = ReferenceReport.of(spec, calls);
    assertSame(fast, simple);
    assertSame(fast.rollUp(IntervalLength.MINUTES_60), simple.rollUp(IntervalLength.MINUTES_60));
    assertSame(fast.rollUp(IntervalLength.DAY), simple.rollUp(IntervalLength.DAY));
    assertSame(fast.rollUp(IntervalLength.WHOLE_PERIOD), simple.rollUp(IntervalLength.WHOLE_PERIOD));
    assertSame(fast.groupedBy(Dimension.QUEUE), simple.groupedBy(Dimension.QUEUE));
    assertSame(fast.groupedBy(Dimension.CHANNEL, Dimension.INTERVAL), simple.groupedBy(Dimension.CHANNEL, Dimension.INTERVAL));
    assertSame(fast.groupedBy(), simple.groupedBy());
    assertSame(fast.rollUp(IntervalLength.DAY).groupedBy(Dimension.QUEUE, Dimension.INTERVAL),
        simple.rollUp(IntervalLength.DAY).groupedBy(Dimension.QUEUE, Dimension.INTERVAL));
    assertThat(fast.total()).isEqualTo(simple.groupedBy().rows.get(0));
  }

  @Test
  void otherGroupingsOfTheSpecEqualTheSimplePath() {
    List<Call> calls = randomCalls(99, 3_000);
    for (List<Dimension> dims : List.of(List.of(Dimension.INTERVAL), List.of(Dimension.QUEUE),
        List.of(Dimension.CHANNEL), List.<Dimension>of())) {
      ReportSpec spec = spec(Attribution.EXIT).toBuilder().groupBy(dims).build();
      assertSame(spec.report(calls), ReferenceReport.of(spec, calls));
    }
  }

  @Test
  void rowByKeyIsTheRowInTheList() {
    List<Call> calls = randomCalls(5, 2_000);
    Report report = spec(Attribution.ARRIVAL).report(calls);
    for (int i = 0; i < report.rows().size(); i += 37) {
      ReportRow row = report.rows().get(i);
      assertThat(report.row(row.key())).contains(row);
    }
    assertThat(report.row(ReportKey.all())).isEmpty();
    Report days = report.rollUp(IntervalLength.DAY);
    assertThat(days.row(days.rows().get(4).key())).contains(days.rows().get(4));
    assertThat(report.groupedBy().row(ReportKey.all())).contains(report.total());
  }

  @Test
  void mergedAccumulatorsEqualSequential() {
    List<Call> calls = randomCalls(17, 9_000);
    ReportSpec spec = spec(Attribution.PER_EVENT);
    Report sequential = spec.report(calls);
    ReportAccumulator a = spec.newAccumulator();
    ReportAccumulator b = spec.newAccumulator();
    ReportAccumulator c = spec.newAccumulator();
    a.addAll(calls.subList(0, 2_000));
    b.addAll(calls.subList(2_000, 5_000));
    c.addAll(calls.subList(5_000, 9_000));
    b.addAll(c); // b holds c's blocks, with c's queue/channel numbering
    a.addAll(b);
    assertThat(a.report().rows()).isEqualTo(sequential.rows());
    assertThat(a.report().callsOutsidePeriod()).isEqualTo(sequential.callsOutsidePeriod());
    // Adding to a merged-in accumulator later does not change the merge.
    c.addAll(calls.subList(0, 100));
    assertThat(a.report().rows()).isEqualTo(sequential.rows());
    assertThat(calls.parallelStream().collect(spec.collector()).rows()).isEqualTo(sequential.rows());
  }

  @Test
  void anAccumulatorAddedToItselfCountsEverythingTwice() {
    List<Call> calls = randomCalls(23, 1_500);
    ReportSpec spec = spec(Attribution.ARRIVAL);
    ReportAccumulator twice = spec.newAccumulator();
    twice.addAll(calls);
    twice.addAll(twice);
    List<Call> doubled = new ArrayList<>(calls);
    doubled.addAll(calls);
    assertSame(twice.report(), ReferenceReport.of(spec, doubled));
  }

  @Test
  void theStoreBuiltByManyThreadsEqualsTheOneBuiltByOne() {
    List<Call> calls = randomCalls(31, 20_000);
    ReportSpec spec = spec(Attribution.EXIT);
    ReportAccumulator acc = spec.newAccumulator();
    acc.addAll(calls);
    Report one = Report.of(spec, ReportStore.buildInParts(acc, 1));
    for (int threads : new int[] {2, 3, 7}) {
      Report many = Report.of(spec, ReportStore.buildInParts(acc, threads));
      assertThat(many.rows()).isEqualTo(one.rows());
      assertThat(many.rollUp(IntervalLength.DAY).rows()).isEqualTo(one.rollUp(IntervalLength.DAY).rows());
    }
    assertSame(one, ReferenceReport.of(spec, calls));
  }

  @Test
  void mergedAccumulatorsBuiltByManyThreadsEqualTheSimplePath() {
    List<Call> calls = randomCalls(37, 12_000);
    ReportSpec spec = spec(Attribution.ARRIVAL);
    ReportAccumulator a = spec.newAccumulator();
    ReportAccumulator b = spec.newAccumulator();
    ReportAccumulator c = spec.newAccumulator();
    a.addAll(calls.subList(0, 4_000));
    b.addAll(calls.subList(4_000, 9_000));
    c.addAll(calls.subList(9_000, 12_000));
    b.combine(c); // the collector's merge: c's cell counts are taken over, not copied
    a.addAll(b);
    ReferenceReport simple = ReferenceReport.of(spec, calls);
    for (int parts = 1; parts <= 4; parts++) {
      assertSame(Report.of(spec, ReportStore.buildInParts(a, parts)), simple);
    }
  }

  @Test
  void theParallelCollectorOnOverAMillionCallsEqualsOneThread() {
    // Above the store's threshold (2^20 waits): the collector's report is built by every core.
    List<Call> calls = randomCalls(43, 1_300_000); // about 1.17 million waits
    ReportSpec spec = spec(Attribution.ARRIVAL);
    Report one = spec.report(calls);
    Report all = calls.parallelStream().collect(spec.collector());
    assertThat(all.rows()).isEqualTo(one.rows());
    assertThat(all.callsOutsidePeriod()).isEqualTo(one.callsOutsidePeriod());
    assertThat(all.total()).isEqualTo(one.total());
    assertThat(one.total().counts().arrivals() + one.callsOutsidePeriod()).isEqualTo(calls.size());
  }

  @Test
  void threadsForTheStore() {
    // One thread below the threshold, or when there is one core.
    assertThat(ReportStore.parts(2, 999, 10, 1_000)).isEqualTo(1);
    assertThat(ReportStore.parts(1, 30_000_000, 21_024_000, 1_000)).isEqualTo(1);
    // The year of the issue: 30 M waits (180 MB) allow 1 + 180 / 84.1 = 3 threads' counts of 21,024,000 keys.
    assertThat(ReportStore.parts(2, 30_000_000, 21_024_000, 1_000)).isEqualTo(2);
    assertThat(ReportStore.parts(16, 30_000_000, 21_024_000, 1_000)).isEqualTo(3);
    // Far more keys than waits: one thread, whatever the cores.
    assertThat(ReportStore.parts(16, 2_000_000, 100_000_000, 1_000)).isEqualTo(1);
  }

  @Test
  void queuesOfOneHashSlotAndEqualButNotIdenticalNames() {
    // "Aa" and "BB" have the same hash code, so they share a slot of the accumulator's queue cache; the names
    // are new strings for every call, equal but not identical; and 40 more queues arrive one by one through
    // the period, so the cell counts are laid out again for more groups after many intervals were counted.
    List<Call> calls = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(8);
    for (int i = 0; i < 8_000; i++) {
      Instant arrived = T0.plusSeconds(i * 30L);
      String queue = new String(i % 3 == 2 ? "q" + random.nextInt(1 + i / 200) : i % 3 == 0 ? "Aa" : "BB");
      Call call = random.nextInt(3) == 0 ? Call.abandoned("c" + i, queue, arrived, arrived.plusSeconds(i % 97))
          : Call.answered("c" + i, queue, arrived, arrived.plusSeconds(i % 61)).withHandleTime(Duration.ofSeconds(i % 400));
      calls.add(call.withChannel(Channel.values()[i % 2]));
    }
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    for (Attribution attribution : Attribution.values()) {
      ReportSpec spec = spec(attribution);
      assertSame(spec.report(calls), ReferenceReport.of(spec, calls));
    }
  }

  @Test
  void manyCallsInOneCellAndLongWaits() {
    List<Call> calls = new ArrayList<>();
    Instant nine = T0.plusSeconds(9 * 3_600);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 150_000; i++) {
      long wait = i % 1_000 == 0 ? 65_535L + random.nextInt(3) - 1 : random.nextInt(4_000);
      calls.add(Call.answered("c" + i, "sales", nine, nine.plusSeconds(wait)));
    }
    calls.add(Call.abandoned("long", "sales", nine, nine.plusSeconds(Integer.MAX_VALUE * 3L)));
    ReportSpec spec = spec(Attribution.ARRIVAL);
    Report report = spec.report(calls);
    assertSame(report, ReferenceReport.of(spec, calls));
    ReportRow nineRow = report.row(new ReportKey(java.util.Optional.of("sales"), java.util.Optional.of(Channel.VOICE),
        GRID.intervalOf(nine))).orElseThrow();
    assertThat(nineRow.counts().answered()).isEqualTo(150_000);
    assertThat(nineRow.counts().abandonedWaits().maxSeconds()).hasValue(Integer.MAX_VALUE * 3L);
    assertThat(report.total().counts()).isEqualTo(TallySnapshot.of(calls));
  }

  @Test
  void emptyReport() {
    ReportSpec spec = spec(Attribution.ARRIVAL);
    Report report = spec.report(List.of());
    assertSame(report, ReferenceReport.of(spec, List.of()));
    assertThat(report.total().counts()).isEqualTo(TallySnapshot.empty());
    assertThat(spec.newAccumulator().counts("sales", Channel.VOICE, 0)).isEqualTo(TallySnapshot.empty());
  }

  @Test
  void countsOfOneCellEqualTheSimplePath() {
    List<Call> calls = randomCalls(41, 3_000);
    ReportSpec spec = spec(Attribution.ARRIVAL);
    ReportAccumulator acc = spec.newAccumulator();
    acc.addAll(calls);
    ReferenceReport simple = ReferenceReport.of(spec, calls);
    for (ReportRow row : simple.rows.subList(0, 400)) {
      int index = GRID.indexOf(row.key().interval().orElseThrow().start());
      assertThat(acc.counts(row.key().queue().orElseThrow(), row.key().channel().orElseThrow(), index))
          .isEqualTo(row.counts());
    }
  }
}
