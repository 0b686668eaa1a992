package io.github.callmetrics.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntervalGridTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
  private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  static Stream<Arguments> intervalsPerDay() {
    return Stream.of(
        // zone, day, length, intervals that day
        Arguments.of(AMSTERDAM, "2026-03-28", IntervalLength.MINUTES_15, 96),
        Arguments.of(AMSTERDAM, "2026-03-29", IntervalLength.MINUTES_15, 92),
        Arguments.of(AMSTERDAM, "2026-10-25", IntervalLength.MINUTES_15, 100),
        Arguments.of(AMSTERDAM, "2026-03-29", IntervalLength.MINUTES_1, 1380),
        Arguments.of(AMSTERDAM, "2026-10-25", IntervalLength.MINUTES_1, 1500),
        Arguments.of(AMSTERDAM, "2026-03-29", IntervalLength.MINUTES_60, 23),
        Arguments.of(AMSTERDAM, "2026-10-25", IntervalLength.MINUTES_30, 50),
        Arguments.of(AMSTERDAM, "2026-10-25", IntervalLength.DAY, 1),
        // New York changes at 02:00 local on 2026-03-08 and 2026-11-01.
        Arguments.of(NEW_YORK, "2026-03-08", IntervalLength.MINUTES_15, 92),
        Arguments.of(NEW_YORK, "2026-11-01", IntervalLength.MINUTES_15, 100),
        Arguments.of(NEW_YORK, "2026-07-01", IntervalLength.MINUTES_5, 288),
        // Lord Howe moves its clock by half an hour: 02:00 -> 02:30 on 2026-10-04, 02:00 -> 01:30 on 2026-04-05.
        Arguments.of(LORD_HOWE, "2026-10-04", IntervalLength.MINUTES_30, 47),
        Arguments.of(LORD_HOWE, "2026-04-05", IntervalLength.MINUTES_30, 49),
        Arguments.of(LORD_HOWE, "2026-10-04", IntervalLength.MINUTES_60, 24),
        Arguments.of(LORD_HOWE, "2026-04-05", IntervalLength.MINUTES_60, 24),
        // No daylight saving at all.
        Arguments.of(KOLKATA, "2026-03-29", IntervalLength.MINUTES_15, 96),
        Arguments.of(KOLKATA, "2026-10-25", IntervalLength.MINUTES_10, 144),
        // A leap day is an ordinary day.
        Arguments.of(AMSTERDAM, "2028-02-29", IntervalLength.MINUTES_15, 96),
        Arguments.of(ZoneId.of("UTC"), "2024-02-29", IntervalLength.MINUTES_15, 96));
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @MethodSource
  void intervalsPerDay(ZoneId zone, String day, IntervalLength length, int expected) {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.parse(day), zone, length);
    assertThat(grid.size()).isEqualTo(expected);
    assertThat(grid.intervalsOn(LocalDate.parse(day))).isEqualTo(expected);
    assertContiguousAndFindable(grid);
  }

  @Test
  void amsterdamFallBackRepeatsTheHourWithBothOffsets() {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 10, 25), AMSTERDAM, IntervalLength.MINUTES_15);
    // 00:00..02:00 local is 8 quarter hours; then 02:00..03:00 at +02:00 (4), then again at +01:00 (4).
    assertThat(grid.interval(8).format(AMSTERDAM)).isEqualTo("2026-10-25T02:00:00+02:00/2026-10-25T02:15:00+02:00");
    assertThat(grid.interval(11).format(AMSTERDAM)).isEqualTo("2026-10-25T02:45:00+02:00/2026-10-25T02:00:00+01:00");
    assertThat(grid.interval(12).format(AMSTERDAM)).isEqualTo("2026-10-25T02:00:00+01:00/2026-10-25T02:15:00+01:00");
    assertThat(grid.interval(16).format(AMSTERDAM)).isEqualTo("2026-10-25T03:00:00+01:00/2026-10-25T03:15:00+01:00");
    assertThat(grid.intervals()).allSatisfy(i -> assertThat(i.toDuration()).isEqualTo(Duration.ofMinutes(15)));
  }

  @Test
  void amsterdamSpringForwardSkipsTheHour() {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 29), AMSTERDAM, IntervalLength.MINUTES_15);
    assertThat(grid.interval(7).format(AMSTERDAM)).isEqualTo("2026-03-29T01:45:00+01:00/2026-03-29T03:00:00+02:00");
    assertThat(grid.interval(8).format(AMSTERDAM)).isEqualTo("2026-03-29T03:00:00+02:00/2026-03-29T03:15:00+02:00");
    assertThat(grid.period().toDuration()).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void lordHoweHalfHourShiftMakesOneHourShortAndOneLong() {
    IntervalGrid spring = IntervalGrid.ofDay(LocalDate.of(2026, 10, 4), LORD_HOWE, IntervalLength.MINUTES_60);
    assertThat(spring.interval(2).toDuration()).isEqualTo(Duration.ofMinutes(30)); // 02:00(=02:30)..03:00
    IntervalGrid autumn = IntervalGrid.ofDay(LocalDate.of(2026, 4, 5), LORD_HOWE, IntervalLength.MINUTES_60);
    assertThat(autumn.interval(1).toDuration()).isEqualTo(Duration.ofMinutes(90)); // 01:00..02:00 with 01:30-02:00 twice
    assertThat(autumn.period().toDuration()).isEqualTo(Duration.ofMinutes(24 * 60 + 30));
  }

  /**
   * Regression, found by {@code ReportPropertiesTest} (seed 570085007655636900): Antarctica/Troll moves its clock
   * by two hours, so 2026-10-25 lasts 26 hours (1,560 minutes) and 2026-03-29 22 hours; the grid sized its
   * array for days of at most 25 hours and failed with an ArrayIndexOutOfBoundsException.
   */
  @Test
  void antarcticaTrollHasDaysOf22And26Hours() {
    ZoneId troll = ZoneId.of("Antarctica/Troll");
    LocalDate fallBack = LocalDate.of(2026, 10, 25);
    assertThat(IntervalGrid.ofDay(fallBack, troll, IntervalLength.MINUTES_1).size()).isEqualTo(26 * 60);
    assertThat(IntervalGrid.ofDay(fallBack, troll, IntervalLength.MINUTES_30).size()).isEqualTo(52);
    assertThat(IntervalGrid.ofDay(LocalDate.of(2026, 3, 29), troll, IntervalLength.MINUTES_1).size()).isEqualTo(22 * 60);
    IntervalGrid week = IntervalGrid.of(fallBack.minusDays(3), fallBack.plusDays(4), troll, IntervalLength.MINUTES_15);
    assertThat(week.size()).isEqualTo(7 * 96 + 8);
    assertThat(week.intervalsOn(fallBack)).isEqualTo(104);
    assertContiguousAndFindable(week);
  }

  /**
   * Regression, found by {@code IntervalGridPropertiesTest} (seed -5981357445458419260): America/Havana turns its
   * clock back from 01:00 to 00:00 on 2026-11-01, so 00:00 happens twice; the second 00:00 was no boundary and
   * its first interval was merged into the one before.
   */
  @Test
  void havanaShowsMidnightTwiceOnItsFallBackDay() {
    ZoneId havana = ZoneId.of("America/Havana");
    IntervalGrid day = IntervalGrid.ofDay(LocalDate.of(2026, 11, 1), havana, IntervalLength.MINUTES_15);
    assertThat(day.size()).isEqualTo(100);
    assertThat(day.interval(0).start()).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00-04:00").toInstant());
    assertThat(day.interval(3).end()).isEqualTo(OffsetDateTime.parse("2026-11-01T01:00-04:00").toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-11-01T00:00-05:00").toInstant());
    assertThat(day.interval(4).toDuration()).isEqualTo(Duration.ofMinutes(15));
    assertContiguousAndFindable(day);
  }

  @Test
  void marchInAmsterdamHas2972QuarterHours() {
    IntervalGrid march = IntervalGrid.of(YearMonth.of(2026, 3), AMSTERDAM, IntervalLength.MINUTES_15);
    assertThat(march.size()).isEqualTo(31 * 96 - 4);
    assertThat(march.dayCount()).isEqualTo(31);
    assertContiguousAndFindable(march);
  }

  @Test
  void aYearOfQuarterHoursHas35040() {
    IntervalGrid year = IntervalGrid.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), AMSTERDAM, IntervalLength.MINUTES_15);
    assertThat(year.size()).isEqualTo(365 * 96);
    assertContiguousAndFindable(year);
    IntervalGrid days = IntervalGrid.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), AMSTERDAM, IntervalLength.DAY);
    assertThat(days.size()).isEqualTo(365);
    assertContiguousAndFindable(days);
  }

  @Test
  void boundaryInstantBelongsToTheIntervalItStarts() {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), AMSTERDAM, IntervalLength.MINUTES_15);
    Instant nineOClock = OffsetDateTime.parse("2026-03-16T09:00:00+01:00").toInstant();
    assertThat(grid.indexOf(nineOClock)).isEqualTo(36);
    assertThat(grid.indexOf(nineOClock.minusNanos(1))).isEqualTo(35);
    assertThat(grid.interval(35).contains(nineOClock)).isFalse();
    assertThat(grid.interval(36).contains(nineOClock)).isTrue();
    assertThat(grid.indexOf(grid.period().end())).isEqualTo(-1);
    assertThat(grid.indexOf(grid.period().start())).isZero();
    assertThat(grid.indexOf(grid.period().start().minusSeconds(1))).isEqualTo(-1);
  }

  @Test
  void wholePeriodGridHasOneInterval() {
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1), AMSTERDAM, IntervalLength.WHOLE_PERIOD);
    assertThat(grid.size()).isOne();
    assertThat(grid.interval(0)).isEqualTo(grid.period());
    assertThat(grid.indexOf(Instant.parse("2026-03-31T21:59:59Z"))).isZero();
    assertThat(grid.indexOf(Instant.parse("2026-03-31T22:00:00Z"))).isEqualTo(-1);
    assertThat(grid.dayOf(0)).isEqualTo(LocalDate.of(2026, 3, 1));
  }

  @Test
  void dayOfAnInterval() {
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 31), AMSTERDAM, IntervalLength.MINUTES_15);
    assertThat(grid.dayOf(95)).isEqualTo(LocalDate.of(2026, 3, 28));
    assertThat(grid.dayOf(96)).isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(grid.dayOf(96 + 91)).isEqualTo(LocalDate.of(2026, 3, 29));
    assertThat(grid.dayOf(96 + 92)).isEqualTo(LocalDate.of(2026, 3, 30));
  }

  @Test
  void rejectsBadArguments() {
    LocalDate day = LocalDate.of(2026, 3, 1);
    assertThatThrownBy(() -> IntervalGrid.of(day, day, AMSTERDAM, IntervalLength.MINUTES_15))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grid end day 2026-03-01 is not after its start day 2026-03-01 (expected at least one day; the end day is exclusive)");
    assertThatThrownBy(() -> IntervalGrid.of(day, day.plusYears(30), AMSTERDAM, IntervalLength.MINUTES_1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has more than 10000000 intervals");
    assertThatThrownBy(() -> IntervalGrid.ofDay(day, AMSTERDAM, IntervalLength.MINUTES_15).intervalsOn(day.plusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("day 2026-03-02 is not a day of the grid's period 2026-03-01 to 2026-03-02"
            + " (expected a day from 2026-03-01 to 2026-03-01)");
  }

  /** Checks intervals tile the period and every second of each maps back to its own interval. */
  private static void assertContiguousAndFindable(IntervalGrid grid) {
    List<MeasurementInterval> intervals = grid.intervals();
    assertThat(intervals.get(0).start()).isEqualTo(grid.period().start());
    assertThat(intervals.get(intervals.size() - 1).end()).isEqualTo(grid.period().end());
    for (int i = 0; i < intervals.size(); i++) {
      MeasurementInterval interval = intervals.get(i);
      assertThat(interval.isEmpty()).as("interval %d", i).isFalse();
      if (i > 0) {
        assertThat(intervals.get(i - 1).abuts(interval)).as("interval %d", i).isTrue();
      }
      assertThat(grid.indexOf(interval.start())).as("start of %d", i).isEqualTo(i);
      assertThat(grid.indexOf(interval.end().minusNanos(1))).as("last instant of %d", i).isEqualTo(i);
      assertThat(grid.indexOf(interval.start().plus(interval.toDuration().dividedBy(2)))).isEqualTo(i);
    }
  }

  @Test
  void aWholePeriodOfTenThousandYearsHoldsOnlyItsTwoEnds() {
    IntervalGrid all = IntervalGrid.of(LocalDate.of(0, 1, 1), LocalDate.of(10_000, 1, 1), ZoneId.of("UTC"),
        IntervalLength.WHOLE_PERIOD);
    assertThat(all.size()).isEqualTo(1);
    assertThat(all.dayCount()).isEqualTo(3_652_425); // 10,000 years of 365.2425 days
    assertThat(all.indexOf(java.time.Instant.parse("2026-03-16T08:00:00Z"))).isZero();
    assertThat(all.indexOf(java.time.Instant.parse("9999-12-31T23:59:59Z"))).isZero();
    assertThat(all.indexOf(java.time.Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo(-1);
    assertThat(all.dayOf(0)).isEqualTo(LocalDate.of(0, 1, 1));
    assertThat(all.period().end()).isEqualTo(java.time.Instant.parse("+10000-01-01T00:00:00Z"));
    // The calendar's ends: a whole period as long as a LocalDate allows is refused, not an int overflow.
    assertThatThrownBy(() -> IntervalGrid.of(LocalDate.MIN, LocalDate.MAX, ZoneId.of("UTC"),
        IntervalLength.WHOLE_PERIOD)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grid of 730484999633 days is longer than 2147483647 days (expected a shorter period)");
  }
}
