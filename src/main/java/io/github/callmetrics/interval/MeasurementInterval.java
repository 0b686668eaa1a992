package io.github.callmetrics.interval;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A half-open span of time {@code [start, end)}: it contains its start and not its end, so consecutive
 * intervals share a boundary and every instant belongs to exactly one of them. A call arriving exactly at
 * an interval's start belongs to it; one arriving exactly at its end belongs to the next.
 *
 * <p>Obtain one with {@link #of(Instant, Instant)}, {@link #of(Instant, Duration)} or
 * {@link #parse(CharSequence)}; {@link #toString()} gives the ISO-8601 form that {@code parse} reads back.
 * An interval whose start equals its end is empty: it contains no instant.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class MeasurementInterval implements Comparable<MeasurementInterval> {
  private final Instant start;
  private final Instant end;

  private MeasurementInterval(Instant start, Instant end) {
    this.start = start;
    this.end = end;
  }

  /**
   * Obtains the interval from {@code start} inclusive to {@code end} exclusive.
   *
   * @param start  the start, inclusive, not null
   * @param end  the end, exclusive, not before the start
   * @return the interval
   * @throws IllegalArgumentException if the end is before the start
   */
  public static MeasurementInterval of(Instant start, Instant end) {
    requireNonNull(start, "start");
    requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("interval end " + end + " is before its start " + start
          + " (expected start <= end)");
    }
    return new MeasurementInterval(start, end);
  }

  /**
   * Obtains the interval that starts at {@code start} and lasts {@code duration}.
   *
   * @param start  the start, inclusive, not null
   * @param duration  the length, zero or positive
   * @return the interval
   * @throws IllegalArgumentException if the duration is negative, or so long that the end would be after
   *     {@link Instant#MAX}
   */
  public static MeasurementInterval of(Instant start, Duration duration) {
    requireNonNull(start, "start");
    requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("interval duration " + duration + " is negative (expected zero or more)");
    }
    Instant end;
    try {
      end = start.plus(duration);
    } catch (DateTimeException | ArithmeticException e) {
      throw new IllegalArgumentException("interval duration " + duration + " from " + start
          + " ends after the last instant " + Instant.MAX + " (expected a shorter duration)", e);
    }
    return of(start, end);
  }

  /**
   * Obtains an interval from ISO-8601 text: two instants, or an instant and a duration, separated by a
   * slash. Instants may carry {@code Z} or an offset: {@code 2026-03-29T00:00:00Z/2026-03-29T00:15:00Z},
   * {@code 2026-03-29T01:00+01:00/2026-03-29T01:15+01:00}, {@code 2026-03-29T00:00:00Z/PT15M}.
   *
   * @param text  the text, not null
   * @return the interval
   * @throws IllegalArgumentException if the text is not such an interval; the message quotes it and says
   *     what was expected
   */
  public static MeasurementInterval parse(CharSequence text) {
    requireNonNull(text, "text");
    String s = text.toString();
    int slash = s.indexOf('/');
    if (slash < 0 || slash != s.lastIndexOf('/')) {
      throw badInterval(s, "one '/' between start and end");
    }
    Instant start;
    Instant end;
    try {
      start = parseInstant(s.substring(0, slash));
      String second = s.substring(slash + 1);
      if (second.startsWith("P") || second.startsWith("p")) {
        Duration duration = Duration.parse(second);
        if (duration.isNegative()) {
          throw badInterval(s, "a duration of zero or more");
        }
        try {
          end = start.plus(duration);
        } catch (DateTimeException | ArithmeticException e) {
          throw badInterval(s, "a shorter duration: it ends after the last instant " + Instant.MAX);
        }
      } else {
        end = parseInstant(second);
      }
    } catch (DateTimeException | ArithmeticException e) { // unparsable, or beyond the range of an instant
      throw badInterval(s, "ISO-8601 instants with Z or an offset, or an instant and a duration");
    }
    if (end.isBefore(start)) {
      throw badInterval(s, "start <= end");
    }
    return new MeasurementInterval(start, end);
  }

  private static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // OffsetDateTime stops at the year 999,999,999; Instant goes a year further, and toString's UTC form of
      // such an instant must read back too.
      return Instant.parse(text);
    }
  }

  private static IllegalArgumentException badInterval(String text, String expected) {
    return new IllegalArgumentException("interval \"" + text + "\" is not valid (expected " + expected + ")");
  }

  /** {@return the start, inclusive} */
  public Instant start() {
    return start;
  }

  /** {@return the end, exclusive} */
  public Instant end() {
    return end;
  }

  /** {@return the length, {@code end − start}} */
  public Duration toDuration() {
    return Duration.between(start, end);
  }

  /** {@return whether the interval is empty: its start equals its end} */
  public boolean isEmpty() {
    return start.equals(end);
  }

  /**
   * Checks if an instant is in this interval: {@code start ≤ instant < end}.
   *
   * @param instant  the instant, not null
   * @return true if the interval contains it; always false for an empty interval
   */
  public boolean contains(Instant instant) {
    requireNonNull(instant, "instant");
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /**
   * Checks if this interval and another overlap: they are equal, or each starts before the other ends
   * ({@code start < other.end && other.start < end}). Intervals that only touch ({@link #abuts}) do not
   * overlap; an empty interval overlaps an interval that strictly surrounds its instant.
   *
   * @param other  the other interval, not null
   * @return true if they overlap
   */
  public boolean overlaps(MeasurementInterval other) {
    requireNonNull(other, "other");
    return equals(other) || (start.isBefore(other.end) && other.start.isBefore(end));
  }

  /**
   * Checks if this interval ends where the other starts, or starts where the other ends, without
   * overlapping it.
   *
   * @param other  the other interval, not null
   * @return true if they abut
   */
  public boolean abuts(MeasurementInterval other) {
    requireNonNull(other, "other");
    return end.equals(other.start) ^ start.equals(other.end);
  }

  /**
   * Checks if this interval contains all of another: {@code start ≤ other.start} and
   * {@code other.end ≤ end}.
   *
   * @param other  the other interval, not null
   * @return true if this interval encloses the other
   */
  public boolean encloses(MeasurementInterval other) {
    requireNonNull(other, "other");
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  /**
   * Formats the interval with the offsets of a time zone, for example
   * {@code 2026-10-25T02:45+02:00/2026-10-25T02:00+01:00}: unambiguous on daylight-saving days.
   *
   * @param zone  the zone whose offsets to show, not null
   * @return the ISO-8601 text, which {@link #parse} reads back
   */
  public String format(ZoneId zone) {
    requireNonNull(zone, "zone");
    return formatInstant(start, zone) + "/" + formatInstant(end, zone);
  }

  /**
   * Formats an instant as an ISO-8601 date-time with the offset of a zone, for example
   * {@code 2026-10-25T02:45:00+02:00}.
   *
   * @param instant  the instant, not null
   * @param zone  the zone, not null
   * @return the text
   * @throws DateTimeException if the instant is outside the supported range
   */
  public static String formatInstant(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Orders by start, then by end. */
  @Override
  public int compareTo(MeasurementInterval other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : end.compareTo(other.end);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MeasurementInterval
        && ((MeasurementInterval) o).start.equals(start)
        && ((MeasurementInterval) o).end.equals(end);
  }

  @Override
  public int hashCode() {
    return start.hashCode() ^ Integer.rotateLeft(end.hashCode(), 16);
  }

  /** Returns the interval in ISO-8601 form with UTC instants, {@code 2026-03-29T00:00:00Z/2026-03-29T00:15:00Z}. */
  @Override
  public String toString() {
    return start + "/" + end;
  }
}
