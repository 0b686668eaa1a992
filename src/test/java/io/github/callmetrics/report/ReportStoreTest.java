package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
        long[] edges = {8_191, 8_192, 8_193, 65_534, 65_535, 65_536, 70_000, 10 * 86_400L, 400 * 86_400L};
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

  /** Minutes over the three days: 4,380 intervals, 274 chunks of 16, so the accumulator groups chunks itself. */
  private static ReportSpec minuteSpec(Attribution attribution) {
    return ReportSpec.builder(IntervalGrid.of(START, START.plusDays(3), AMSTERDAM, IntervalLength.MINUTES_1))
        .attribution(attribution)
        .definitions(ServiceLevelDefinition.standard(), Preset.ASTERISK_SL2.definition())
        .build();
  }

  @ParameterizedTest
  @EnumSource(Attribution.class)
  void chunksGroupedWhileCountingEqualTheSimplePath(Attribution attribution) {
    List<Call> shuffled = randomCalls(attribution.ordinal() + 50, 12_000);
    List<Call> inTimeOrder = new ArrayList<>(shuffled);
    inTimeOrder.sort(java.util.Comparator.comparing(Call::arrived));
    // Mostly in time order, one call in 50 a day late: it counts in a chunk the accumulator has grouped already.
    List<Call> someLate = new ArrayList<>(inTimeOrder);
    for (int i = 0; i + 4_000 < someLate.size(); i += 50) {
      someLate.add(i + 4_000, someLate.remove(i));
    }
    ReportSpec spec = minuteSpec(attribution);
    for (List<Call> calls : List.of(inTimeOrder, someLate, shuffled)) {
      ReferenceReport simple = ReferenceReport.of(spec, calls);
      ReportAccumulator whole = spec.newAccumulator();
      whole.addAll(calls);
      for (int parts = 1; parts <= 3; parts++) {
        assertSame(Report.of(spec, ReportStore.buildInParts(whole, parts)), simple);
      }
      assertSame(whole.report().rollUp(IntervalLength.DAY), simple.rollUp(IntervalLength.DAY));
      // Parts of the calls counted apart and merged, both ways: a chunk at the seam has the grouped chunks of two
      // accumulators, or grouped waits and entries not grouped yet.
      ReportAccumulator a = spec.newAccumulator();
      ReportAccumulator b = spec.newAccumulator();
      ReportAccumulator c = spec.newAccumulator();
      a.addAll(calls.subList(0, 3_000));
      b.addAll(calls.subList(3_000, 7_500));
      c.addAll(calls.subList(7_500, calls.size()));
      b.combine(c);
      a.addAll(b);
      assertSame(Report.of(spec, ReportStore.buildInParts(a, 2)), simple);
      assertThat(calls.parallelStream().collect(spec.collector()).rows()).isEqualTo(simple.rows);
    }
    // In time order the accumulator grouped every chunk but the last two or three, and the store took them as they
    // are (with a table of columns).
    ReportAccumulator ordered = spec.newAccumulator();
    ordered.addAll(inTimeOrder);
    ReportStore store = ReportStore.buildInParts(ordered, 1);
    assertThat(java.util.Arrays.stream(store.columns).filter(java.util.Objects::nonNull).count()).isGreaterThanOrEqualTo(store.chunks.length - 3L);
  }

  @Test
  void aReportTakenWhileCountingDoesNotChangeLater() {
    List<Call> calls = randomCalls(61, 10_000);
    calls.sort(java.util.Comparator.comparing(Call::arrived));
    ReportSpec spec = minuteSpec(Attribution.EXIT);
    ReportAccumulator acc = spec.newAccumulator();
    List<Report> reports = new ArrayList<>();
    for (int from = 0; from < calls.size(); from += 2_500) {
      acc.addAll(calls.subList(from, from + 2_500));
      reports.add(acc.report());
    }
    for (int r = 0; r < reports.size(); r++) {
      assertSame(reports.get(r), ReferenceReport.of(spec, calls.subList(0, (r + 1) * 2_500)));
    }
    ReportAccumulator twice = spec.newAccumulator();
    twice.addAll(calls.subList(0, 5_000));
    twice.addAll(twice);
    List<Call> doubled = new ArrayList<>(calls.subList(0, 5_000));
    doubled.addAll(calls.subList(0, 5_000));
    assertSame(twice.report(), ReferenceReport.of(spec, doubled));
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
    List<Call> shuffled = randomCalls(31, 20_000);
    // In time order as well: then the accumulator groups most chunks of intervals itself, and the store takes
    // them as they are; in random order the store groups every chunk.
    List<Call> inTimeOrder = new ArrayList<>(shuffled);
    inTimeOrder.sort(java.util.Comparator.comparing(Call::arrived));
    for (List<Call> calls : List.of(shuffled, inTimeOrder)) {
      ReportSpec spec = spec(Attribution.EXIT);
      ReportAccumulator acc = spec.newAccumulator();
      acc.addAll(calls);
      ReportStore oneStore = ReportStore.buildInParts(acc, 1);
      Report one = Report.of(spec, oneStore);
      for (int threads : new int[] {2, 3, 7, 100_000}) {
        ReportStore manyStore = ReportStore.buildInParts(acc, threads);
        // The same arrays, wait for wait: each thread groups its range's chunks as one thread would.
        assertSameArrays(manyStore, oneStore);
        Report many = Report.of(spec, manyStore);
        assertThat(many.rows()).isEqualTo(one.rows());
        assertThat(many.rollUp(IntervalLength.DAY).rows()).isEqualTo(one.rollUp(IntervalLength.DAY).rows());
      }
      assertSame(one, ReferenceReport.of(spec, calls));
    }
  }

  private static void assertSameArrays(ReportStore actual, ReportStore expected) {
    assertThat(actual.chunks).hasSameSizeAs(expected.chunks);
    assertThat(actual.columns).isDeepEqualTo(expected.columns);
    for (int c = 0; c < expected.chunks.length; c++) {
      WaitChunk e = expected.chunks[c];
      WaitChunk a = actual.chunks[c];
      if (e == null) {
        assertThat(a).as("chunk %d", c).isNull();
      } else {
        assertThat(a).as("chunk %d", c).isNotNull();
        assertThat(a.stride).isEqualTo(e.stride);
        assertThat(a.offsets).isEqualTo(e.offsets);
        assertThat(a.waits).isEqualTo(e.waits);
      }
    }
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
  void aYearOfMinutesHoldsUpTo512QueueChannelGroups() {
    // 6 × 525,600 keys of a group need 22 bits of the 31 of an int: 2^9 = 512 groups.
    IntervalGrid minutes = IntervalGrid.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), AMSTERDAM,
        IntervalLength.MINUTES_1);
    ReportAccumulator acc = ReportSpec.builder(minutes).build().newAccumulator();
    Instant t = LocalDate.of(2026, 6, 1).atStartOfDay(AMSTERDAM).toInstant();
    for (int q = 0; q < 256; q++) {
      acc.add(Call.abandoned("v" + q, "q" + q, t, t.plusSeconds(q)));
      acc.add(Call.abandoned("c" + q, "q" + q, t, t.plusSeconds(q)).withChannel(Channel.CHAT));
    }
    Call oneMore = Call.abandoned("e", "q0", t, t).withChannel(Channel.EMAIL);
    assertThatIllegalStateException().isThrownBy(() -> acc.add(oneMore)).withMessage("report of 525600 intervals"
        + " cannot hold more than 512 queue/channel groups (expected fewer queues, longer intervals or a shorter period)");
    acc.add(Call.abandoned("v", "q255", t, t)); // the groups already there still count
    assertThat(acc.waitCount()).isEqualTo(513);
  }

  @Test
  void threadsForTheStore() {
    // One thread below the threshold, or when there is one core; otherwise every core: a thread's range of keys
    // costs no memory of its own.
    assertThat(ReportStore.parts(2, 999, 1_000)).isEqualTo(1);
    assertThat(ReportStore.parts(1, 30_000_000, 1_000)).isEqualTo(1);
    assertThat(ReportStore.parts(2, 1_000, 1_000)).isEqualTo(2);
    assertThat(ReportStore.parts(16, 30_000_000, 1_000)).isEqualTo(16);
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
      // Around the longest wait a chunk keeps (8,191 s), and the longest the earlier store kept (65,534 s).
      long wait = i % 1_000 == 0 ? 65_535L + random.nextInt(3) - 1
          : i % 1_000 == 1 ? WaitChunk.LONG_WAIT + random.nextInt(3) - 1 : random.nextInt(4_000);
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
