package io.github.callmetrics.interval;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A period of local days in a time zone, divided into consecutive half-open
 * {@linkplain MeasurementInterval intervals} of one {@link IntervalLength}.
 *
 * <p>Intervals are aligned to local midnight and to the local clock: a quarter-hour grid has a boundary at
 * every instant whose local time is a whole quarter hour. So a day has 96 quarter hours, except on
 * daylight-saving days: in Europe/Amsterdam 2026-03-29 has 92 (02:00–03:00 does not happen) and 2026-10-25
 * has 100 (02:00–03:00 happens twice, first at +02:00, then at +01:00). In a zone whose clock moves by
 * half an hour (Australia/Lord_Howe) an hourly interval that the shift cuts is 30 or 90 minutes long. A
 * {@link IntervalLength#DAY} grid has one interval per local day (usually 23, 24 or 25 hours); a
 * {@link IntervalLength#WHOLE_PERIOD} grid one interval for the whole period.
 *
 * <p>{@link #indexOf(Instant)} finds an instant's interval with arithmetic on epoch seconds (a binary
 * search only inside a daylight-saving day), never with a calendar object per call, so it can be called
 * for every call of a year.
 *
 * <pre>{@code
 * IntervalGrid march = IntervalGrid.of(YearMonth.of(2026, 3), ZoneId.of("Europe/Amsterdam"),
 *     IntervalLength.MINUTES_15);
 * march.size();                                   // 2972 = 31 × 96 − 4
 * int i = march.indexOf(call.arrived());          // −1 if outside March
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class IntervalGrid {
  /** The most intervals a grid may have (a year of one-minute intervals is about 527,000). */
  public static final int MAX_INTERVALS = 10_000_000;

  private static final long SECONDS_PER_DAY = 86_400;

  private final LocalDate startDay;
  private final LocalDate endDay;
  private final ZoneId zone;
  private final IntervalLength length;
  /** The number of local days. */
  private final int days;
  /**
   * Epoch second of each local midnight, plus the end of the last day; for a whole-period grid only the
   * start of the first day and the end of the last, so that its memory does not grow with the days.
   */
  private final long[] dayStarts;
  /** Epoch second of each interval's start, plus the end of the last interval. */
  private final long[] bounds;
  /** Index of each day's first interval, plus {@code size()}. */
  private final int[] dayFirstInterval;
  /** Whether a day is 24 hours of equal intervals, so an index is plain division. */
  private final boolean[] uniformDay;

  private IntervalGrid(LocalDate startDay, LocalDate endDay, ZoneId zone, IntervalLength length) {
    this.startDay = startDay;
    this.endDay = endDay;
    this.zone = zone;
    this.length = length;
    long daysBetween = ChronoUnit.DAYS.between(startDay, endDay);
    long step = length.minutes() * 60L;
    // Checked before anything is built. A day is at most 25 hours long, so it has at most 25 h / step + 1
    // intervals (the one more for a start off the clock's multiples, such as the end of a skipped hour).
    long mostIntervals = length == IntervalLength.WHOLE_PERIOD ? 1
        : length == IntervalLength.DAY ? daysBetween
        : daysBetween * (25 * 3600 / step + 1);
    if (mostIntervals > MAX_INTERVALS) {
      throw tooManyIntervals(daysBetween);
    }
    if (daysBetween > Integer.MAX_VALUE) { // only a whole period can be this long: its day count is an int
      throw new IllegalArgumentException("grid of " + daysBetween + " days is longer than " + Integer.MAX_VALUE
          + " days (expected a shorter period)");
    }
    int days = (int) daysBetween;
    this.days = days;
    if (length == IntervalLength.WHOLE_PERIOD) {
      // One interval: its two bounds are all the grid holds, whatever the number of days (a stray date in the
      // data can make the period thousands of years long).
      dayStarts = new long[] {startDay.atStartOfDay(zone).toEpochSecond(), endDay.atStartOfDay(zone).toEpochSecond()};
      bounds = dayStarts.clone();
      dayFirstInterval = new int[] {0, 1}; // every day "starts" in the one interval 0
      uniformDay = new boolean[0];
      return;
    }
    dayStarts = new long[days + 1];
    for (int d = 0; d <= days; d++) {
      dayStarts[d] = startDay.plusDays(d).atStartOfDay(zone).toEpochSecond();
    }
    dayFirstInterval = new int[days + 1];
    uniformDay = new boolean[days];
    if (length == IntervalLength.DAY) {
      bounds = dayStarts.clone();
      for (int d = 0; d <= days; d++) {
        dayFirstInterval[d] = d;
      }
    } else {
      long[] all = new long[(int) mostIntervals + 1];
      int n = 0;
      for (int d = 0; d < days; d++) {
        dayFirstInterval[d] = n;
        long[] dayBounds = dayBoundaries(startDay.plusDays(d), dayStarts[d], dayStarts[d + 1], length.minutes());
        if (n + dayBounds.length + 1 > all.length) {
          // A day longer than 24 hours: 25 after a daylight-saving change, 26 in Antarctica/Troll, about 48
          // where a zone moved across the date line.
          all = Arrays.copyOf(all, Math.max(all.length + all.length / 2, n + dayBounds.length + 1));
        }
        System.arraycopy(dayBounds, 0, all, n, dayBounds.length);
        n += dayBounds.length;
        uniformDay[d] = allIntervalsAre(step, dayBounds, dayStarts[d + 1]);
      }
      dayFirstInterval[days] = n;
      all[n] = dayStarts[days];
      bounds = Arrays.copyOf(all, n + 1);
    }
  }

  private IllegalArgumentException tooManyIntervals(long days) {
    return new IllegalArgumentException("grid of " + days + " days of " + length.label()
        + " intervals has more than " + MAX_INTERVALS + " intervals (expected a shorter period or longer intervals)");
  }

  /**
   * The starts of one local day's intervals: every instant whose local time is a whole multiple of the
   * length, both instants of a local time the clock passes twice, and the day's start.
   */
  private long[] dayBoundaries(LocalDate day, long dayStart, long nextDayStart, int minutes) {
    TreeSet<Long> starts = new TreeSet<>();
    starts.add(dayStart);
    var rules = zone.getRules();
    // From midnight itself: a zone that turns its clock back at 01:00 to 00:00 (America/Havana) shows 00:00 twice.
    for (int m = 0; m < 24 * 60; m += minutes) {
      LocalDateTime local = LocalDateTime.of(day, LocalTime.MIN).plusMinutes(m);
      List<ZoneOffset> offsets = rules.getValidOffsets(local);
      if (offsets.isEmpty()) {
        // A local time the clock skips: its interval starts when the clock jumps over it.
        starts.add(rules.getTransition(local).getInstant().getEpochSecond());
      } else {
        for (ZoneOffset offset : offsets) {
          starts.add(local.toEpochSecond(offset));
        }
      }
    }
    return starts.stream().filter(s -> s >= dayStart && s < nextDayStart).mapToLong(Long::longValue).toArray();
  }

  /**
   * Checks if every interval of a day, the last one ending at the next day's start, is {@code step} long, so
   * that an instant's index in the day is plain division. True for a day the zone skips (it has no
   * intervals, and no instant falls in it).
   */
  private static boolean allIntervalsAre(long step, long[] dayBounds, long nextDayStart) {
    for (int i = 0; i < dayBounds.length; i++) {
      long end = i + 1 < dayBounds.length ? dayBounds[i + 1] : nextDayStart;
      if (end - dayBounds[i] != step) {
        return false;
      }
    }
    return true;
  }

  /**
   * Obtains the grid of the local days from {@code startDay} inclusive to {@code endDay} exclusive.
   *
   * @param startDay  the first day, not null
   * @param endDay  the day after the last, after {@code startDay}
   * @param zone  the time zone whose local days and clock the intervals follow, not null
   * @param length  the interval length, not null
   * @return the grid
   * @throws IllegalArgumentException if {@code endDay} is not after {@code startDay}, the grid would
   *     have more than {@link #MAX_INTERVALS} intervals, or (a whole period) more than
   *     {@link Integer#MAX_VALUE} days
   */
  public static IntervalGrid of(LocalDate startDay, LocalDate endDay, ZoneId zone, IntervalLength length) {
    requireNonNull(startDay, "startDay");
    requireNonNull(endDay, "endDay");
    requireNonNull(zone, "zone");
    requireNonNull(length, "length");
    if (!endDay.isAfter(startDay)) {
      throw new IllegalArgumentException("grid end day " + endDay + " is not after its start day " + startDay
          + " (expected at least one day; the end day is exclusive)");
    }
    return new IntervalGrid(startDay, endDay, zone, length);
  }

  /**
   * Obtains the grid of one calendar month.
   *
   * @param month  the month, not null
   * @param zone  the time zone, not null
   * @param length  the interval length, not null
   * @return the grid
   */
  public static IntervalGrid of(YearMonth month, ZoneId zone, IntervalLength length) {
    requireNonNull(month, "month");
    return of(month.atDay(1), month.plusMonths(1).atDay(1), zone, length);
  }

  /**
   * Obtains the grid of one local day.
   *
   * @param day  the day, not null
   * @param zone  the time zone, not null
   * @param length  the interval length, not null
   * @return the grid
   */
  public static IntervalGrid ofDay(LocalDate day, ZoneId zone, IntervalLength length) {
    requireNonNull(day, "day");
    return of(day, day.plusDays(1), zone, length);
  }

  /** {@return the first local day} */
  public LocalDate startDay() {
    return startDay;
  }

  /** {@return the day after the last local day (exclusive end)} */
  public LocalDate endDay() {
    return endDay;
  }

  /** {@return the time zone} */
  public ZoneId zone() {
    return zone;
  }

  /** {@return the interval length} */
  public IntervalLength length() {
    return length;
  }

  /** {@return the number of intervals} */
  public int size() {
    return bounds.length - 1;
  }

  /** {@return the number of local days} */
  public int dayCount() {
    return days;
  }

  /** {@return the whole period, from the start of the first day to the end of the last} */
  public MeasurementInterval period() {
    return MeasurementInterval.of(Instant.ofEpochSecond(dayStarts[0]), Instant.ofEpochSecond(dayStarts[dayStarts.length - 1]));
  }

  /**
   * Returns one interval.
   *
   * @param index  from 0 to {@code size() − 1}
   * @return the interval
   * @throws IndexOutOfBoundsException if the index is outside the grid
   */
  public MeasurementInterval interval(int index) {
    Objects.checkIndex(index, size());
    return MeasurementInterval.of(Instant.ofEpochSecond(bounds[index]), Instant.ofEpochSecond(bounds[index + 1]));
  }

  /** {@return every interval, in order} */
  public List<MeasurementInterval> intervals() {
    ImmutableList.Builder<MeasurementInterval> list = ImmutableList.builderWithExpectedSize(size());
    for (int i = 0; i < size(); i++) {
      list.add(interval(i));
    }
    return list.build();
  }

  /**
   * Returns the index of the interval that contains an instant.
   *
   * @param instant  the instant, not null
   * @return the index, from 0 to {@code size() − 1}, or −1 if the instant is outside the period
   */
  public int indexOf(Instant instant) {
    return indexOfEpochSecond(instant.getEpochSecond());
  }

  /**
   * Returns the index of the interval that contains an instant given as epoch seconds (any fraction of a
   * second truncated toward the past, as {@link Instant#getEpochSecond()} does).
   *
   * @param epochSecond  the instant's epoch second
   * @return the index, or −1 if the instant is outside the period
   */
  public int indexOfEpochSecond(long epochSecond) {
    int last = dayStarts.length - 1; // 1 for a whole period, whose array holds only its two ends
    if (epochSecond < dayStarts[0] || epochSecond >= dayStarts[last]) {
      return -1;
    }
    if (length == IntervalLength.WHOLE_PERIOD) {
      return 0;
    }
    // Days are about 24 hours long (22 to 26 in real zones), so the estimate is off by a day or two at most.
    int d = (int) Math.min(last - 1, (epochSecond - dayStarts[0]) / SECONDS_PER_DAY);
    while (dayStarts[d] > epochSecond) {
      d--;
    }
    while (dayStarts[d + 1] <= epochSecond) {
      d++;
    }
    if (length == IntervalLength.DAY) {
      return d;
    }
    if (uniformDay[d]) {
      return dayFirstInterval[d] + (int) ((epochSecond - dayStarts[d]) / (length.minutes() * 60L));
    }
    int i = Arrays.binarySearch(bounds, dayFirstInterval[d], dayFirstInterval[d + 1], epochSecond);
    return i >= 0 ? i : -i - 2;
  }

  /**
   * Returns the interval that contains an instant.
   *
   * @param instant  the instant, not null
   * @return the interval, or empty if the instant is outside the period
   */
  public Optional<MeasurementInterval> intervalOf(Instant instant) {
    int i = indexOf(instant);
    return i < 0 ? Optional.empty() : Optional.of(interval(i));
  }

  /**
   * Returns the local day an interval belongs to: the day of its start. For a whole-period grid, the first day.
   *
   * @param index  the interval's index
   * @return the local day
   * @throws IndexOutOfBoundsException if the index is outside the grid
   */
  public LocalDate dayOf(int index) {
    Objects.checkIndex(index, size());
    if (length == IntervalLength.WHOLE_PERIOD) {
      return startDay;
    }
    int d = Arrays.binarySearch(dayFirstInterval, index);
    if (d < 0) {
      d = -d - 2;
    } else {
      // Days share a first interval when one of them has none: a day the zone skipped (Pacific/Apia, 2011-12-30).
      // The last entry is size(), above every index, so the loop stops inside the array.
      while (dayFirstInterval[d + 1] == index) {
        d++;
      }
    }
    return startDay.plusDays(d);
  }

  /**
   * Returns how many intervals a local day of this grid has.
   *
   * @param day  a day of the period, not null
   * @return the count: 96 quarter hours on most days, 92 or 100 on daylight-saving days in Europe
   * @throws IllegalArgumentException if the day is outside the period, or the grid is a whole-period grid
   */
  public int intervalsOn(LocalDate day) {
    requireNonNull(day, "day");
    if (day.isBefore(startDay) || !day.isBefore(endDay) || length == IntervalLength.WHOLE_PERIOD) {
      throw new IllegalArgumentException("day " + day + " is not a day of the grid's period " + startDay + " to "
          + endDay + (length == IntervalLength.WHOLE_PERIOD
              ? " with day-aligned intervals (expected a grid of days or clock-aligned intervals)"
              : " (expected a day from " + startDay + " to " + endDay.minusDays(1) + ")"));
    }
    int d = (int) ChronoUnit.DAYS.between(startDay, day);
    return dayFirstInterval[d + 1] - dayFirstInterval[d];
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof IntervalGrid)) {
      return false;
    }
    IntervalGrid other = (IntervalGrid) o;
    return startDay.equals(other.startDay) && endDay.equals(other.endDay) && zone.equals(other.zone)
        && length == other.length;
  }

  @Override
  public int hashCode() {
    return Objects.hash(startDay, endDay, zone, length);
  }

  /** Returns the grid as text, for example {@code IntervalGrid{2026-03-01..2026-04-01 Europe/Amsterdam PT15M}}. */
  @Override
  public String toString() {
    return "IntervalGrid{" + startDay + ".." + endDay + " " + zone + " " + length.label() + "}";
  }
}
