package io.github.callmetrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Call;
import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.definition.Preset;
import io.github.callmetrics.definition.ServiceLevelDefinition;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.Metrics;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);
  private static final ServiceLevelDefinition DEFAULT = ServiceLevelDefinition.standard();

  private static Instant at(String localTime) {
    return OffsetDateTime.parse("2026-03-16T" + localTime + "+01:00").toInstant();
  }

  private static IntervalGrid quarterHours() {
    return IntervalGrid.ofDay(MONDAY, AMSTERDAM, IntervalLength.MINUTES_15);
  }

  /** A call that arrives at 09:14:50 and is answered at 09:15:10 crosses the 09:15 boundary. */
  private static final Call CROSSING = Call.answered("x1", "sales", at("09:14:50"), at("09:15:10"));

  @Test
  void everyIntervalIsPresentTheEmptyOnesUndefined() {
    Report report = ReportSpec.builder(quarterHours()).build().report(List.of(CROSSING));
    assertThat(report.rows()).hasSize(96);
    ReportRow midnight = report.rows().get(0);
    assertThat(midnight.key()).isEqualTo(new ReportKey(Optional.of("sales"), Optional.of(Channel.VOICE),
        Optional.of(quarterHours().interval(0))));
    assertThat(midnight.counts().isEmpty()).isTrue();
    assertThat(midnight.figures(0).serviceLevel().isDefined()).isFalse();
    assertThat(midnight.figures(0).averageSpeedOfAnswer().isDefined()).isFalse();
  }

  @Test
  void arrivalAttributionCountsTheCallWhereItArrived() {
    Report report = ReportSpec.builder(quarterHours()).build().report(List.of(CROSSING));
    assertThat(rowAt(report, "09:00").counts().answered()).isEqualTo(1);
    assertThat(rowAt(report, "09:00").counts().arrivals()).isEqualTo(1);
    assertThat(rowAt(report, "09:15").counts().isEmpty()).isTrue();
    assertThat(rowAt(report, "09:00").figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));
  }

  @Test
  void exitAttributionCountsTheCallWhereItLeftTheQueue() {
    Report report = ReportSpec.builder(quarterHours()).attribution(Attribution.EXIT).build().report(List.of(CROSSING));
    assertThat(rowAt(report, "09:00").counts().isEmpty()).isTrue();
    assertThat(rowAt(report, "09:15").counts().answered()).isEqualTo(1);
    assertThat(rowAt(report, "09:15").counts().arrivals()).isEqualTo(1);
  }

  @Test
  void perEventAttributionSplitsArrivalAndAnswer() {
    Report report = ReportSpec.builder(quarterHours()).attribution(Attribution.PER_EVENT).build().report(List.of(CROSSING));
    ReportRow nine = rowAt(report, "09:00");
    ReportRow quarterPast = rowAt(report, "09:15");
    assertThat(nine.counts().arrivals()).isEqualTo(1);
    assertThat(nine.counts().answered()).isZero();
    assertThat(nine.figures(0).serviceLevel().isDefined()).isFalse(); // nothing left the queue in 09:00
    assertThat(quarterPast.counts().arrivals()).isZero();
    assertThat(quarterPast.counts().answered()).isEqualTo(1);
    assertThat(quarterPast.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));
    // The day is the same under every attribution.
    assertThat(report.rollUp(IntervalLength.DAY).rows().get(0).counts())
        .isEqualTo(TallySnapshot.of(List.of(CROSSING)));
  }

  @Test
  void callsAtIntervalBoundaries() {
    Call onStart = Call.answered("a", "sales", at("09:15:00"), at("09:15:05"));
    Call justBefore = Call.abandoned("b", "sales", at("09:14:59"), at("09:15:30"));
    Report report = ReportSpec.builder(quarterHours()).build().report(List.of(onStart, justBefore));
    assertThat(rowAt(report, "09:15").counts().answered()).isEqualTo(1);
    assertThat(rowAt(report, "09:00").counts().abandoned()).isEqualTo(1);
  }

  @Test
  void callsOutsideThePeriodAreCountedNotDropped() {
    Call before = Call.answered("early", "sales", at("00:00:00").minusSeconds(1), at("00:00:10"));
    Call inside = Call.answered("in", "sales", at("12:00:00"), at("12:00:10"));
    Report byArrival = ReportSpec.builder(quarterHours()).build().report(List.of(before, inside));
    assertThat(byArrival.callsOutsidePeriod()).isEqualTo(1);
    assertThat(byArrival.total().counts().arrivals()).isEqualTo(1);
    Report byExit = ReportSpec.builder(quarterHours()).attribution(Attribution.EXIT).build().report(List.of(before, inside));
    assertThat(byExit.callsOutsidePeriod()).isZero();
    Report perEvent = ReportSpec.builder(quarterHours()).attribution(Attribution.PER_EVENT).build()
        .report(List.of(before, inside));
    assertThat(perEvent.callsOutsidePeriod()).isEqualTo(1);
    assertThat(perEvent.total().counts().answered()).isEqualTo(2);
    assertThat(perEvent.total().counts().arrivals()).isEqualTo(1);
  }

  @Test
  void dayServiceLevelComesFromSummedCountsNotFromAveragedPercentages() {
    List<Call> calls = new ArrayList<>();
    // 09:00-09:15: one call, answered in 5 s: 100%.
    calls.add(Call.answered("q1", "sales", at("09:01:00"), at("09:01:05")));
    // 09:15-09:30: nine calls, each answered after 60 s: 0%.
    for (int i = 0; i < 9; i++) {
      calls.add(Call.answered("q2-" + i, "sales", at("09:16:00").plusSeconds(i), at("09:17:00").plusSeconds(i)));
    }
    Report report = ReportSpec.builder(quarterHours()).build().report(calls);
    assertThat(rowAt(report, "09:00").figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));
    assertThat(rowAt(report, "09:15").figures(0).serviceLevel()).isEqualTo(Ratio.of(0, 9));
    Ratio day = report.rollUp(IntervalLength.DAY).rows().get(0).figures(0).serviceLevel();
    assertThat(day).isEqualTo(Ratio.of(1, 10));
    assertThat(day).isEqualTo(Metrics.serviceLevel(TallySnapshot.of(calls), DEFAULT));
    double meanOfIntervals = (1.0 + 0.0) / 2;
    assertThat(day.value().getAsDouble()).isEqualTo(0.1).isNotEqualTo(meanOfIntervals);
  }

  @Test
  void rollUpsAndGroupingsEqualTheTallyOfTheirCalls() {
    SplittableRandom random = new SplittableRandom(7);
    List<Call> calls = randomCalls(random, 2_000);
    IntervalGrid grid = IntervalGrid.of(MONDAY, MONDAY.plusDays(3), AMSTERDAM, IntervalLength.MINUTES_15);
    for (Attribution attribution : Attribution.values()) {
      Report report = ReportSpec.builder(grid).attribution(attribution)
          .definitions(DEFAULT, Preset.ASTERISK_SL2.definition()).build().report(calls);
      Report days = report.rollUp(IntervalLength.DAY);
      Report hours = report.rollUp(IntervalLength.MINUTES_60);
      assertThat(hours.rows()).hasSize(72 * groups(calls));
      for (int d = 0; d < 3; d++) {
        LocalDate day = MONDAY.plusDays(d);
        IntervalGrid dayGrid = IntervalGrid.ofDay(day, AMSTERDAM, IntervalLength.DAY);
        for (String queue : List.of("sales", "support")) {
          for (Channel channel : List.of(Channel.VOICE, Channel.CHAT)) {
            List<Call> ofDay = new ArrayList<>();
            for (Call c : calls) {
              Instant when = attribution == Attribution.ARRIVAL ? c.arrived() : c.outcomeAt().orElseThrow();
              if (c.queue().equals(queue) && c.channel() == channel && dayGrid.indexOf(when) == 0) {
                ofDay.add(c);
              }
            }
            ReportKey key = new ReportKey(Optional.of(queue), Optional.of(channel), Optional.of(dayGrid.interval(0)));
            ReportRow row = days.row(key).orElseThrow();
            TallySnapshot expected = TallySnapshot.of(ofDay);
            if (attribution == Attribution.PER_EVENT) {
              assertThat(row.counts().ended()).as("%s %s %s %s", attribution, day, queue, channel).isEqualTo(expected.ended());
              assertThat(row.counts().answeredWaits()).isEqualTo(expected.answeredWaits());
            } else {
              assertThat(row.counts()).as("%s %s %s %s", attribution, day, queue, channel).isEqualTo(expected);
              assertThat(row.figures(1).serviceLevel())
                  .isEqualTo(Metrics.serviceLevel(expected, Preset.ASTERISK_SL2.definition()));
            }
          }
        }
      }
      TallySnapshot all = TallySnapshot.of(calls);
      ReportRow total = report.total();
      assertThat(total.counts().ended()).isEqualTo(all.ended() - outsideOutcomes(calls, grid, attribution));
      assertThat(report.groupedBy(Dimension.QUEUE).rows()).hasSize(2);
      assertThat(report.groupedBy(Dimension.INTERVAL).rows()).hasSize(grid.size());
    }
  }

  private static long outsideOutcomes(List<Call> calls, IntervalGrid grid, Attribution attribution) {
    return calls.stream().filter(c -> grid.indexOf(attribution == Attribution.ARRIVAL ? c.arrived()
        : c.outcomeAt().orElseThrow()) < 0).count();
  }

  private static int groups(List<Call> calls) {
    return (int) calls.stream().map(c -> c.queue() + c.channel()).distinct().count();
  }

  /** Random calls over Monday to Wednesday and a little beyond, in two queues and two channels. */
  static List<Call> randomCalls(SplittableRandom random, int n) {
    List<Call> calls = new ArrayList<>();
    Instant start = at("00:00:00");
    for (int i = 0; i < n; i++) {
      Instant arrived = start.plusSeconds(random.nextLong(3 * 86_400L + 3_600));
      long wait = random.nextInt(10) == 0 ? random.nextLong(900) : random.nextLong(60);
      String queue = random.nextBoolean() ? "sales" : "support";
      Channel channel = random.nextInt(3) == 0 ? Channel.CHAT : Channel.VOICE;
      int kind = random.nextInt(10);
      Call call = kind < 7 ? Call.answered("c" + i, queue, arrived, arrived.plusSeconds(wait))
          : kind < 9 ? Call.abandoned("c" + i, queue, arrived, arrived.plusSeconds(wait))
          : Call.leftUnanswered("c" + i, queue, arrived, arrived.plusSeconds(wait), FlowOutReason.values()[random.nextInt(4)]);
      calls.add(call.withChannel(channel));
    }
    return calls;
  }

  @Test
  void namedQueuesAppearWithoutCalls() {
    Report report = ReportSpec.builder(IntervalGrid.ofDay(MONDAY, AMSTERDAM, IntervalLength.DAY))
        .queues("sales", "billing").channels(Channel.VOICE, Channel.CHAT).build().report(List.of(CROSSING));
    assertThat(report.rows()).extracting(r -> r.key().queue().orElseThrow() + "/" + r.key().channel().orElseThrow())
        .containsExactly("billing/VOICE", "billing/CHAT", "sales/VOICE");
  }

  @Test
  void noCallsAtAll() {
    Report report = ReportSpec.builder(quarterHours()).groupBy(Dimension.INTERVAL).build().report(List.of());
    assertThat(report.rows()).hasSize(96).allSatisfy(r -> {
      assertThat(r.counts().isEmpty()).isTrue();
      assertThat(r.figures(0).serviceLevel().isDefined()).isFalse();
      assertThat(r.figures(0).abandonmentRate().isDefined()).isFalse();
    });
    assertThat(report.total().figures(0).serviceLevel()).isEqualTo(Ratio.undefined());
  }

  @Test
  void fallBackDayHas100QuarterHoursAndTheRepeatedHourKeepsItsCallsApart() {
    LocalDate day = LocalDate.of(2026, 10, 25);
    IntervalGrid grid = IntervalGrid.ofDay(day, AMSTERDAM, IntervalLength.MINUTES_15);
    Call first = Call.answered("first", "support", Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T00:30:10Z"));
    Call second = Call.answered("second", "support", Instant.parse("2026-10-25T01:30:00Z"), Instant.parse("2026-10-25T01:31:00Z"));
    Report report = ReportSpec.builder(grid).build().report(List.of(first, second));
    assertThat(report.rows()).hasSize(100);
    // Both calls arrived at 02:30 local time, an hour apart.
    assertThat(report.rows().get(10).key().interval().orElseThrow().format(AMSTERDAM))
        .isEqualTo("2026-10-25T02:30:00+02:00/2026-10-25T02:45:00+02:00");
    assertThat(report.rows().get(10).counts().answered()).isEqualTo(1);
    assertThat(report.rows().get(14).key().interval().orElseThrow().format(AMSTERDAM))
        .isEqualTo("2026-10-25T02:30:00+01:00/2026-10-25T02:45:00+01:00");
    assertThat(report.rows().get(14).figures(0).serviceLevel()).isEqualTo(Ratio.of(0, 1));
  }

  @Test
  void parallelCollectorEqualsSequential() {
    List<Call> calls = randomCalls(new SplittableRandom(11), 5_000);
    ReportSpec spec = ReportSpec.builder(IntervalGrid.of(MONDAY, MONDAY.plusDays(3), AMSTERDAM, IntervalLength.MINUTES_30)).build();
    Report sequential = spec.report(calls);
    Report parallel = calls.parallelStream().collect(spec.collector());
    assertThat(parallel.rows()).isEqualTo(sequential.rows());
    assertThat(parallel.callsOutsidePeriod()).isEqualTo(sequential.callsOutsidePeriod()).isPositive();
  }

  /**
   * Regression, found by {@code ReportPropertiesTest} (seed 1342219828518491133): a named queue that had calls
   * gave a roll-up or regrouping of a report without the queue dimension an extra, empty voice row, because the
   * coarser report looked for the queue in keys that no longer hold queues.
   */
  @Test
  void aNamedQueueWithCallsAddsNoRowToARollUpWithoutQueues() {
    Call chat = Call.answered("c1", "sales", at("09:00:00"), at("09:00:10")).withChannel(Channel.CHAT);
    ReportSpec spec = ReportSpec.builder(quarterHours()).groupBy(Dimension.CHANNEL, Dimension.INTERVAL)
        .queues("sales").build();
    Report report = spec.report(List.of(chat));
    assertThat(report.rows()).hasSize(96).allMatch(r -> r.key().channel().equals(Optional.of(Channel.CHAT)));
    Report hours = report.rollUp(IntervalLength.MINUTES_60);
    assertThat(hours.rows()).hasSize(24).allMatch(r -> r.key().channel().equals(Optional.of(Channel.CHAT)));
    assertThat(report.groupedBy(Dimension.CHANNEL).rows()).singleElement()
        .satisfies(r -> assertThat(r.key().channel()).contains(Channel.CHAT))
        .satisfies(r -> assertThat(r.counts().answered()).isEqualTo(1));
    // A named queue without calls still gets its rows, in the report and in its roll-ups.
    Report named = spec.toBuilder().queues("sales", "billing").build().report(List.of(chat));
    assertThat(named.rollUp(IntervalLength.DAY).rows().stream().map(r -> r.key().channel().orElseThrow()))
        .containsExactly(Channel.VOICE, Channel.CHAT);
  }

  /** Pacific/Apia skipped 2011-12-30: its day is an empty interval, and its row is found by its key too. */
  @Test
  void theRowOfADayTheZoneSkippedIsFoundByItsKey() {
    ZoneId apia = ZoneId.of("Pacific/Apia");
    IntervalGrid days = IntervalGrid.of(LocalDate.of(2011, 12, 29), LocalDate.of(2012, 1, 1), apia, IntervalLength.DAY);
    assertThat(days.interval(1).isEmpty()).isTrue();
    Instant noon = LocalDate.of(2011, 12, 29).atTime(12, 0).atZone(apia).toInstant();
    Report report = ReportSpec.builder(days).build().report(List.of(Call.answered("c1", "sales", noon, noon.plusSeconds(9))));
    assertThat(report.rows()).hasSize(3);
    for (ReportRow row : report.rows()) {
      assertThat(report.row(row.key())).as("row %s", row.key()).contains(row);
    }
  }

  @Test
  void rejectsImpossibleRollUpsAndGroupings() {
    Report report = ReportSpec.builder(IntervalGrid.ofDay(MONDAY, AMSTERDAM, IntervalLength.MINUTES_10))
        .groupBy(Dimension.QUEUE, Dimension.INTERVAL).build().report(List.of(CROSSING));
    assertThatThrownBy(() -> report.rollUp(IntervalLength.MINUTES_15))
        .hasMessage("cannot roll PT10M intervals up to PT15M (expected day, period, or a multiple of PT10M)");
    assertThatThrownBy(() -> report.groupedBy(Dimension.CHANNEL))
        .hasMessage("cannot group a report by [CHANNEL] (expected a subset of its dimensions [QUEUE, INTERVAL])");
    assertThat(report.rollUp(IntervalLength.MINUTES_30).rows()).hasSize(48);
  }

  private static ReportRow rowAt(Report report, String localStart) {
    Instant start = at(localStart + ":00");
    return report.rows().stream()
        .filter(r -> r.key().interval().map(MeasurementInterval::start).orElseThrow().equals(start))
        .findFirst().orElseThrow();
  }
}
