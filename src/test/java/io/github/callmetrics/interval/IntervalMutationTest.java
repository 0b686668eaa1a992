package io.github.callmetrics.interval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edges of the interval grid and its values that mutation testing (docs/development/mutation-testing.md) found untested:
 * a day the zone skips, a day whose intervals differ in length, the day estimate overshooting after a long
 * day, whole-period and day grids over several days, the interval limit, and every alias and message.
 */
class IntervalMutationTest {
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ZoneId APIA = ZoneId.of("Pacific/Apia");
  private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
  private static final LocalDate DEC_29 = LocalDate.of(2011, 12, 29);

  @Test
  void aDayTheZoneSkipsHasNoIntervals() {
    // Samoa moved across the date line: in Pacific/Apia, 2011-12-30 never happened (29th 23:59:59 −10:00 was
    // followed by 31st 00:00 +14:00, 2011-12-30T10:00Z).
    IntervalGrid grid = IntervalGrid.of(DEC_29, DEC_29.plusDays(3), APIA, IntervalLength.MINUTES_60);
    assertThat(grid.size()).isEqualTo(48);
    assertThat(grid.intervalsOn(DEC_29)).isEqualTo(24);
    assertThat(grid.intervalsOn(DEC_29.plusDays(1))).isZero();
    assertThat(grid.intervalsOn(DEC_29.plusDays(2))).isEqualTo(24);
    assertThat(grid.dayOf(23)).isEqualTo(DEC_29);
    assertThat(grid.dayOf(24)).isEqualTo(DEC_29.plusDays(2));
    assertThat(grid.indexOf(Instant.parse("2011-12-30T09:30:00Z"))).isEqualTo(23);
    assertThat(grid.indexOf(Instant.parse("2011-12-30T10:30:00Z"))).isEqualTo(24);
    // As days: the skipped day is one empty interval, at the instant of the jump.
    IntervalGrid days = IntervalGrid.of(DEC_29, DEC_29.plusDays(3), APIA, IntervalLength.DAY);
    assertThat(days.size()).isEqualTo(3);
    assertThat(days.interval(1)).isEqualTo(MeasurementInterval.parse("2011-12-30T10:00:00Z/2011-12-30T10:00:00Z"));
    assertThat(days.dayOf(2)).isEqualTo(DEC_29.plusDays(2));
    assertThat(days.indexOf(Instant.parse("2011-12-30T10:00:00Z"))).isEqualTo(2);
  }

  @Test
  void instantsOnADayWithAShortIntervalAreFound() {
    // Lord Howe Island moves its clock half an hour: on 2026-10-04, 02:00 standard time is 02:30 daylight
    // time, so the hour intervals start at 00:00, 01:00, 02:30 (the end of the skipped half hour), 03:00, ...
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 10, 4), LORD_HOWE, IntervalLength.MINUTES_60);
    Instant tenPastThree = OffsetDateTime.parse("2026-10-04T03:10:00+11:00").toInstant();
    assertThat(grid.indexOf(tenPastThree)).isEqualTo(3);
    assertThat(grid.indexOf(OffsetDateTime.parse("2026-10-04T02:40:00+11:00").toInstant())).isEqualTo(2);
    assertThat(grid.indexOf(OffsetDateTime.parse("2026-10-04T23:59:59+11:00").toInstant())).isEqualTo(23);
  }

  @Test
  void anInstantLateOnTheDayAfterALongDayIsFound() {
    // Amsterdam 2026-10-24..27: days of 24, 25 and 24 hours. 2026-10-26T23:50 local (22:50Z) is 3 days and
    // 50 minutes after the first midnight, so dividing by 24 hours guesses the 27th; it is the 26th's last
    // quarter hour, index 96 + 100 + 95.
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 28), AMSTERDAM,
        IntervalLength.MINUTES_15);
    Instant late = Instant.parse("2026-10-26T22:50:00Z");
    assertThat(grid.indexOf(late)).isEqualTo(291);
    assertThat(grid.intervalOf(late)).contains(MeasurementInterval.parse("2026-10-26T22:45:00Z/PT15M"));
    assertThat(grid.intervalsOn(LocalDate.of(2026, 10, 25))).isEqualTo(100);
    assertThat(grid.intervalsOn(LocalDate.of(2026, 10, 27))).isEqualTo(96);
    IntervalGrid days = IntervalGrid.of(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 10, 28), AMSTERDAM,
        IntervalLength.DAY);
    assertThat(days.indexOf(late)).isEqualTo(2);
  }

  @Test
  void intervalOfTheFirstAndOutsideInstants() {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 16), ZoneId.of("UTC"), IntervalLength.MINUTES_15);
    Instant midnight = Instant.parse("2026-03-16T00:00:00Z");
    assertThat(grid.intervalOf(midnight)).contains(MeasurementInterval.of(midnight, Duration.ofMinutes(15)));
    assertThat(grid.intervalOf(midnight.minusSeconds(1))).isEmpty();
    assertThat(grid.intervalOf(midnight.plus(Duration.ofDays(1)))).isEmpty();
    assertThat(grid.dayOf(0)).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(grid).hasToString("IntervalGrid{2026-03-16..2026-03-17 UTC PT15M}");
  }

  @Test
  void aWholePeriodGridOfSeveralDaysPutsEveryInstantInItsOneInterval() {
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4), AMSTERDAM,
        IntervalLength.WHOLE_PERIOD);
    assertThat(grid.indexOf(Instant.parse("2026-03-02T12:00:00Z"))).isZero();
    assertThat(grid.indexOf(Instant.parse("2026-02-28T23:00:00Z"))).isZero();
    assertThat(grid.dayOf(0)).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> grid.intervalsOn(LocalDate.of(2026, 3, 2)))
        .withMessage("day 2026-03-02 is not a day of the grid's period 2026-03-01 to 2026-03-04 with day-aligned"
            + " intervals (expected a grid of days or clock-aligned intervals)");
  }

  @Test
  void intervalsOnRejectsADayBeforeThePeriod() {
    IntervalGrid grid = IntervalGrid.ofDay(LocalDate.of(2026, 3, 1), AMSTERDAM, IntervalLength.MINUTES_15);
    assertThatIllegalArgumentException().isThrownBy(() -> grid.intervalsOn(LocalDate.of(2026, 2, 28)))
        .withMessage("day 2026-02-28 is not a day of the grid's period 2026-03-01 to 2026-03-02"
            + " (expected a day from 2026-03-01 to 2026-03-01)");
    assertThat(grid.intervalsOn(LocalDate.of(2026, 3, 1))).isEqualTo(96);
  }

  @Test
  void gridsOfMoreThanTenMillionIntervalsAreRefusedBeforeTheyAreBuilt() {
    LocalDate start = LocalDate.of(2000, 1, 1);
    // Ten million and one days: refused by their count, without computing a single midnight.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IntervalGrid.of(start, start.plusDays(10_000_001), AMSTERDAM, IntervalLength.DAY))
        .withMessage("grid of 10000001 days of day intervals has more than 10000000 intervals (expected a shorter"
            + " period or longer intervals)");
    // Hour intervals: at most 25 + 1 a day, so 384,616 days may need 10,000,016.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IntervalGrid.of(start, start.plusDays(384_616), AMSTERDAM, IntervalLength.MINUTES_60))
        .withMessage("grid of 384616 days of PT1H intervals has more than 10000000 intervals (expected a shorter"
            + " period or longer intervals)");
    // The whole period is one interval, however long.
    assertThat(IntervalGrid.of(start, start.plusDays(20_000), AMSTERDAM, IntervalLength.WHOLE_PERIOD).size()).isOne();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "p1d, DAY", "1d, DAY", " Day , DAY",
      "whole, WHOLE_PERIOD", "whole-period, WHOLE_PERIOD",
      "pt30m, MINUTES_30", "PT300S, MINUTES_5", "10m, MINUTES_10", "1, MINUTES_1"})
  void lengthAliases(String text, IntervalLength expected) {
    assertThat(IntervalLength.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0", "PT0M", "7", "PT15M30S", "PT15M0.5S", "-15", "m", "PT1D"})
  void lengthsThatAreNotSupported(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> IntervalLength.parse(text))
        .withMessage("interval length \"" + text + "\" is not supported (expected PT1M, PT5M, PT10M, PT15M, PT30M,"
            + " PT60M, day or period)");
  }

  @Test
  void lengthLabelsAndDurations() {
    assertThat(IntervalLength.DAY.label()).isEqualTo("day");
    assertThat(IntervalLength.WHOLE_PERIOD.label()).isEqualTo("period");
    assertThat(IntervalLength.MINUTES_15.label()).isEqualTo("PT15M");
    assertThat(IntervalLength.MINUTES_60.label()).isEqualTo("PT1H");
    assertThat(IntervalLength.DAY.duration()).isEmpty();
    assertThat(IntervalLength.WHOLE_PERIOD.duration()).isEmpty();
    assertThat(IntervalLength.MINUTES_5.duration()).contains(Duration.ofMinutes(5));
  }

  @Test
  void attributionParsesFromItsLabel() {
    assertThat(Attribution.parse("per-event")).isEqualTo(Attribution.PER_EVENT);
    assertThat(Attribution.parse("EXIT")).isEqualTo(Attribution.EXIT);
    assertThatIllegalArgumentException().isThrownBy(() -> Attribution.parse("answer"))
        .withMessage("unknown attribution \"answer\" (expected one of arrival, exit, per-event)");
  }

  @Test
  void emptyIntervalsAndOneSidedOverlaps() {
    Instant t0 = Instant.parse("2026-03-29T00:00:00Z");
    MeasurementInterval first = MeasurementInterval.of(t0, Duration.ofMinutes(15));
    MeasurementInterval later = MeasurementInterval.of(t0.plusSeconds(3600), Duration.ofMinutes(15));
    assertThat(MeasurementInterval.of(t0, t0).isEmpty()).isTrue();
    assertThat(first.isEmpty()).isFalse();
    assertThat(later.overlaps(first)).isFalse();
    assertThat(first.overlaps(later)).isFalse();
    // Starts before, ends inside: overlaps but is not enclosed.
    MeasurementInterval straddling = MeasurementInterval.of(t0.minusSeconds(60), Duration.ofMinutes(5));
    assertThat(first.overlaps(straddling)).isTrue();
    assertThat(first.encloses(straddling)).isFalse();
    assertThat(first.encloses(MeasurementInterval.of(t0.plusSeconds(60), Duration.ofMinutes(20)))).isFalse();
    assertThat(first.encloses(first)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "2026-03-29T00:00:00Z/pt15m; 2026-03-29T00:00:00Z/2026-03-29T00:15:00Z",
      "2026-03-29T00:00:00Z/PT15M; 2026-03-29T00:00:00Z/2026-03-29T00:15:00Z"})
  void durationsParseInEitherCase(String text, String canonical) {
    assertThat(MeasurementInterval.parse(text)).hasToString(canonical);
  }

  @Test
  void aSlashFirstIsAMissingStartNotAMissingSlash() {
    assertThatIllegalArgumentException().isThrownBy(() -> MeasurementInterval.parse("/2026-03-29T00:15:00Z"))
        .withMessage("interval \"/2026-03-29T00:15:00Z\" is not valid (expected ISO-8601 instants with Z or an offset,"
            + " or an instant and a duration)");
  }

  @Test
  void gridsAreEqualWhenDaysZoneAndLengthAre() {
    LocalDate mar29 = LocalDate.of(2026, 3, 29);
    IntervalGrid grid = IntervalGrid.of(mar29, mar29.plusDays(2), AMSTERDAM, IntervalLength.MINUTES_15);
    assertThat(grid.startDay()).isEqualTo(mar29);
    assertThat(grid.endDay()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(grid.zone()).isEqualTo(AMSTERDAM);
    IntervalGrid same = IntervalGrid.of(mar29, mar29.plusDays(2), ZoneId.of("Europe/Amsterdam"),
        IntervalLength.MINUTES_15);
    assertThat(grid).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(grid)
        .isNotEqualTo(IntervalGrid.of(mar29.minusDays(1), mar29.plusDays(2), AMSTERDAM, IntervalLength.MINUTES_15))
        .isNotEqualTo(IntervalGrid.of(mar29, mar29.plusDays(3), AMSTERDAM, IntervalLength.MINUTES_15))
        .isNotEqualTo(IntervalGrid.of(mar29, mar29.plusDays(2), ZoneId.of("Europe/Brussels"),
            IntervalLength.MINUTES_15))
        .isNotEqualTo(IntervalGrid.of(mar29, mar29.plusDays(2), AMSTERDAM, IntervalLength.MINUTES_30))
        .isNotEqualTo(grid.period());
  }

  @Test
  void intervalsAreEqualWhenStartAndEndAre() {
    Instant t0 = Instant.parse("2026-03-16T09:00:00Z");
    MeasurementInterval interval = MeasurementInterval.of(t0, Duration.ofMinutes(15));
    MeasurementInterval same = MeasurementInterval.parse("2026-03-16T09:00:00Z/2026-03-16T09:15:00Z");
    assertThat(interval).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(interval)
        .isNotEqualTo(MeasurementInterval.of(t0.minusSeconds(1), t0.plusSeconds(900)))
        .isNotEqualTo(MeasurementInterval.of(t0, t0.plusSeconds(901)))
        .isNotEqualTo(t0);
  }

  @Test
  void aNegativeDurationIsRefused() {
    Instant t0 = Instant.parse("2026-03-16T09:00:00Z");
    assertThatIllegalArgumentException().isThrownBy(() -> MeasurementInterval.of(t0, Duration.ofSeconds(-1)))
        .withMessage("interval duration PT-1S is negative (expected zero or more)");
    assertThat(MeasurementInterval.of(t0, Duration.ZERO).isEmpty()).isTrue();
  }

  @Test
  void instantsBefore1970AreFound() {
    // Negative epoch seconds: the day estimate must measure from the grid's first midnight, not from 1970.
    // 1960-03-02T13:07:00Z is 1 day, 13 hours and 7 minutes after 1960-03-01T00:00Z: hour 37 of a 60-minute grid.
    ZoneId utc = ZoneId.of("UTC");
    IntervalGrid grid = IntervalGrid.of(LocalDate.of(1960, 3, 1), LocalDate.of(1960, 3, 4), utc,
        IntervalLength.MINUTES_60);
    Instant t = Instant.parse("1960-03-02T13:07:00Z");
    assertThat(t.getEpochSecond()).isNegative();
    assertThat(grid.indexOf(t)).isEqualTo(37);
    assertThat(grid.indexOf(Instant.parse("1960-03-01T00:00:00Z"))).isZero();
    assertThat(grid.indexOf(Instant.parse("1960-03-03T23:59:59Z"))).isEqualTo(71);
    assertThat(IntervalGrid.of(LocalDate.of(1960, 3, 1), LocalDate.of(1960, 3, 4), utc, IntervalLength.DAY)
        .indexOf(t)).isOne();
  }
}
