package io.github.callmetrics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callmetrics.call.Channel;
import io.github.callmetrics.call.FlowOutReason;
import io.github.callmetrics.interval.Attribution;
import io.github.callmetrics.interval.IntervalGrid;
import io.github.callmetrics.interval.IntervalLength;
import io.github.callmetrics.interval.MeasurementInterval;
import io.github.callmetrics.metrics.Ratio;
import io.github.callmetrics.report.Report;
import io.github.callmetrics.report.ReportKey;
import io.github.callmetrics.report.ReportRow;
import io.github.callmetrics.report.ReportSpec;
import io.github.callmetrics.tally.TallySnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live choices, hand-worked: default definition A_T / O, T = 20 s inclusive; quarter hours. */
class LiveMonitorTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private static Instant at(String localTime) {
    return OffsetDateTime.parse("2026-03-16T" + localTime + "+01:00").toInstant();
  }

  private static ReportSpec spec(Attribution attribution) {
    return ReportSpec.builder(IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), AMSTERDAM, IntervalLength.MINUTES_15))
        .attribution(attribution).build();
  }

  private static LiveMonitor monitor() {
    return LiveMonitor.builder(spec(Attribution.ARRIVAL)).window(Duration.ofMinutes(15)).build();
  }

  @Test
  void aWaitingCallCountsAgainstTheLiveServiceLevelOnlyOncePastTheThreshold() {
    LiveMonitor m = monitor();
    m.entered("sales", "c1", Channel.VOICE, at("09:00:00"));
    m.answered("sales", "c1", at("09:00:05"));
    m.entered("sales", "c2", Channel.VOICE, at("09:00:10"));

    m.advanceTo(at("09:00:30")); // c2 has waited 20 s: still within T (inclusive)
    LiveSnapshot within = m.snapshot("sales", Channel.VOICE);
    LiveFigures now = within.currentInterval().orElseThrow();
    assertThat(now.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));
    assertThat(now.counts().arrivals()).isEqualTo(2);
    assertThat(now.counts().answered()).isEqualTo(1);
    assertThat(now.counts().waiting()).isEqualTo(1);
    assertThat(within.thresholds().get(0).overThreshold()).isZero();
    assertThat(within.thresholds().get(0).breakingWithinHorizon()).isEqualTo(1); // 50 s at 09:01:00
    assertThat(within.waitingNow()).isEqualTo(1);
    assertThat(within.oldestWaiting().orElseThrow().id()).isEqualTo("c2");
    assertThat(within.longestCurrentWait()).contains(Duration.ofSeconds(20));

    m.advanceTo(at("09:00:31")); // 21 s: a miss, as if answered now
    LiveSnapshot over = m.snapshot("sales", Channel.VOICE);
    assertThat(over.currentInterval().orElseThrow().figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 2));
    assertThat(over.currentInterval().orElseThrow().counts()).isEqualTo(now.counts()); // the facts did not change
    assertThat(over.window().figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 2));
    assertThat(over.window().counts().ended()).isEqualTo(1);
    assertThat(over.thresholds().get(0).overThreshold()).isEqualTo(1);
    assertThat(over.thresholds().get(0).breakingWithinHorizon()).isZero();
  }

  @Test
  void theWindowHoldsOutcomesOfTheLastWholeSecondsExactly() {
    LiveMonitor m = monitor(); // window 15 minutes = 900 s: outcomes in (now - 900 s, now]
    m.entered("sales", "c1", Channel.VOICE, at("09:00:00"));
    m.abandoned("sales", "c1", at("09:00:10.700"));
    m.advanceTo(at("09:15:09.999"));
    assertThat(m.snapshot("sales", Channel.VOICE).window().counts().abandoned()).isEqualTo(1);
    m.advanceTo(at("09:15:10"));
    LiveSnapshot s = m.snapshot("sales", Channel.VOICE);
    assertThat(s.window().counts().abandoned()).isZero();
    assertThat(s.window().span().start()).isEqualTo(at("09:00:11"));
    assertThat(s.window().span().end()).isEqualTo(at("09:15:11"));
    assertThat(s.window().figures(0).serviceLevel().isDefined()).isFalse();
  }

  @Test
  void theClosedIntervalKeepsItsFiguresAndEventsWithinTheToleranceArePlacedByTheirOwnInstant() {
    LiveMonitor m = monitor();
    m.entered("sales", "c1", Channel.VOICE, at("09:14:50"));
    m.answered("sales", "c1", at("09:15:02"));
    // 4 s older than now, within the 5 s tolerance: placed in 09:00-09:15
    assertThat(m.entered("sales", "c2", Channel.VOICE, at("09:14:58"))).isTrue();
    m.abandoned("sales", "c2", at("09:15:03"));
    LiveSnapshot s = m.snapshot("sales", Channel.VOICE);
    assertThat(s.currentInterval().orElseThrow().span().start()).isEqualTo(at("09:15:00"));
    assertThat(s.currentInterval().orElseThrow().counts().isEmpty()).isTrue();
    LiveFigures closed = s.previousInterval().orElseThrow();
    assertThat(closed.span().start()).isEqualTo(at("09:00:00"));
    assertThat(closed.counts().answered()).isEqualTo(1);
    assertThat(closed.counts().abandoned()).isEqualTo(1);
    assertThat(closed.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 2));
  }

  @Test
  void aClosedIntervalsFiguresAreReusedUntilAnEventWithinTheToleranceChangesThem() {
    LiveMonitor m = monitor();
    m.entered("sales", "c1", Channel.VOICE, at("09:14:40"));
    m.answered("sales", "c1", at("09:14:50"));
    m.entered("sales", "c2", Channel.VOICE, at("09:15:01"));
    m.answered("sales", "c2", at("09:15:02"));
    LiveFigures closed = m.snapshot("sales", Channel.VOICE).previousInterval().orElseThrow();
    assertThat(closed.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1));

    m.advanceTo(at("09:15:03"));
    assertThat(m.snapshot("sales", Channel.VOICE).previousInterval().orElseThrow()).isSameAs(closed);

    // 4 s before now, within the 5 s tolerance: c3 arrived in 09:00-09:15, and waits there.
    assertThat(m.entered("sales", "c3", Channel.VOICE, at("09:14:59"))).isTrue();
    LiveFigures waiting = m.snapshot("sales", Channel.VOICE).previousInterval().orElseThrow();
    assertThat(waiting).isNotSameAs(closed);
    assertThat(waiting.counts().waiting()).isEqualTo(1);
    assertThat(waiting.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 1)); // c3 has waited 4 s: not counted yet

    m.abandoned("sales", "c3", at("09:15:03"));
    LiveFigures changed = m.snapshot("sales", Channel.VOICE).previousInterval().orElseThrow();
    assertThat(changed.counts().answered()).isEqualTo(1);
    assertThat(changed.counts().abandoned()).isEqualTo(1);
    assertThat(changed.counts().waiting()).isZero();
    assertThat(changed.figures(0).serviceLevel()).isEqualTo(Ratio.of(1, 2));
    assertThat(m.snapshot("sales", Channel.VOICE).previousInterval().orElseThrow()).isSameAs(changed);
  }

  @Test
  void outcomesWithinTheToleranceLeaveTheWindowInTheOrderOfTheirOwnSeconds() {
    LiveMonitor m = monitor(); // window 900 s: outcomes in (now - 900 s, now]
    m.entered("sales", "c1", Channel.VOICE, at("09:00:00"));
    m.entered("sales", "c2", Channel.VOICE, at("09:00:01"));
    m.answered("sales", "c2", at("09:00:10"));
    assertThat(m.abandoned("sales", "c1", at("09:00:07.500"))).isTrue(); // 2.5 s before now: placed at 09:00:07
    m.advanceTo(at("09:15:06.900"));
    assertThat(m.snapshot("sales", Channel.VOICE).window().counts().ended()).isEqualTo(2);
    m.advanceTo(at("09:15:07"));
    TallyCounts seven = TallyCounts.of(m.snapshot("sales", Channel.VOICE).window());
    assertThat(seven).isEqualTo(new TallyCounts(1, 1, 0));
    m.advanceTo(at("09:15:09.999"));
    assertThat(TallyCounts.of(m.snapshot("sales", Channel.VOICE).window())).isEqualTo(new TallyCounts(1, 1, 0));
    m.advanceTo(at("09:15:10"));
    assertThat(TallyCounts.of(m.snapshot("sales", Channel.VOICE).window())).isEqualTo(new TallyCounts(0, 0, 0));
  }

  /** The window's arrivals, answered and abandoned calls. */
  private record TallyCounts(long arrivals, long answered, long abandoned) {
    static TallyCounts of(LiveFigures window) {
      return new TallyCounts(window.counts().arrivals(), window.counts().answered(), window.counts().abandoned());
    }
  }

  @Test
  void aCallThatArrivedBeforeThePreviousIntervalCountsInTheReportAndTheWindowButInNoShownInterval() {
    for (Attribution attribution : Attribution.values()) {
      LiveMonitor m = LiveMonitor.builder(spec(attribution)).window(Duration.ofMinutes(15)).build();
      m.entered("sales", "c1", Channel.VOICE, at("09:00:10"));
      m.advanceTo(at("09:16:00"));
      LiveFigures stillShown = m.snapshot("sales", Channel.VOICE).previousInterval().orElseThrow();
      assertThat(stillShown.span().start()).isEqualTo(at("09:00:00"));
      assertThat(stillShown.counts().waiting()).as("%s", attribution).isEqualTo(1);

      m.advanceTo(at("09:31:00"));
      m.answered("sales", "c1", at("09:31:00")); // waited 30 min 50 s
      LiveSnapshot s = m.snapshot("sales", Channel.VOICE);
      TallySnapshot current = s.currentInterval().orElseThrow().counts();
      assertThat(s.previousInterval().orElseThrow().counts().isEmpty()).as("%s", attribution).isTrue();
      // Per event, the answer is the current interval's; the arrival stays with 09:00, never shown again.
      assertThat(current.answered()).as("%s", attribution).isEqualTo(attribution == Attribution.ARRIVAL ? 0 : 1);
      assertThat(current.arrivals()).as("%s", attribution).isEqualTo(attribution == Attribution.EXIT ? 1 : 0);
      assertThat(s.window().counts().answered()).isEqualTo(1);
      assertThat(s.window().counts().answeredWaits().max()).contains(Duration.ofSeconds(1850));
      Report report = m.report();
      ReportRow nine = report.row(new ReportKey(Optional.of("sales"), Optional.of(Channel.VOICE),
          Optional.of(MeasurementInterval.of(at("09:00:00"), at("09:15:00"))))).orElseThrow();
      assertThat(nine.counts().arrivals()).as("%s", attribution).isEqualTo(attribution == Attribution.EXIT ? 0 : 1);
      assertThat(nine.counts().answered()).as("%s", attribution).isEqualTo(attribution == Attribution.ARRIVAL ? 1 : 0);
    }
  }

  @Test
  void aLateEventIsKeptAndCountedButNotMerged() {
    LiveMonitor m = monitor();
    m.entered("sales", "c1", Channel.VOICE, at("09:15:02"));
    assertThat(m.entered("sales", "late", Channel.VOICE, at("09:14:56"))).isFalse(); // 6 s > 5 s tolerance
    assertThat(m.lateEventCount()).isEqualTo(1);
    RejectedEvent late = m.lateEvents().get(0);
    assertThat(late.reason()).isEqualTo(RejectedEvent.Reason.LATE);
    assertThat(late.event()).isEqualTo(CallEvent.entered("sales", "late", Channel.VOICE, at("09:14:56")));
    assertThat(late.message()).contains("late", "PT5S", "queue sales");
    LiveSnapshot s = m.snapshot("sales", Channel.VOICE);
    assertThat(s.lateEvents()).isEqualTo(1);
    assertThat(s.waitingNow()).isEqualTo(1);
    assertThat(s.previousInterval().orElseThrow().counts().isEmpty()).isTrue();
    assertThat(m.report().total().counts().arrivals()).isEqualTo(1);
  }

  @Test
  void anOutcomeForAnUnknownCallIsRejectedWithItsReason() {
    LiveMonitor m = monitor();
    assertThat(m.answered("sales", "ghost", at("09:00:00"))).isFalse();
    m.entered("sales", "c1", Channel.CHAT, at("09:00:01"));
    assertThat(m.entered("sales", "c1", Channel.CHAT, at("09:00:02"))).isFalse();
    assertThat(m.leftUnanswered("sales", "c1", at("09:00:00"), FlowOutReason.TIMEOUT)).isFalse();
    assertThat(m.rejectedEvents()).extracting(RejectedEvent::reason).containsExactly(
        RejectedEvent.Reason.UNKNOWN_CALL, RejectedEvent.Reason.DUPLICATE_CALL, RejectedEvent.Reason.BEFORE_ARRIVAL);
    assertThat(m.rejectedEvents().get(0).message())
        .isEqualTo("answered event of call ghost in queue sales at 2026-03-16T08:00:00Z is for a call not waiting in"
            + " sales (expected its entered event first); not counted");
    assertThat(m.snapshot("sales", Channel.CHAT).rejectedEvents()).isEqualTo(3);
    assertThat(m.snapshot("sales", Channel.CHAT).waitingNow()).isEqualTo(1);
  }

  @Test
  void withAClockWaitsGrowBetweenEventsAndEventsFromTheFutureAreRejected() {
    MutableClock clock = new MutableClock(at("09:00:00"));
    LiveMonitor m = LiveMonitor.builder(spec(Attribution.EXIT)).clock(clock).build();
    m.entered("sales", "c1", Channel.VOICE, at("09:00:00"));
    clock.now = at("09:00:45");
    LiveSnapshot s = m.snapshot("sales", Channel.VOICE);
    assertThat(s.at()).isEqualTo(at("09:00:45"));
    assertThat(s.longestCurrentWait()).contains(Duration.ofSeconds(45));
    assertThat(s.currentInterval().orElseThrow().figures(0).serviceLevel()).isEqualTo(Ratio.of(0, 1));
    assertThat(m.answered("sales", "c1", at("09:00:51"))).isFalse();
    assertThat(m.rejectedEvents().get(0).reason()).isEqualTo(RejectedEvent.Reason.FROM_THE_FUTURE);
    assertThat(m.answered("sales", "c1", at("09:00:50"))).isTrue(); // within the tolerance
  }

  @Test
  void aQueueNeverSeenHasASnapshotOfNothing() {
    LiveSnapshot s = monitor().snapshot("nobody", Channel.EMAIL);
    assertThat(s.waitingNow()).isZero();
    assertThat(s.oldestWaiting()).isEmpty();
    assertThat(s.window().counts().isEmpty()).isTrue();
    assertThat(s.currentInterval().orElseThrow().figures(0).serviceLevel().isDefined()).isFalse();
  }

  @Test
  void builderRejectsBadSettingsWithTheValueAndTheRule() {
    LiveMonitor.Builder b = LiveMonitor.builder(spec(Attribution.ARRIVAL));
    assertThatThrownBy(() -> b.window(Duration.ofMillis(1500)))
        .hasMessage("window PT1.5S is not valid (expected a positive whole number of seconds up to PT24H, for example PT30M)");
    // Found by CommandLineFuzzTest's contract on edge values: asterisk-live --window PT2562047788015215H sized
    // the ring with a negative int.
    assertThatThrownBy(() -> b.window(Duration.ofHours(2562047788015215L)))
        .hasMessage("window PT2562047788015215H is not valid (expected a positive whole number of seconds up to PT24H,"
            + " for example PT30M)");
    assertThatThrownBy(() -> b.window(Duration.ofSeconds(86_401))).isInstanceOf(IllegalArgumentException.class);
    assertThat(b.window(Duration.ofDays(1)).build().window()).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> b.lateTolerance(Duration.ofSeconds(-1)))
        .hasMessage("late tolerance PT-1S is negative (expected zero or more)");
    assertThatThrownBy(() -> monitor().entered(" ", "c1", Channel.VOICE, at("09:00:00")))
        .hasMessage("queue \" \" is blank (expected a non-blank queue name)");
  }

  @Test
  void beforeTheGridThereIsNoIntervalAndAfterItThePreviousIsTheLast() {
    LiveMonitor m = monitor();
    m.entered("sales", "c1", Channel.VOICE, Instant.parse("2026-03-17T00:00:00Z"));
    LiveSnapshot after = m.snapshot("sales", Channel.VOICE);
    assertThat(after.currentInterval()).isEmpty();
    assertThat(after.previousInterval().orElseThrow().span().end()).isEqualTo(at("23:59:59").plusSeconds(1));
    assertThat(m.report().callsOutsidePeriod()).isEqualTo(1);
    assertThat(ZoneOffset.UTC).isNotNull();
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
