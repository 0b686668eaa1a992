package io.github.callmetrics.interval;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The lengths a report's intervals can have: 1, 5, 10, 15, 30 or 60 minutes (each divides an hour, so
 * intervals align with the local clock), a local day, or the whole period as one interval.
 */
public enum IntervalLength {
  /** One minute, for centers that evaluate every minute. */
  MINUTES_1(1),
  /** Five minutes. */
  MINUTES_5(5),
  /** Ten minutes. */
  MINUTES_10(10),
  /** A quarter hour, the most common platform default. */
  MINUTES_15(15),
  /** Half an hour. */
  MINUTES_30(30),
  /** An hour. */
  MINUTES_60(60),
  /** A local day, midnight to midnight: usually 23, 24 or 25 hours long. */
  DAY(0),
  /** The whole period as one interval. */
  WHOLE_PERIOD(0);

  private final int minutes;

  IntervalLength(int minutes) {
    this.minutes = minutes;
  }

  /**
   * Returns the length of a clock-aligned interval.
   *
   * @return the length, or empty for {@link #DAY} and {@link #WHOLE_PERIOD}, whose lengths vary
   */
  public Optional<Duration> duration() {
    return minutes == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes));
  }

  /** Returns the length in minutes for a clock-aligned length, or 0 for {@link #DAY} and {@link #WHOLE_PERIOD}. */
  int minutes() {
    return minutes;
  }

  /**
   * Obtains a length from text: an ISO-8601 duration ({@code PT15M}, {@code PT1H}), minutes ({@code 15},
   * {@code 15m}), {@code day} or {@code period}, ignoring case.
   *
   * @param text  the text, not null
   * @return the length
   * @throws IllegalArgumentException if the text names no supported length; the message lists them
   */
  public static IntervalLength parse(String text) {
    requireNonNull(text, "text");
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("day") || t.equals("p1d") || t.equals("1d")) {
      return DAY;
    }
    if (t.equals("period") || t.equals("whole") || t.equals("whole-period")) {
      return WHOLE_PERIOD;
    }
    long wanted = -1;
    try {
      if (t.startsWith("pt")) {
        Duration d = Duration.parse(t);
        wanted = d.getNano() == 0 && d.getSeconds() % 60 == 0 ? d.toMinutes() : -1;
      } else {
        wanted = Long.parseLong(t.endsWith("m") ? t.substring(0, t.length() - 1) : t);
      }
    } catch (RuntimeException e) {
      wanted = -1;
    }
    for (IntervalLength length : values()) {
      if (length.minutes != 0 && length.minutes == wanted) {
        return length;
      }
    }
    throw new IllegalArgumentException("interval length \"" + text
        + "\" is not supported (expected PT1M, PT5M, PT10M, PT15M, PT30M, PT60M, day or period)");
  }

  /** {@return the length as text: {@code PT15M}, {@code day} or {@code period}} */
  public String label() {
    return this == DAY ? "day" : this == WHOLE_PERIOD ? "period" : Duration.ofMinutes(minutes).toString();
  }
}
