package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.sample.SampleCallGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ReportSpec#parallelReport}: ranges of the list counted by several threads, which take blocks of each
 * other's ranges when done with their own, give the report of one thread, to the last count. Most tests call
 * {@link ParallelCount#report} with small blocks and more threads than the machine may have (the pool runs some
 * counters late, after the others have taken over their ranges), so that blocks are taken from both ends of the
 * ranges.
 */
class ParallelReportTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static ReportSpec spec(IntervalGrid grid, Attribution attribution) {
    return ReportSpec.builder(grid).attribution(attribution)
        .definitions(ServiceLevelDefinition.standard(), Preset.ASTERISK_SL2.definition()).build();
  }

  /** The three days of {@link ReportStoreTest#randomCalls} in minutes: 274 chunks of intervals. */
  private static ReportSpec minuteSpec(Attribution attribution) {
    LocalDate start = LocalDate.of(2026, 10, 24);
    return spec(IntervalGrid.of(start, start.plusDays(3), AMSTERDAM, IntervalLength.MINUTES_1), attribution);
  }

  private static void assertSameReport(Report parallel, Report one) {
    assertThat(parallel.rows()).isEqualTo(one.rows());
    assertThat(parallel.callsOutsidePeriod()).isEqualTo(one.callsOutsidePeriod());
    assertThat(parallel.total()).isEqualTo(one.total());
    assertThat(parallel.rollUp(IntervalLength.DAY).rows()).isEqualTo(one.rollUp(IntervalLength.DAY).rows());
  }

  @ParameterizedTest
  @EnumSource(Attribution.class)
  void theSampleCountedInBlocksEqualsTheReferencePath(Attribution attribution) {
    List<Call> calls = SampleCallGenerator.calls();
    ReportSpec spec = spec(IntervalGrid.of(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 11, 2), AMSTERDAM,
        IntervalLength.MINUTES_15), attribution);
    ReferenceReport reference = ReferenceReport.of(spec, calls);
    for (int threads : new int[] {2, 3, 8}) {
      Report parallel = ParallelCount.report(spec, calls, threads, 1);
      assertThat(parallel.rows()).as("%d threads", threads).isEqualTo(reference.rows);
      assertThat(parallel.callsOutsidePeriod()).isEqualTo(reference.callsOutsidePeriod);
    }
    assertSameReport(spec.parallelReport(calls), spec.report(calls));
  }

  @ParameterizedTest
  @EnumSource(Attribution.class)
  void randomCallsCountedInBlocksEqualOneThread(Attribution attribution) {
    List<Call> shuffled = ReportStoreTest.randomCalls(attribution.ordinal() + 70, 20_000);
    List<Call> inTimeOrder = new ArrayList<>(shuffled);
    inTimeOrder.sort(Comparator.comparing(Call::arrived));
    ReportSpec spec = minuteSpec(attribution);
    for (List<Call> calls : List.of(inTimeOrder, shuffled)) {
      Report one = spec.report(calls);
      assertThat(one.callsOutsidePeriod()).isPositive();
      // Blocks of one call, of 64, and of 870 (the last one of a range shorter).
      assertSameReport(ParallelCount.report(spec, calls, 2, 1), one);
      assertSameReport(ParallelCount.report(spec, calls, 3, 64), one);
      assertSameReport(ParallelCount.report(spec, calls, 7, 870), one);
      assertSameReport(spec.parallelReport(calls), one);
    }
  }

  @Test
  void overAMillionCallsOnEveryCoreEqualOneThread() {
    // Above the store's threshold (2^20 waits): the store is sorted by every core too.
    List<Call> calls = ReportStoreTest.randomCalls(43, 1_300_000);
    calls.sort(Comparator.comparing(Call::arrived));
    ReportSpec spec = minuteSpec(Attribution.ARRIVAL);
    Report one = spec.report(calls);
    assertSameReport(spec.parallelReport(calls), one);
    assertThat(one.total().counts().arrivals() + one.callsOutsidePeriod()).isEqualTo(calls.size());
  }

  @Test
  @SuppressWarnings("JdkObsolete") // a list without random access, on purpose
  void shortAndEmptyListsAndListsWithoutRandomAccess() {
    ReportSpec spec = minuteSpec(Attribution.EXIT);
    List<Call> calls = ReportStoreTest.randomCalls(5, 9_000);
    assertSameReport(spec.parallelReport(List.of()), spec.report(List.of()));
    assertThat(spec.parallelReport(List.of()).total().counts().arrivals()).isZero();
    // Under two blocks of 4,096: counted on the calling thread.
    assertSameReport(spec.parallelReport(calls.subList(0, 8_191)), spec.report(calls.subList(0, 8_191)));
    assertSameReport(ParallelCount.report(spec, calls, 2, 4_501), spec.report(calls));
    assertSameReport(spec.parallelReport(new LinkedList<>(calls)), spec.report(calls));
    assertSameReport(ParallelCount.report(spec, new LinkedList<>(calls), 2, 1), spec.report(calls));
  }

  @Test
  void aNullCallIsReportedAsByOneThread() {
    List<Call> calls = new ArrayList<>(ReportStoreTest.randomCalls(9, 10_000));
    calls.set(7_777, null);
    ReportSpec spec = minuteSpec(Attribution.ARRIVAL);
    assertThatNullPointerException().isThrownBy(() -> spec.report(calls)).withMessage("call");
    assertThatNullPointerException().isThrownBy(() -> spec.parallelReport(calls)).withMessage("call");
    assertThatNullPointerException().isThrownBy(() -> ParallelCount.report(spec, calls, 2, 1)).withMessage("call");
    assertThatNullPointerException().isThrownBy(() -> spec.parallelReport(null)).withMessage("calls");
  }

  @Test
  void aReportBeyondItsLimitsFailsWithTheMessageOfOneThreadNotAWrappedCopy() {
    // 525,600 minutes hold at most 512 queue/channel groups; 600 queues are too many, in whichever thread.
    IntervalGrid minutes = IntervalGrid.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), AMSTERDAM,
        IntervalLength.MINUTES_1);
    ReportSpec spec = ReportSpec.builder(minutes).build();
    Instant t = LocalDate.of(2026, 6, 1).atStartOfDay(AMSTERDAM).toInstant();
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      calls.add(Call.abandoned("c" + i, "q" + i % 600, t.plusSeconds(i), t.plusSeconds(i + 5))
          .withChannel(Channel.CHAT));
    }
    Collections.shuffle(calls, new java.util.Random(3));
    String message = "report of 525600 intervals cannot hold more than 512 queue/channel groups"
        + " (expected fewer queues, longer intervals or a shorter period)";
    assertThatIllegalStateException().isThrownBy(() -> spec.report(calls)).withMessage(message);
    assertThatIllegalStateException().isThrownBy(() -> spec.parallelReport(calls)).withMessage(message);
    assertThatIllegalStateException().isThrownBy(() -> ParallelCount.report(spec, calls, 4, 1)).withMessage(message);
  }

  @Test
  void theCallingThreadAndOnePerCore() {
    assertThat(ParallelCount.BLOCK).isEqualTo(4_096);
    assertThat(ParallelCount.threads()).isBetween(1, Runtime.getRuntime().availableProcessors());
  }
}
