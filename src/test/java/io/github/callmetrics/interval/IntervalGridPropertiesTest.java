package io.github.callmetrics.interval;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callmetrics.testing.PropertyRunner;
import io.github.callmetrics.testing.Scene;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of interval grids in many zones and on their daylight-saving days ({@link PropertyRunner}): the
 * intervals tile the period without gap or overlap, start exactly on the local clock's marks, and
 * {@code indexOf} agrees with {@code contains} for every instant.
 */
class IntervalGridPropertiesTest {

  @Test
  void intervalsTileThePeriodAndStartOnTheLocalClocksMarks() {
    PropertyRunner.forAll(1_500, g -> {
      Scene scene = g.scene();
      IntervalGrid grid = g.note("grid", g.grid(scene));
      List<MeasurementInterval> intervals = grid.intervals();
      assertThat(intervals).hasSize(grid.size());
      if (intervals.isEmpty()) {
        // Only a grid of short intervals over days the zone skips (Pacific/Apia, 2011-12-30) has none.
        assertThat(grid.period().isEmpty()).as("a grid without intervals has an empty period").isTrue();
        return;
      }
      assertThat(intervals.get(0).start()).isEqualTo(scene.start()).isEqualTo(grid.period().start());
      assertThat(intervals.get(intervals.size() - 1).end()).isEqualTo(scene.end()).isEqualTo(grid.period().end());
      Set<Instant> starts = new HashSet<>();
      Map<LocalDate, Instant> dayStarts = new HashMap<>();
      for (int i = 0; i < intervals.size(); i++) {
        MeasurementInterval interval = intervals.get(i);
        if (i > 0) {
          assertThat(interval.start()).as("interval %d starts where %d ends", i, i - 1)
              .isEqualTo(intervals.get(i - 1).end());
        }
        // Only a day the zone skips entirely (Pacific/Apia, 2011-12-30) is an empty interval: of a day grid, or
        // the whole period of a grid of that day alone.
        if (interval.isEmpty()) {
          assertThat(grid.length()).as("empty interval %s", interval)
              .isIn(IntervalLength.DAY, IntervalLength.WHOLE_PERIOD);
        }
        starts.add(interval.start());
        LocalDate day = grid.dayOf(i);
        Instant dayStart = dayStarts.computeIfAbsent(day, d -> d.atStartOfDay(scene.zone()).toInstant());
        Instant nextDayStart = dayStarts.computeIfAbsent(day.plusDays(1), d -> d.atStartOfDay(scene.zone()).toInstant());
        if (grid.length() != IntervalLength.WHOLE_PERIOD) {
          assertThat(interval.start()).as("interval %d in its day %s", i, day).isBetween(dayStart, nextDayStart);
          assertThat(interval.end()).as("interval %d in its day %s", i, day).isBetween(dayStart, nextDayStart);
        }
        grid.length().duration().ifPresent(length -> {
          LocalTime local = interval.start().atZone(scene.zone()).toLocalTime();
          boolean onMark = local.getNano() == 0 && local.getSecond() == 0
              && (local.getHour() * 60 + local.getMinute()) % length.toMinutes() == 0;
          assertThat(onMark || interval.start().equals(dayStart) || scene.transitions().contains(interval.start()))
              .as("interval %s starts on a %s mark of the local clock (%s), a day's start or an offset change",
                  interval, length, local)
              .isTrue();
        });
      }
      if (grid.length() != IntervalLength.WHOLE_PERIOD) {
        int sum = 0;
        for (LocalDate d = scene.firstDay(); d.isBefore(scene.endDay()); d = d.plusDays(1)) {
          sum += grid.intervalsOn(d);
        }
        assertThat(sum).as("intervals per day add up").isEqualTo(grid.size());
      }
      // Every local time on a mark that the clock shows is a boundary, with each of its offsets.
      grid.length().duration().ifPresent(length -> {
        for (int k = 0; k < 20; k++) {
          LocalDate day = scene.firstDay().plusDays(g.nextInt(scene.days()));
          long minutes = length.toMinutes() * g.nextInt((int) (1_440 / length.toMinutes()));
          LocalDateTime local = day.atTime(LocalTime.MIDNIGHT).plusMinutes(minutes);
          for (ZoneOffset offset : scene.zone().getRules().getValidOffsets(local)) {
            assertThat(starts).as("%s%s is a boundary", local, offset).contains(local.toInstant(offset));
          }
        }
      });
    });
  }

  @Test
  void indexOfAgreesWithContains() {
    PropertyRunner.forAll(2_000, g -> {
      Scene scene = g.scene();
      IntervalGrid grid = g.note("grid", g.grid(scene));
      for (int k = 0; k < 30; k++) {
        Instant instant = k % 3 == 0 && grid.size() > 0
            ? grid.interval(g.nextInt(grid.size())).start().plusNanos(g.pick(-1L, 0L, 1L, -1_000_000_000L))
            : g.instant(scene);
        g.note("instant", instant);
        int i = grid.indexOf(instant);
        assertThat(grid.indexOfEpochSecond(instant.getEpochSecond())).as("by epoch second").isEqualTo(i);
        if (i < 0) {
          assertThat(grid.period().contains(instant)).as("outside the period").isFalse();
          assertThat(grid.intervalOf(instant)).isEmpty();
        } else {
          assertThat(grid.interval(i).contains(instant)).as("interval %d %s contains it", i, grid.interval(i)).isTrue();
          assertThat(grid.intervalOf(instant)).contains(grid.interval(i));
          if (i > 0) {
            assertThat(grid.interval(i - 1).contains(instant)).as("the interval before does not").isFalse();
          }
          if (i + 1 < grid.size()) {
            assertThat(grid.interval(i + 1).contains(instant)).as("the interval after does not").isFalse();
          }
        }
      }
    });
  }

  @Test
  void anIntervalReadsBackFromItsText() {
    PropertyRunner.forAll(2_000, g -> {
      Scene scene = g.scene();
      Instant a = g.instant(scene);
      Instant b = g.instant(scene);
      MeasurementInterval interval = g.note("interval", a.isAfter(b) ? MeasurementInterval.of(b, a) : MeasurementInterval.of(a, b));
      assertThat(MeasurementInterval.parse(interval.toString())).isEqualTo(interval);
      assertThat(MeasurementInterval.parse(g.note("text", interval.format(scene.zone())))).isEqualTo(interval);
    });
  }
}
